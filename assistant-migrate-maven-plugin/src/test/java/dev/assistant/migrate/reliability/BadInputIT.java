package dev.assistant.migrate.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assistant.db.config.ConnectionSettings;
import dev.assistant.db.testing.ScratchDatabase;
import dev.assistant.db.testing.ScratchDatabaseExtension;
import dev.assistant.db.testing.TestDatabaseServer;
import dev.assistant.migrate.engine.EngineLog;
import dev.assistant.migrate.engine.EngineSettings;
import dev.assistant.migrate.engine.MigrateTarget;
import dev.assistant.migrate.engine.MigrationEngine;
import dev.assistant.migrate.engine.ScriptLocation;
import dev.assistant.migrate.it.MavenRun;
import dev.assistant.migrate.schema.DatabaseSchemaReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of bad input, each through a real Maven run of the goal: the build fails with one clear paragraph that
 * says what and what to do, no stack trace at the default log level, no password, and the database and the files are
 * exactly as before. The messages observed are written to target/reliability/bad-input.md.
 */
class BadInputIT {

    @RegisterExtension
    static final ScratchDatabaseExtension DB = new ScratchDatabaseExtension();

    @TempDir
    static Path work;

    private static final Map<String, String> OBSERVED = new LinkedHashMap<>();

    /** One bad input: what the user gives, the goal and arguments, and what the message must say. */
    record Case(String name, Consumer<Path> prepare, Map<String, String> environment, List<String> arguments,
            String expected) {
    }

    private static Case withEnv(String name, Map<String, String> environment, String expected, String... arguments) {
        return new Case(name, project -> { }, environment, List.of(arguments), expected);
    }

    private static Case with(String name, Consumer<Path> prepare, String expected, String... arguments) {
        return new Case(name, prepare, Map.of(), List.of(arguments), expected);
    }

    private static Map<String, String> databaseUrl(String url) {
        return Map.of("DATABASE_URL", url);
    }

