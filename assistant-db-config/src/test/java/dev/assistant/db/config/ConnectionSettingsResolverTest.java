package dev.assistant.db.config;

import static dev.assistant.db.config.ConnectionSettings.Field.DATABASE;
import static dev.assistant.db.config.ConnectionSettings.Field.HOST;
import static dev.assistant.db.config.ConnectionSettings.Field.PASSWORD;
import static dev.assistant.db.config.ConnectionSettings.Field.PORT;
import static dev.assistant.db.config.ConnectionSettings.Field.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The precedence table of the connection rule, layer by layer and field by field. */
class ConnectionSettingsResolverTest {

    @TempDir
    Path project;

    private final Map<String, String> environment = new HashMap<>();

    private ConnectionSettingsResolver resolver() {
        return ConnectionSettingsResolver.create().environment(environment).dotenvDirectory(project);
    }

    private void dotenv(String content) throws IOException {
        Files.writeString(project.resolve(".env"), content);
    }

    @Nested
    class EachLayerAlone {

        @Test
        void defaults() {
            ConnectionSettings settings = resolver().resolve();
            assertThat(settings.host()).isEqualTo("postgresql");
            assertThat(settings.port()).isEqualTo(5432);
            assertThat(settings.database()).isEqualTo("the_assistant");
            assertThat(settings.user()).isEqualTo("temporal");
            assertThat(settings.password()).isEqualTo("temporal");
            assertThat(settings.sources()).containsOnlyKeys(HOST, PORT, DATABASE, USER, PASSWORD)
                    .allSatisfy((field, source) -> assertThat(source).isEqualTo(SettingSource.DEFAULT));
        }

        @Test
        void dotenvFile() throws IOException {
            dotenv("DATABASE_URL=postgresql://dot:dotpw@dothost:6000/dotdb\n");
            ConnectionSettings settings = resolver().resolve();
            assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://dothost:6000/dotdb");
            assertThat(settings.user()).isEqualTo("dot");
            assertThat(settings.password()).isEqualTo("dotpw");
            assertThat(settings.sources().values()).containsOnly(SettingSource.DOTENV);
        }

        @Test
        void aNamedDotenvFileInsteadOfTheDirectorysOwn() throws IOException {
            dotenv("POSTGRES_DB=fromdirectory\n");
            Path production = Files.writeString(project.resolve("production.env"), "POSTGRES_DB=fromnamed\n");
            ConnectionSettings settings = resolver().dotenvFile(production).resolve();
            assertThat(settings.database()).isEqualTo("fromnamed");
            assertThat(settings.sources().get(DATABASE)).isEqualTo(SettingSource.DOTENV);
        }

        @Test
        void environmentDatabaseUrl() {
            environment.put("DATABASE_URL", "postgresql://env:envpw@envhost:6001/envdb");
            ConnectionSettings settings = resolver().resolve();
            assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://envhost:6001/envdb");
            assertThat(settings.sources().values()).containsOnly(SettingSource.ENVIRONMENT);
        }

        @Test
        void environmentPostgresVariables() {
            environment.putAll(Map.of("POSTGRES_HOST", "pghost", "POSTGRES_PORT", "6002", "POSTGRES_DB", "pgdb",
                    "POSTGRES_USER", "pguser", "POSTGRES_PASSWORD", "pgpw"));
            ConnectionSettings settings = resolver().resolve();
            assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://pghost:6002/pgdb");
            assertThat(settings.user()).isEqualTo("pguser");
            assertThat(settings.password()).isEqualTo("pgpw");
        }

        @Test
        void explicitUrl() {
            ConnectionSettings settings = resolver().url("postgresql://ex:expw@exhost:6003/exdb").resolve();
            assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://exhost:6003/exdb");
            assertThat(settings.sources().values()).containsOnly(SettingSource.EXPLICIT);
        }
    }

    @Nested
    class WhichLayerWins {

        @Test
        void explicitBeatsEnvironment() {
            environment.put("DATABASE_URL", "postgresql://env:envpw@envhost/envdb");
            ConnectionSettings settings = resolver().url("postgresql://ex:expw@exhost/exdb").resolve();
            assertThat(settings.host()).isEqualTo("exhost");
            assertThat(settings.user()).isEqualTo("ex");
        }

        @Test
        void explicitUserAndPasswordBeatTheExplicitUrls() {
            ConnectionSettings settings = resolver().url("postgresql://ex:expw@exhost/exdb").user("other")
                    .password("otherpw").resolve();
            assertThat(settings.user()).isEqualTo("other");
            assertThat(settings.password()).isEqualTo("otherpw");
            assertThat(settings.host()).isEqualTo("exhost");
        }

        @Test
        void environmentBeatsDotenvFieldByField() throws IOException {
            dotenv("DATABASE_URL=postgresql://dot:dotpw@dothost:6000/dotdb\n");
            environment.put("POSTGRES_USER", "envuser");
            ConnectionSettings settings = resolver().resolve();
            assertThat(settings.user()).isEqualTo("envuser");
            assertThat(settings.sources().get(USER)).isEqualTo(SettingSource.ENVIRONMENT);
            assertThat(settings.host()).isEqualTo("dothost");
            assertThat(settings.password()).isEqualTo("dotpw");
            assertThat(settings.sources().get(HOST)).isEqualTo(SettingSource.DOTENV);
        }

