package dev.assistant.migrate.reliability;

import static dev.assistant.migrate.engine.TestHints.HINTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assistant.db.testing.ScratchDatabase;
import dev.assistant.db.testing.ScratchDatabaseExtension;
import dev.assistant.migrate.api.AssistantMigrate;
import dev.assistant.migrate.api.EngineLog;
import dev.assistant.migrate.api.MigrateRequest;
import dev.assistant.migrate.api.MigrateResult;
import dev.assistant.migrate.api.MigrationEngineException;
import dev.assistant.migrate.api.ScriptFailedException;
import dev.assistant.migrate.api.ScriptLocation;
import dev.assistant.migrate.api.Workspace;
import dev.assistant.migrate.engine.MigrateMain;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** What faults leave behind: a failing statement, a killed process, a lost connection. */
class FaultsIT {

    @RegisterExtension
    static final ScratchDatabaseExtension DB = new ScratchDatabaseExtension();

    @TempDir
    Path scripts;

    private ScratchDatabase database;

    @BeforeEach
    void reset() throws SQLException {
        database = DB.database();
        execute("DROP SCHEMA IF EXISTS marker CASCADE; DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
    }

    private MigrateResult migrate() {
        return new AssistantMigrate(EngineLog.SILENT, HINTS).migrate(new MigrateRequest(
                new Workspace(database.settings(), List.of(new ScriptLocation.Directory(scripts))), null, false,
                Duration.ofSeconds(30)));
    }

    private void write(String file, String sql) throws IOException {
        Files.writeString(scripts.resolve(file), sql, StandardCharsets.UTF_8);
    }

    @Test
    void aMigrationFailingAtItsThirdStatementLeavesSchemaAndHistoryExactlyAsBefore() throws Exception {
        write("V1__first.sql", "CREATE TABLE first (id integer PRIMARY KEY, name text);\nINSERT INTO first VALUES (1, 'a');\n");
        write("U1__first.sql", "DROP TABLE first;\n");
        migrate();
        String before = SchemaAndHistory.of(database) + rows("SELECT * FROM first");
        write("V2__three.sql", """
                ALTER TABLE first ADD COLUMN added integer;
                CREATE INDEX ix_first_added ON first (added);
                INSERT INTO first VALUES (1, 'duplicate', 0);
                """);
        write("U2__three.sql", "DROP INDEX ix_first_added;\nALTER TABLE first DROP COLUMN added;\n");

        assertThatThrownBy(() -> migrate())
                .isInstanceOfSatisfying(ScriptFailedException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.sqlState()).isEqualTo("23505");
                });

        assertThat(SchemaAndHistory.of(database) + rows("SELECT * FROM first")).isEqualTo(before);
    }

    @Test
    void aProcessKilledMidMigrationLeavesTheLastCompletedMigrationAndARerunCompletes() throws Exception {
        write("V1__first.sql", "CREATE TABLE first (id integer PRIMARY KEY);\n");
        write("U1__first.sql", "DROP TABLE first;\n");
        write("V2__slow.sql", """
                CREATE TABLE slow (id integer PRIMARY KEY);
                SELECT pg_sleep(CASE WHEN to_regclass('marker.go_slow') IS NULL THEN 0 ELSE 60 END);
                """);
        write("U2__slow.sql", "DROP TABLE slow;\n");
        execute("CREATE SCHEMA marker; CREATE TABLE marker.go_slow (id int)");

        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), MigrateMain.class.getName(),
                database.jdbcUrl(), database.user(), database.password(), scripts.toString())
                .redirectErrorStream(true)
                .redirectOutput(scripts.resolveSibling("child.log").toFile())
                .start();
        try {
            awaitQuery("SELECT count(*) FROM pg_stat_activity WHERE query LIKE '%pg_sleep(CASE%'"
                    + " AND state = 'active' AND pid <> pg_backend_pid()", "1", Duration.ofSeconds(30));
        } finally {
            child.destroyForcibly();
            child.waitFor(10, TimeUnit.SECONDS);
        }
        Instant killed = Instant.now();
        awaitQuery("SELECT count(*) FROM pg_stat_activity WHERE query LIKE '%pg_sleep(CASE%'"
                + " AND pid <> pg_backend_pid()", "0", Duration.ofSeconds(15));
        long abortedAfterMillis = Duration.between(killed, Instant.now()).toMillis();

        assertThat(history()).containsExactly("1");
        assertThat(tables()).containsExactly("first");
        assertThat(abortedAfterMillis).as("the server aborts the orphaned migration within the client check interval")
                .isLessThan(10_000);

        execute("DROP SCHEMA marker CASCADE");
        migrate();
        assertThat(history()).containsExactly("1", "2");
    }

    @Test
    void aLostConnectionIsReportedClearlyAndTheMigrationIsRolledBack() throws Exception {
        write("V1__first.sql", "CREATE TABLE first (id integer PRIMARY KEY);\n");
        write("U1__first.sql", "DROP TABLE first;\n");
        write("V2__slow.sql", "CREATE TABLE slow (id integer PRIMARY KEY);\n"
                + "SELECT pg_sleep(CASE WHEN to_regclass('marker.go_slow') IS NULL THEN 0 ELSE 30 END);\n");
        write("U2__slow.sql", "DROP TABLE slow;\n");
        execute("CREATE SCHEMA marker; CREATE TABLE marker.go_slow (id int)");
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<?> migrate = pool.submit(() -> migrate());
            awaitQuery("SELECT count(*) FROM pg_stat_activity WHERE query LIKE '%pg_sleep(CASE%' AND state = 'active'"
                    + " AND pid <> pg_backend_pid()", "1", Duration.ofSeconds(30));
            execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE '%pg_sleep(CASE%'"
                    + " AND pid <> pg_backend_pid()");

            Throwable failure = null;
            try {
                migrate.get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                failure = e.getCause();
            }
            assertThat(failure).isInstanceOf(MigrationEngineException.class)
                    .hasMessageContaining("Lost the connection to " + database.settings().maskedUrl())
                    .hasMessageContaining("SQL state 57P01")
                    .hasMessageContaining("the database is at version 1")
                    .hasMessageContaining("Once the server is reachable, migrate again: {migrate}.");
            assertThat(failure.getMessage()).doesNotContain(database.password());
        } finally {
            pool.shutdownNow();
        }
        assertThat(history()).containsExactly("1");
        assertThat(tables()).containsExactly("first");
        execute("DROP SCHEMA marker CASCADE");
        migrate();
        assertThat(history()).containsExactly("1", "2");
    }

    private void awaitQuery(String sql, String expected, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (!expected.equals(rows(sql).strip())) {
            if (Instant.now().isAfter(deadline)) {
                Path childLog = scripts.resolveSibling("child.log");
                throw new AssertionError("waited " + timeout.toSeconds() + " s for [" + sql + "] to be " + expected
                        + (Files.exists(childLog) ? "; the migrating process said: " + Files.readString(childLog) : ""));
            }
            Thread.sleep(100);
        }
    }

    private List<String> history() throws SQLException {
        return List.of(rows("SELECT version FROM flyway_schema_history ORDER BY installed_rank").split("\n"));
    }

    private List<String> tables() throws SQLException {
        return List.of(rows("SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
                + " AND tablename <> 'flyway_schema_history' ORDER BY 1").split("\n"));
    }

    private String rows(String sql) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            List<String> lines = new ArrayList<>();
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                StringBuilder line = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    line.append(i == 1 ? "" : "|").append(result.getString(i));
                }
                lines.add(line.toString());
            }
            return String.join("\n", lines);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
