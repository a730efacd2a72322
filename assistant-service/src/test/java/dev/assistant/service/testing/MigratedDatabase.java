package dev.assistant.service.testing;

import dev.assistant.db.config.ConnectionSettings;
import dev.assistant.db.config.ConnectionSettingsResolver;
import java.util.Map;

/** The integration-test database that the build migrated in pre-integration-test, as Failsafe was told. */
public final class MigratedDatabase {

    private MigratedDatabase() {
    }

    public static ConnectionSettings settings() {
        String url = System.getProperty(IntegrationTestDatabase.URL);
        if (url == null || url.isBlank() || url.startsWith("${")) {
            throw new IllegalStateException("The service's integration tests run against the database the build"
                    + " migrates first; run them with `mvn verify` (or `make test`), not on their own.");
        }
        return ConnectionSettingsResolver.create()
                .url(url)
                .user(System.getProperty(IntegrationTestDatabase.USER))
                .password(System.getProperty(IntegrationTestDatabase.PASSWORD))
                .environment(Map.of())
                .resolve();
    }
}