        @Test
        void dotenvBeatsDefaults() throws IOException {
            dotenv("POSTGRES_DB=fromdotenv\n");
            ConnectionSettings settings = resolver().resolve();
            assertThat(settings.database()).isEqualTo("fromdotenv");
            assertThat(settings.user()).isEqualTo("temporal");
            assertThat(settings.sources().get(DATABASE)).isEqualTo(SettingSource.DOTENV);
            assertThat(settings.sources().get(USER)).isEqualTo(SettingSource.DEFAULT);
        }

        @Test
        void databaseUrlBeatsPostgresVariablesInTheSameLayer() {
            environment.put("DATABASE_URL", "postgresql://url:urlpw@urlhost/urldb");
            environment.put("POSTGRES_HOST", "varhost");
            environment.put("POSTGRES_USER", "varuser");
            ConnectionSettings settings = resolver().resolve();
            assertThat(settings.host()).isEqualTo("urlhost");
            assertThat(settings.user()).isEqualTo("url");
        }

        @Test
        void aDatabaseUrlWithoutPasswordTakesPostgresPassword() {
            environment.put("DATABASE_URL", "postgresql://url@urlhost/urldb");
            environment.put("POSTGRES_PASSWORD", "frompostgres");
            ConnectionSettings settings = resolver().resolve();
            assertThat(settings.password()).isEqualTo("frompostgres");
            assertThat(settings.user()).isEqualTo("url");
        }

        @Test
        void anExplicitUrlWithoutCredentialsTakesThemFromTheEnvironment() {
            environment.put("POSTGRES_USER", "envuser");
            environment.put("POSTGRES_PASSWORD", "envpw");
            ConnectionSettings settings = resolver().url("jdbc:postgresql://exhost:5433/exdb").resolve();
            assertThat(settings.user()).isEqualTo("envuser");
            assertThat(settings.password()).isEqualTo("envpw");
            assertThat(settings.sources().get(USER)).isEqualTo(SettingSource.ENVIRONMENT);
            assertThat(settings.port()).isEqualTo(5433);
        }

        @Test
        void emptyValuesCountAsUnset() throws IOException {
            environment.put("DATABASE_URL", "");
            environment.put("POSTGRES_HOST", "  ");
            dotenv("POSTGRES_HOST=dothost\n");
            assertThat(resolver().url(" ").user("").resolve().host()).isEqualTo("dothost");
        }

        @Test
        void aMissingDotenvFileIsFine() {
            assertThat(resolver().dotenvDirectory(project.resolve("nowhere")).resolve().host()).isEqualTo("postgresql");
        }
    }

    @Nested
    class Local {

        @Test
        void makesTheDefaultHostLocalhost() {
            assertThat(resolver().local(true).resolve().host()).isEqualTo("localhost");
        }

        @Test
        void rewritesTheComposeHostFromTheEnvironmentAndDotenv() throws IOException {
            environment.put("DATABASE_URL", "postgresql://u:p@postgresql:5432/db?sslmode=disable");
            ConnectionSettings settings = resolver().local(true).resolve();
            assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/db?sslmode=disable");

            environment.clear();
            dotenv("POSTGRES_HOST=postgresql\n");
            assertThat(resolver().local(true).resolve().host()).isEqualTo("localhost");
        }

        @Test
        void leavesOtherHostsAndExplicitUrlsAlone() {
            environment.put("DATABASE_URL", "postgresql://u:p@db.internal/db");
            assertThat(resolver().local(true).resolve().host()).isEqualTo("db.internal");
            assertThat(resolver().local(true).url("postgresql://u:p@postgresql/db").resolve().host())
                    .isEqualTo("postgresql");
        }

        @Test
        void withoutLocalTheComposeHostStays() {
            environment.put("DATABASE_URL", "postgresql://u:p@postgresql/db");
            assertThat(resolver().resolve().host()).isEqualTo("postgresql");
        }
    }

    /** An explicit URL missing a part fails and names it; it never borrows the part from the defaults. */
    @Nested
    class AnExplicitUrlNeverFallsBackToTheDefaults {

        @Test
        void withoutADatabase() {
            for (String url : new String[] {"postgresql://ex:expw@exhost:6003", "postgresql://ex:expw@exhost:6003/",
                    "jdbc:postgresql://exhost:6003/?user=ex&password=expw", "jdbc:postgresql:?user=ex&password=expw"}) {
                assertThatThrownBy(() -> resolver().url(url).resolve()).as(url)
                        .isInstanceOf(InvalidConnectionSettingsException.class)
                        .hasMessageContaining("The database URL from explicit configuration (")
                        .hasMessageContaining("names no database")
                        .hasMessageNotContaining("expw");
            }
        }

