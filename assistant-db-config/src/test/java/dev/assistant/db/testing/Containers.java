package dev.assistant.db.testing;

import dev.assistant.db.config.ConnectionSettings;
import dev.assistant.db.config.ConnectionSettingsResolver;
import java.util.Map;
import java.util.Optional;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** A PostgreSQL container for the JVM's lifetime, when a Docker engine answers. */
final class Containers {

    static final String IMAGE = "postgres:15-alpine";

    private Containers() {
    }

    static Optional<ConnectionSettings> startIfDockerAnswers() {
        if (!dockerAnswers()) {
            return Optional.empty();
        }
        PostgreSQLContainer container = new PostgreSQLContainer(IMAGE)
                .withDatabaseName("postgres")
                .withUsername("assistant_test")
                .withPassword("assistant_test");
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "stop-test-postgres"));
        return Optional.of(ConnectionSettingsResolver.create()
                .url(container.getJdbcUrl())
                .user(container.getUsername())
                .password(container.getPassword())
                .environment(Map.of())
                .resolve());
    }

    private static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