    private static void write(Path project, String file, byte[] content) {
        try {
            Path target = project.resolve(file);
            Files.createDirectories(target.getParent());
            Files.write(target, content);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void migration(Path project, String file, String sql) {
        write(project, "src/main/resources/db/migration/" + file, sql.getBytes(StandardCharsets.UTF_8));
    }

    @TestFactory
    Stream<DynamicTest> eachBadInputIsOneClearErrorAndChangesNothing() throws SQLException {
        ScratchDatabase database = DB.database();
        ConnectionSettings settings = database.settings();
        String url = database.url();
        String host = settings.host() + ":" + settings.port();
        Roles roles = Roles.create(database);
        List<Case> cases = new ArrayList<>(List.of(
                withEnv("DATABASE_URL with a bad scheme", databaseUrl("mysql://u:Sx9bad@" + host + "/db"),
                        "the scheme 'mysql' is not a PostgreSQL URL", "assistant-migrate:status"),
                withEnv("DATABASE_URL with a bad port", databaseUrl("postgresql://u:Sx9bad@localhost:54x2/db"),
                        "the port '54x2' is not a number between 1 and 65535", "assistant-migrate:status"),
                withEnv("DATABASE_URL without a host", databaseUrl("postgresql://u:Sx9bad@/db"),
                        "it names no host", "assistant-migrate:status"),
                withEnv("DATABASE_URL with an unencoded @", databaseUrl("postgresql://u:Sx9@bad@localhost/db"),
                        "percent-encode it as %40", "assistant-migrate:status"),
                withEnv("unknown host", databaseUrl("postgresql://u:Sx9bad@no-such-host.invalid:5432/db"),
                        "Cannot resolve the database host 'no-such-host.invalid'", "assistant-migrate:status"),
                withEnv("wrong password", databaseUrl(url.replace(":" + database.password() + "@", ":Wr0ngPw@")),
                        "rejected the password for user '" + settings.user() + "' (SQL state 28P01)",
                        "assistant-migrate:status"),
                withEnv("missing database", databaseUrl(url.substring(0, url.lastIndexOf('/')) + "/no_such_database"),
                        "The database 'no_such_database' does not exist", "assistant-migrate:status"),
                with("malformed .env", project -> write(project, ".env",
                        "DATABASE_URL=postgresql://u:Sx9bad@h/db\nexport POSTGRES_PASSWORD=Sx9bad\n"
                                .getBytes(StandardCharsets.UTF_8)),
                        ".env:2: malformed line in .env: remove the `export` prefix", "assistant-migrate:status"),
                with("migrate target abc", project -> { }, "'abc' is not a migrate target",
                        "assistant-migrate:migrate", "-Dassistant.target=abc"),
                with("migrate target 1.2.x", project -> { }, "'1.2.x' is not a migrate target",
                        "assistant-migrate:migrate", "-Dassistant.target=1.2.x"),
                with("downgrade target -0", project -> { }, "'-0' would undo nothing",
                        "assistant-migrate:downgrade", "-Dassistant.target=-0"),
                with("downgrade target +2", project -> { }, "'+2' points forward; downgrade only goes back",
                        "assistant-migrate:downgrade", "-Dassistant.target=+2"),
                with("migrate target above the latest", project -> { }, "No migration has version 99",
                        "assistant-migrate:migrate", "-Dassistant.target=99"),
                with("downgrade below base", project -> { }, "Cannot go back 5 migrations: only 1 is applied",
                        "assistant-migrate:downgrade", "-Dassistant.target=-5"),
                with("empty message", project -> { }, "Say what the migration does",
                        "assistant-migrate:create", "-Dassistant.message="),
                with("message of symbols only", project -> { }, "has no letters or digits",
                        "assistant-migrate:create", "-Dassistant.message=!!!"),
                with("message with path separators", project -> { }, "contains a path separator",
                        "assistant-migrate:create", "-Dassistant.message=../../etc/evil"),
                with("missing migrations directory", project -> { }, "The migrations directory",
                        "assistant-migrate:status", "-Dassistant.locations=no/such/dir"),
                with("duplicate versions", project -> migration(project, "V2__again.sql", "SELECT 2;\n"),
                        "2 files claim V2", "assistant-migrate:migrate"),
                with("undo without a migration", project -> migration(project, "U7__orphan.sql", "SELECT 1;\n"),
                        "U7__orphan.sql: undo script with no migration", "assistant-migrate:check"),
                with("non-UTF-8 SQL file", project -> write(project, "src/main/resources/db/migration/V3__latin1.sql",
                        new byte[] {'S', 'E', 'L', 'E', 'C', 'T', ' ', '\'', (byte) 0xE9, '\'', ';', '\n'}),
                        "V3__latin1.sql: not valid UTF-8", "assistant-migrate:migrate"),
                with("empty migration file", project -> migration(project, "V3__empty.sql", "-- to do\n"),
                        "V3__empty.sql: holds no SQL statement", "assistant-migrate:migrate"),
                with("model classes not compiled", project -> { }, "No compiled model classes",
                        "assistant-migrate:create", "-Dassistant.message=add things", "-Dassistant.autogenerate=true"),
                withEnv("shadow database cannot be created (no CREATEDB)", databaseUrl(roles.withoutCreateDb()),
                        "may not create databases (SQL state 42501)", "assistant-migrate:check"),
                withEnv("read-only database user", databaseUrl(roles.readOnly()),
                        "lacks a privilege", "assistant-migrate:migrate")));
        return cases.stream().map(badInput -> DynamicTest.dynamicTest(badInput.name(), () -> run(badInput, database)));
    }

    private static void run(Case badInput, ScratchDatabase database) throws Exception {
        Path project = MavenRun.project(work.resolve(badInput.name().replaceAll("[^a-zA-Z0-9]+", "-")));
        migration(project, "V1__first.sql", "CREATE TABLE first (id integer PRIMARY KEY);\n");
        migration(project, "U1__first.sql", "DROP TABLE first;\n");
        migration(project, "V2__second.sql", "CREATE TABLE second (id integer PRIMARY KEY);\n");
        migration(project, "U2__second.sql", "DROP TABLE second;\n");
        write(project, ".env", ("DATABASE_URL=" + database.url() + "\n").getBytes(StandardCharsets.UTF_8));
        resetToVersionOne(database, project);
        badInput.prepare().accept(project);

        String filesBefore = fingerprint(project);
        String databaseBefore = databaseState(database);

        MavenRun.Result result = MavenRun.in(project).environment(badInput.environment())
                .run(badInput.arguments().toArray(String[]::new));

        String message = result.failureMessage();
        OBSERVED.put(badInput.name(), message);
        assertThat(result.failed()).as(badInput.name() + " fails the build:\n" + result.output()).isTrue();
        assertThat(message).as(badInput.name()).contains(badInput.expected());
        assertThat(result.hasStackTrace()).as(badInput.name() + ": no stack trace\n" + result.output()).isFalse();
        assertThat(result.output()).as(badInput.name() + ": no password").doesNotContain(database.password())
                .doesNotContain("Sx9bad");
        assertThat(fingerprint(project)).as(badInput.name() + ": the files are as before").isEqualTo(filesBefore);
        assertThat(databaseState(database)).as(badInput.name() + ": the database is as before")
                .isEqualTo(databaseBefore);
    }

    private static void resetToVersionOne(ScratchDatabase database, Path project) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public; GRANT USAGE ON SCHEMA public TO PUBLIC;");
        }
        new MigrationEngine(new EngineSettings(database.settings(),
                List.of(new ScriptLocation.Directory(project.resolve("src/main/resources/db/migration"))),
                Duration.ofSeconds(10), EngineLog.SILENT)).migrate(MigrateTarget.parse("1"), false);
    }

