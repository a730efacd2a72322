package dev.assistant.db.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TestDatabaseServerTest {

    @Test
    void scratchNamesAreValidUniqueIdentifiers() {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String name = TestDatabaseServer.scratchName("My Test-Class$Inner " + "x".repeat(i % 90));
            assertThat(name).matches("[a-z0-9_]{1,63}").startsWith("assistant_test_");
            names.add(name);
        }
        assertThat(names).hasSizeGreaterThan(190);
        assertThat(TestDatabaseServer.scratchName("")).startsWith("assistant_test_db_");
    }

    @Test
    void theStampOfAScratchNameTellsItsAge() {
        String name = TestDatabaseServer.scratchName("SomeIT");
        assertThat(TestDatabaseServer.stampOf(name)).matches("\\d{12}");
        assertThat(TestDatabaseServer.stampOf("assistant_test_other")).isNull();
        assertThat(TestDatabaseServer.stampOf("the_assistant")).isNull();
    }

    @Test
    void theFallbackServerIsOnThePortMakeDbUpProvisions() {
        assertThat(TestDatabaseServer.fallbackPort(null)).isEqualTo(5432);
        assertThat(TestDatabaseServer.fallbackPort(" ")).isEqualTo(5432);
        assertThat(TestDatabaseServer.fallbackPort("5497")).isEqualTo(5497);
        assertThatThrownBy(() -> TestDatabaseServer.fallbackPort("54x2")).hasMessageContaining("POSTGRES_PORT");
    }

    @Test
    void whenNoServerAnswersTheFailureSaysHowToGetOne() throws IOException {
        int unusedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            unusedPort = socket.getLocalPort();
        }
        assertThatThrownBy(() -> TestDatabaseServer.resolve(null, Optional::empty, "localhost", unusedPort))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No PostgreSQL server for the tests: localhost:" + unusedPort
                        + " as assistant_test (this machine: ASSISTANT_TEST_DATABASE_URL is not set and no Docker"
                        + " engine answers)")
                .hasMessageContaining("ASSISTANT_TEST_DATABASE_URL=postgresql://")
                .hasMessageContaining("start a Docker engine")
                .hasMessageContaining("make db-up")
                .hasMessageContaining("CREATE ROLE assistant_test");
    }

    @Test
    void aConfiguredUrlThatDoesNotAnswerFailsRatherThanFallingBack() throws IOException {
        int unusedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            unusedPort = socket.getLocalPort();
        }
        assertThatThrownBy(() -> TestDatabaseServer.resolve(
                "postgresql://someone:Zq9secret@localhost:" + unusedPort + "/postgres",
                () -> {
                    throw new AssertionError("must not look for Docker when a URL is configured");
                }, "localhost", 5432))
                .hasMessageContaining("(ASSISTANT_TEST_DATABASE_URL)")
                .hasMessageNotContaining("Zq9secret");
    }
}
