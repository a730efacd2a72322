package dev.assistant.db.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Testcontainers is asked only where it could find a Docker engine; elsewhere the tests go on without it. */
class ContainersTest {

    @TempDir
    Path home;

    @TempDir
    Path root;

    @Test
    void withNoEndpointAnywhereTestcontainersIsNotAsked() throws IOException {
        Files.writeString(home.resolve(".testcontainers.properties"), "docker.client.strategy=org.example.Strategy\n");

        assertThat(Containers.dockerMayAnswer(Map.of("XDG_RUNTIME_DIR", root.resolve("run").toString()), home,
                "Linux", root)).isFalse();
    }

    @Test
    void dockerHostOrATestcontainersHostIsAnEndpoint() throws IOException {
        assertThat(Containers.dockerMayAnswer(Map.of("DOCKER_HOST", "tcp://docker:2375"), home, "Linux", root))
                .isTrue();

        Files.writeString(home.resolve(".testcontainers.properties"), "tc.host=tcp://cloud:2375\n");
        assertThat(Containers.dockerMayAnswer(Map.of(), home, "Linux", root)).isTrue();
    }

    @Test
    void aSocketWhereTestcontainersLooksIsAnEndpoint() throws IOException {
        Path systemSocket = root.resolve("var/run/docker.sock");
        Files.createDirectories(systemSocket.getParent());
        Files.createFile(systemSocket);
        assertThat(Containers.dockerMayAnswer(Map.of(), home, "Linux", root)).isTrue();
        Files.delete(systemSocket);

        Path desktopSocket = home.resolve(".docker/desktop/docker.sock");
        Files.createDirectories(desktopSocket.getParent());
        Files.createFile(desktopSocket);
        assertThat(Containers.dockerMayAnswer(Map.of(), home, "Linux", root)).isTrue();
        Files.delete(desktopSocket);

        Path rootless = root.resolve("run/docker.sock");
        Files.createDirectories(rootless.getParent());
        Files.createFile(rootless);
        assertThat(Containers.dockerMayAnswer(Map.of("XDG_RUNTIME_DIR", rootless.getParent().toString()), home,
                "Linux", root)).isTrue();
    }

    @Test
    void onWindowsTestcontainersDecides() {
        assertThat(Containers.dockerMayAnswer(Map.of(), home, "Windows 11", root)).isTrue();
    }
}
