package dev.assistant.db.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The password is in no toString, masked URL or message, whichever path it came in by. */
class MaskingTest {

    private static final String SECRET = "Zq9-s3cr3t!";
    private static final String ENCODED = "Zq9-s3cr3t%21";

    @TempDir
    static Path project;

    static Stream<Arguments> everyWayInForAPassword() throws IOException {
        Path dotenvDir = Files.createDirectories(project.resolve("dotenv"));
        Files.writeString(dotenvDir.resolve(".env"), "POSTGRES_PASSWORD=" + SECRET + "\n");
        Path dotenvUrlDir = Files.createDirectories(project.resolve("dotenv-url"));
        Files.writeString(dotenvUrlDir.resolve(".env"), "DATABASE_URL=postgresql://u:" + ENCODED + "@h/db\n");
        return Stream.of(
                Arguments.of("explicit password", ConnectionSettingsResolver.create().environment(Map.of())
                        .password(SECRET)),
                Arguments.of("explicit url", ConnectionSettingsResolver.create().environment(Map.of())
                        .url("postgresql://u:" + ENCODED + "@h/db?sslmode=require")),
                Arguments.of("jdbc url", ConnectionSettingsResolver.create().environment(Map.of())
                        .url("jdbc:postgresql://h/db?password=" + ENCODED + "&user=u")),
                Arguments.of("DATABASE_URL", ConnectionSettingsResolver.create()
                        .environment(Map.of("DATABASE_URL", "postgres://u:" + ENCODED + "@h:5432/db"))),
                Arguments.of("POSTGRES_PASSWORD", ConnectionSettingsResolver.create()
                        .environment(Map.of("POSTGRES_PASSWORD", SECRET))),
                Arguments.of(".env POSTGRES_PASSWORD", ConnectionSettingsResolver.create().environment(Map.of())
                        .dotenvDirectory(dotenvDir)),
                Arguments.of(".env DATABASE_URL", ConnectionSettingsResolver.create().environment(Map.of())
                        .dotenvDirectory(dotenvUrlDir)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyWayInForAPassword")
    void thePasswordIsUsedButNeverShown(String way, ConnectionSettingsResolver resolver) {
        ConnectionSettings settings = resolver.resolve();

        assertThat(settings.password()).isEqualTo(SECRET);
        assertThat(settings.jdbcProperties().getProperty("password")).isEqualTo(SECRET);
        assertThat(settings.toString()).doesNotContain(SECRET).doesNotContain(ENCODED).contains("****");
        assertThat(settings.maskedUrl()).doesNotContain(SECRET).doesNotContain(ENCODED);
        assertThat(settings.jdbcUrl()).doesNotContain(SECRET).doesNotContain(ENCODED);
        assertThat(settings.sources().toString()).doesNotContain(SECRET);
        assertThat(settings.redact("FATAL: login failed; url=postgresql://u:" + ENCODED + "@h, pw " + SECRET
                + " and password=" + SECRET)).doesNotContain(SECRET).doesNotContain(ENCODED);
    }

    @Test
    void malformedUrlsDoNotLeakThePasswordInTheirMessage() {
        for (String url : new String[] {"postgresql://u:" + SECRET + "@h:port/db", "ftp://u:" + SECRET + "@h/db",
                "postgresql://u:" + SECRET + "@@h/db", "postgresql://u:" + SECRET + "@/db",
                "jdbc:postgresql://h:x/db?password=" + SECRET}) {
            Throwable failure = catchThrowable(() -> ConnectionSettingsResolver.create().environment(Map.of())
                    .url(url).resolve());
            assertThat(failure).as(url).isInstanceOf(InvalidConnectionSettingsException.class);
            assertThat(failure.getMessage()).as(url).doesNotContain(SECRET);
            assertThat(failure.toString()).as(url).doesNotContain(SECRET);
        }
    }

    @Test
    void maskedUrlKeepsEverythingButThePassword() {
        ConnectionSettings settings = ConnectionSettingsResolver.create().environment(Map.of())
                .url("postgresql://temporal:" + ENCODED + "@localhost:5432/the_assistant?sslmode=require").resolve();
        assertThat(settings.maskedUrl())
                .isEqualTo("postgresql://temporal:****@localhost:5432/the_assistant?sslmode=require");
    }

    @Test
    void aPasswordEqualToTheUserNameIsNotRedactedFromOtherText() {
        ConnectionSettings settings = ConnectionSettingsResolver.create().environment(Map.of()).resolve();
        assertThat(settings.redact("applied by temporal")).isEqualTo("applied by temporal");
        assertThat(settings.maskedUrl()).isEqualTo("postgresql://temporal:****@postgresql:5432/the_assistant");
    }

    @Test
    void withDatabaseKeepsTheCredentials() {
        ConnectionSettings settings = ConnectionSettingsResolver.create().environment(Map.of())
                .password(SECRET).resolve().withDatabase("shadow_1");
        assertThat(settings.database()).isEqualTo("shadow_1");
        assertThat(settings.password()).isEqualTo(SECRET);
        assertThat(settings.toString()).contains("/shadow_1").doesNotContain(SECRET);
    }
}
