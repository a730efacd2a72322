package dev.assistant.db.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseUrlTest {

    private static ConnectionSettings resolve(String url) {
        return ConnectionSettingsResolver.create().url(url).environment(Map.of()).resolve();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "postgresql://alice:pw@db.example:6543/assistant",
        "postgres://alice:pw@db.example:6543/assistant",
        "postgresql+asyncpg://alice:pw@db.example:6543/assistant",
        "postgresql+psycopg://alice:pw@db.example:6543/assistant",
        "jdbc:postgresql://db.example:6543/assistant?user=alice&password=pw",
        "POSTGRESQL://alice:pw@db.example:6543/assistant"
    })
    void everyAcceptedFormGivesTheSameSettings(String url) {
        ConnectionSettings settings = resolve(url);
        assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:6543/assistant");
        assertThat(settings.user()).isEqualTo("alice");
        assertThat(settings.password()).isEqualTo("pw");
    }

    @Test
    void userAndPasswordArePercentDecoded() {
        ConnectionSettings settings = resolve("postgresql://us%65r%2Bx:p%40ss%3Aw%2Frd%25+@h/db");
        assertThat(settings.user()).isEqualTo("user+x");
        assertThat(settings.password()).isEqualTo("p@ss:w/rd%+");
    }

    @Test
    void queryParametersPassThroughWithoutCredentials() {
        ConnectionSettings settings = resolve(
                "jdbc:postgresql://h:5432/db?sslmode=require&user=u&password=secret&ApplicationName=my%20app");
        assertThat(settings.parameters()).containsExactly(
                Map.entry("sslmode", "require"), Map.entry("ApplicationName", "my app"));
        assertThat(settings.jdbcUrl())
                .isEqualTo("jdbc:postgresql://h:5432/db?sslmode=require&ApplicationName=my%20app")
                .doesNotContain("secret");
    }

    @Test
    void ipv6HostsKeepTheirBrackets() {
        ConnectionSettings settings = resolve("postgresql://u:p@[::1]:5433/db");
        assertThat(settings.host()).isEqualTo("[::1]");
        assertThat(settings.port()).isEqualTo(5433);
        assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://[::1]:5433/db");
        assertThat(resolve("postgresql://u:p@[fe80::1]/db").port()).isEqualTo(5432);
    }

    @Test
    void aUrlWithoutPortOrDatabaseFallsThroughToTheNextLayer() {
        ConnectionSettings settings = ConnectionSettingsResolver.create()
                .environment(Map.of("DATABASE_URL", "postgresql://u:p@somehost")).resolve();
        assertThat(settings.port()).isEqualTo(5432);
        assertThat(settings.database()).isEqualTo("the_assistant");
        assertThat(settings.sources().get(ConnectionSettings.Field.DATABASE)).isEqualTo(SettingSource.DEFAULT);
    }

    /** What the PostgreSQL JDBC driver accepts: jdbc:postgresql:database means localhost:5432. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "jdbc:postgresql:assistant?user=alice&password=pw|localhost|5432|assistant",
        "JDBC:PostgreSQL:assistant?user=alice&password=pw|localhost|5432|assistant",
        "jdbc:postgresql://db.example/assistant?user=alice&password=pw|db.example|5432|assistant",
        "jdbc:postgresql://db.example:6543/assistant?user=alice&password=pw|db.example|6543|assistant",
        "jdbc:postgresql://[::1]/assistant?user=alice&password=pw|[::1]|5432|assistant"
    })
    void theJdbcDriversShortFormsAreAccepted(String url, String host, int port, String database) {
        ConnectionSettings settings = resolve(url);
        assertThat(settings.host()).isEqualTo(host);
        assertThat(settings.port()).isEqualTo(port);
        assertThat(settings.database()).isEqualTo(database);
        assertThat(settings.user()).isEqualTo("alice");
        assertThat(settings.password()).isEqualTo("pw");
    }

    @Test
    void aPasswordWrittenEmptyIsAnEmptyPassword() {
        ConnectionSettings settings = resolve("postgresql://alice:@db.example/assistant");
        assertThat(settings.password()).isEmpty();
        assertThat(settings.sources().get(ConnectionSettings.Field.PASSWORD)).isEqualTo(SettingSource.EXPLICIT);
        assertThat(settings.maskedUrl()).isEqualTo("postgresql://alice@db.example:5432/assistant");
        assertThat(resolve("jdbc:postgresql://db.example/assistant?user=alice&password=").password()).isEmpty();
    }

    @Test
    void aQueryParameterMayHoldAnAtSign() {
        ConnectionSettings settings = resolve("postgresql://alice:pw@db.example:5432/assistant?application_name=me@ci");
        assertThat(settings.password()).isEqualTo("pw");
        assertThat(settings.parameters()).containsEntry("application_name", "me@ci");
        assertThat(resolve("postgresql://db.example:5432/assistant?application_name=me@ci&user=alice&password=pw")
                .host()).isEqualTo("db.example");
    }

    @Test
    void anUnencodedAtSignIsExplained() {
        assertThatThrownBy(() -> resolve("postgresql://user:se@cret@host/db"))
                .isInstanceOf(InvalidConnectionSettingsException.class)
                .hasMessageContaining("unencoded '@'")
                .hasMessageContaining("%40")
                .hasMessageContaining("(postgresql://host/db)")
                .hasMessageNotContaining("cret");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "mysql://u:secret@h/db|the scheme 'mysql' is not a PostgreSQL URL",
        "localhost:5432/db|it has no scheme",
        "postgresql://u:secret@h:abc/db|the port is not a number between 1 and 65535",
        "postgresql://u:secret@h:70000/db|the port 70000 is not between 1 and 65535",
        "postgresql://u:secret@h1:5432,h2:5432/db|it names several hosts",
        "jdbc:postgresql:/db?password=secret|after jdbc:postgresql: comes either //host/database",
        "postgresql://u:secret@:5432/db|it names no host",
        "postgresql://u:secret@/db|it names no host",
        "postgresql://u:sec%zzret@h/db|not followed by two hex digits",
        "postgresql://u:se?cret@h/db|a '?' comes before the '@'",
        "postgresql://u:secret@[::1/db|no closing ']'"
    })
    void malformedUrlsAreRejectedWithTheReasonAndNoPassword(String url, String reason) {
        assertThatThrownBy(() -> resolve(url))
                .isInstanceOf(InvalidConnectionSettingsException.class)
                .hasMessageContaining(reason)
                .hasMessageContaining("Accepted forms: postgresql://")
                .hasMessageNotContaining("u:")
                .hasMessageNotContaining("secret")
                .hasMessageNotContaining("sec%zzret");
    }
}