        @Test
        void withoutAUser() {
            for (String url : new String[] {"postgresql://:expw@exhost/exdb", "postgresql://exhost/exdb",
                    "jdbc:postgresql://exhost/exdb", "jdbc:postgresql:exdb?password=expw"}) {
                assertThatThrownBy(() -> resolver().url(url).resolve()).as(url)
                        .isInstanceOf(InvalidConnectionSettingsException.class)
                        .hasMessageContaining("names no user")
                        .hasMessageContaining("or give an explicit user")
                        .hasMessageNotContaining("temporal")
                        .hasMessageNotContaining("expw");
            }
        }

        @Test
        void withoutAPassword() {
            assertThatThrownBy(() -> resolver().url("postgresql://ex@exhost/exdb").resolve())
                    .isInstanceOf(InvalidConnectionSettingsException.class)
                    .hasMessageContaining("(postgresql://ex@exhost/exdb) names no password")
                    .hasMessageContaining("POSTGRES_PASSWORD")
                    .hasMessageContaining(".env, or explicit configuration")
                    .hasMessageNotContaining("came from the defaults");
        }

        @Test
        void messagesNameTheSettingsInTheFrontEndsWords() {
            SettingNames cli = new SettingNames("--url", "--user", "a password file (--password-file)",
                    "the command line (--url, --user, --password-file)");
            assertThatThrownBy(() -> resolver().names(cli).url("postgresql://exhost/exdb").resolve())
                    .hasMessage("The database URL from --url (postgresql://exhost/exdb) names no user, and neither"
                            + " --user, POSTGRES_USER nor DATABASE_URL gives one. Add it to the URL"
                            + " (postgresql://<user>@exhost/…) or give --user; an explicit URL never logs in as the"
                            + " default user.");
            assertThatThrownBy(() -> resolver().names(cli).url("postgresql://ex@exhost/exdb").resolve())
                    .hasMessageContaining("Give it in the environment (POSTGRES_PASSWORD), .env, or a password file"
                            + " (--password-file);");
            assertThatThrownBy(() -> resolver().names(cli).url("mysql://ex@exhost/exdb").resolve())
                    .hasMessageStartingWith("The database URL from --url (");

            ConnectionSettings settings = resolver().names(cli).url("postgresql://ex:expw@exhost/exdb").resolve();
            assertThat(settings.describeSource(PASSWORD))
                    .isEqualTo("the command line (--url, --user, --password-file)");
            assertThat(settings.withDatabase("other").describeSource(PASSWORD))
                    .isEqualTo("the command line (--url, --user, --password-file)");
            assertThat(resolver().url("postgresql://ex:expw@exhost/exdb").resolve().describeSource(PASSWORD))
                    .isEqualTo("explicit configuration");
        }

        @Test
        void butTakesWhatTheOtherLayersGive() throws IOException {
            environment.put("POSTGRES_PASSWORD", "envpw");
            dotenv("POSTGRES_DB=dotdb\nPOSTGRES_USER=dotuser\n");
            ConnectionSettings settings = resolver().url("postgresql://exhost").resolve();
            assertThat(settings.database()).isEqualTo("dotdb");
            assertThat(settings.user()).isEqualTo("dotuser");
            assertThat(settings.password()).isEqualTo("envpw");
            assertThat(settings.sources()).containsEntry(DATABASE, SettingSource.DOTENV)
                    .containsEntry(USER, SettingSource.DOTENV).containsEntry(PASSWORD, SettingSource.ENVIRONMENT);
        }

        @Test
        void andTakesTheRestOfTheExplicitConfiguration() {
            ConnectionSettings settings = resolver().url("jdbc:postgresql:exdb").user("ex").password("expw").resolve();
            assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/exdb");
            assertThat(settings.user()).isEqualTo("ex");
        }

        @Test
        void aPasswordWrittenEmptyIsGiven() {
            ConnectionSettings settings = resolver().url("postgresql://ex:@exhost/exdb").resolve();
            assertThat(settings.password()).isEmpty();
            assertThat(settings.sources().get(PASSWORD)).isEqualTo(SettingSource.EXPLICIT);
        }
    }

    @Test
    void aBadPortVariableNamesItsSource() throws IOException {
        environment.put("POSTGRES_PORT", "54x2");
        assertThatThrownBy(() -> resolver().resolve())
                .isInstanceOf(InvalidConnectionSettingsException.class)
                .hasMessageContaining("POSTGRES_PORT in the environment is '54x2'");
        environment.clear();
        dotenv("POSTGRES_PORT=99999\n");
        assertThatThrownBy(() -> resolver().resolve())
                .hasMessageContaining("POSTGRES_PORT in " + project.resolve(".env").toAbsolutePath());
    }

    @Test
    void aBadUrlNamesItsSource() {
        environment.put("DATABASE_URL", "mysql://u:secret@h/db");
        assertThatThrownBy(() -> resolver().resolve())
                .hasMessageContaining("DATABASE_URL in the environment")
                .hasMessageContaining("(mysql://h/db)")
                .hasMessageNotContaining("secret");
    }
}
