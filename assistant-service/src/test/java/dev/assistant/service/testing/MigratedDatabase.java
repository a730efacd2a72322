package dev.assistant.service.testing;

import dev.assistant.db.config.ConnectionSettings;
import dev.assistant.db.config.ConnectionSettingsResolver;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/** The integration-test database that the build migrated in pre-integration-test, as Failsafe was told. */
public final class MigratedDatabase {

    private MigratedDatabase() {
    }

    public static ConnectionSettings settings() {
        String file = System.getProperty(IntegrationTestDatabase.CONNECTION_FILE);
        if (file == null || file.isBlank() || !Files.isRegularFile(Path.of(file))) {
            throw new IllegalStateException("The service's integration tests run against the database the build"
                    + " migrates first; run them with `mvn verify` (or `make test`), not on their own.");
        }
        Properties connection = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
            connection.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ConnectionSettingsResolver.create()
                .url(connection.getProperty("url"))
                .user(connection.getProperty("user"))
                .password(connection.getProperty("password"))
                .environment(Map.of())
                .resolve();
    }
}
