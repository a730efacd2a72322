package dev.assistant.db.testing;

import dev.assistant.db.config.ConnectionSettings;
import dev.assistant.db.config.ConnectionSettingsResolver;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** A PostgreSQL container for the JVM's lifetime, when a Docker engine answers. */
final class Containers {

    static final String IMAGE = "postgres:15-alpine";

    private Containers() {
    }

    static Optional<ConnectionSettings> startIfDockerAnswers() {
        if (!dockerMayAnswer(System.getenv(), Path.of(System.getProperty("user.home")), System.getProperty("os.name"),
                Path.of("/")) || !dockerAnswers()) {
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

    /**
     * Whether Testcontainers (2.0) would find something to try: DOCKER_HOST, docker.host or tc.host in
     * ~/.testcontainers.properties, the Windows named pipe, or one of the Unix sockets its strategies know. When there
     * is none, asking it could only fail, and it reports that as an ERROR block in the build log; the tests then go
     * to the local server without asking.
     */
    static boolean dockerMayAnswer(Map<String, String> environment, Path home, String osName, Path root) {
        if (!environment.getOrDefault("DOCKER_HOST", "").isBlank()
                || osName != null && osName.toLowerCase(Locale.ROOT).startsWith("windows")) {
            return true;
        }
        Properties testcontainers = testcontainersProperties(home.resolve(".testcontainers.properties"));
        if (!testcontainers.getProperty("docker.host", "").isBlank()
                || !testcontainers.getProperty("tc.host", "").isBlank()) {
            return true;
        }
        List<Path> sockets = new ArrayList<>(List.of(root.resolve("var/run/docker.sock"),
                home.resolve(".docker/run/docker.sock"), home.resolve(".docker/desktop/docker.sock")));
        String runtimeDirectory = environment.getOrDefault("XDG_RUNTIME_DIR", "");
        if (!runtimeDirectory.isBlank()) {
            sockets.add(Path.of(runtimeDirectory, "docker.sock"));
        }
        ownerId(home).ifPresent(uid -> sockets.add(root.resolve("run/user/" + uid + "/docker.sock")));
        return sockets.stream().anyMatch(Files::exists);
    }

    private static Properties testcontainersProperties(Path file) {
        Properties properties = new Properties();
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                properties.load(in);
            } catch (IOException | IllegalArgumentException unreadable) {
                // Testcontainers cannot read it either
            }
        }
        return properties;
    }

    /** The uid owning the home directory: rootless Docker's socket is in /run/user/&lt;uid&gt;. */
    private static Optional<Object> ownerId(Path home) {
        try {
            return Optional.of(Files.getAttribute(home, "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException notUnix) {
            return Optional.empty();
        }
    }

    private static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