    /** The schema and the history rows: what "the database is as before" compares. */
    static String databaseState(ScratchDatabase database) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            StringBuilder state = new StringBuilder(DatabaseSchemaReader.read(connection).toString());
            try (ResultSet rows = statement.executeQuery("SELECT installed_rank, version, checksum, success"
                    + " FROM flyway_schema_history ORDER BY installed_rank")) {
                while (rows.next()) {
                    state.append('\n').append(rows.getInt(1)).append(' ').append(rows.getString(2)).append(' ')
                            .append(rows.getInt(3)).append(' ').append(rows.getBoolean(4));
                }
            }
            return state.toString();
        }
    }

    /** Every file of the project and its content hash; what "the files are as before" compares. */
    static String fingerprint(Path project) throws IOException, NoSuchAlgorithmException {
        StringBuilder fingerprint = new StringBuilder();
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (Stream<Path> files = Files.walk(project)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                fingerprint.append(project.relativize(file)).append(' ')
                        .append(HexFormat.of().formatHex(digest.digest(Files.readAllBytes(file)))).append('\n');
            }
        }
        return fingerprint.toString();
    }

    @AfterAll
    static void writeObservedMessages() throws IOException {
        Path report = Path.of("target", "reliability", "bad-input.md");
        Files.createDirectories(report.getParent());
        StringBuilder table = new StringBuilder("| case | message observed |\n|---|---|\n");
        OBSERVED.forEach((name, message) -> table.append("| ").append(name).append(" | ")
                .append(message.replace("|", "\\|").replace("\n", "<br>")).append(" |\n"));
        Files.writeString(report, table.toString(), StandardCharsets.UTF_8);
        Roles.dropAll();
    }

    /** Roles with fewer rights than the database's own, for the permission cases. */
    static final class Roles {
        private static final List<String> CREATED = new ArrayList<>();
        private final String withoutCreateDb;
        private final String readOnly;

        private Roles(String withoutCreateDb, String readOnly) {
            this.withoutCreateDb = withoutCreateDb;
            this.readOnly = readOnly;
        }

        static Roles create(ScratchDatabase database) throws SQLException {
            String suffix = Long.toString(System.nanoTime(), 36);
            String noCreateDb = "assistant_test_nocreatedb_" + suffix;
            String readOnly = "assistant_test_readonly_" + suffix;
            try (Connection admin = TestDatabaseServer.get().connectAdmin(); Statement statement = admin.createStatement()) {
                statement.execute("CREATE ROLE " + noCreateDb + " LOGIN NOCREATEDB PASSWORD 'Pw" + suffix + "n'");
                CREATED.add(noCreateDb);
                statement.execute("GRANT \"" + database.user() + "\" TO " + noCreateDb);
                statement.execute("CREATE ROLE " + readOnly + " LOGIN NOCREATEDB PASSWORD 'Pw" + suffix + "r'");
                CREATED.add(readOnly);
            }
            String base = "postgresql://%s:%s@" + database.settings().host() + ":" + database.settings().port() + "/"
                    + database.name();
            return new Roles(base.formatted(noCreateDb, "Pw" + suffix + "n"), base.formatted(readOnly,
                    "Pw" + suffix + "r"));
        }

        String withoutCreateDb() {
            return withoutCreateDb;
        }

        String readOnly() {
            return readOnly;
        }

        static void dropAll() {
            try (Connection admin = TestDatabaseServer.get().connectAdmin(); Statement statement = admin.createStatement()) {
                for (String role : CREATED) {
                    statement.execute("DROP ROLE IF EXISTS " + role);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
