package dev.assistant.migrate.engine;

import static dev.assistant.migrate.engine.TestHints.HINTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assistant.db.config.ConnectionSettings;
import dev.assistant.db.config.ConnectionSettingsResolver;
import dev.assistant.db.testing.Jdbc;
import dev.assistant.db.testing.TestDatabaseServer;
import dev.assistant.migrate.api.DowngradeResult;
import dev.assistant.migrate.api.EngineLog;
import dev.assistant.migrate.api.MigrateResult;
import dev.assistant.migrate.api.MigrationEngineException;
import dev.assistant.migrate.api.ScriptFailedException;
import dev.assistant.migrate.api.ScriptLocation;
import dev.assistant.migrate.api.Workspace;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A failure is blamed on what caused it: a lost connection on the connection, a missing privilege on the user, a
 * script on its file and line. And what a run waits for, or has done, it says when it is so.
 */
class FailureMessagesIT extends EngineTestCase {

    private Throwable failureOf(Future<?> run) throws InterruptedException, java.util.concurrent.TimeoutException {
        try {
            run.get(60, TimeUnit.SECONDS);
            return null;
        } catch (java.util.concurrent.ExecutionException e) {
            return e.getCause();
        }
    }

    private void terminateWhenActive(String queryPart) throws Exception {
        for (int i = 0; i < 300; i++) {
            if (!fixture.strings("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE state = 'active'"
                    + " AND datname = current_database() AND query LIKE '%" + queryPart + "%'"
                    + " AND pid <> pg_backend_pid()").isEmpty()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no session ran " + queryPart);
    }

    @Test
    void aConnectionLostDuringAnUndoIsNotTheUndoScriptsFault() throws Exception {
        fixture.table("1", "one").table("2", "two");
        fixture.engine().migrate(MigrateTarget.latest(), false);
        fixture.write("U2__two.sql", "DROP TABLE two;\nSELECT pg_sleep(20);\n");
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<DowngradeResult> downgrade = pool.submit(
                    () -> fixture.engine(EngineLog.SILENT).downgrade(DowngradeTarget.parse("-1", HINTS), false));
            terminateWhenActive("pg_sleep(20)");

            assertThat(failureOf(downgrade)).isInstanceOf(MigrationEngineException.class)
                    .isNotInstanceOf(ScriptFailedException.class)
                    .hasMessageContaining("Lost the connection to " + fixture.connection().maskedUrl()
                            + " while undoing V2 (U2__two.sql)")
                    .hasMessageContaining("(SQL state 57P01)")
                    .hasMessageContaining("The server rolled back the unfinished undo; the database stays at version 2.")
                    .hasMessageContaining("run the downgrade again: {downgrade -1}")
                    .message().doesNotContain("Fix U2");
        } finally {
            pool.shutdownNow();
        }
        assertThat(fixture.historyVersions()).containsExactly("1", "2");
        assertThat(fixture.tables()).containsExactly("one", "two");
    }

    @Test
    void aConcurrentIndexThatAStoppedRunLeftBuiltIsNamedWithTheWayOut() {
        fixture.table("1", "one");
        fixture.engine().migrate(MigrateTarget.latest(), false);
        fixture.write("V2__index.sql", "CREATE INDEX CONCURRENTLY one_id ON one (id);\n")
                .write("U2__index.sql", "DROP INDEX CONCURRENTLY IF EXISTS one_id;\n");
        fixture.execute("CREATE INDEX one_id ON one (id)");

        assertThatThrownBy(() -> fixture.engine().migrate(MigrateTarget.latest(), false))
                .isInstanceOfSatisfying(ScriptFailedException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo("42P07");
                    assertThat(e.getMessage())
                            .contains("Migration V2__index.sql failed outside a transaction: the index one_id already"
                                    + " exists, and a failure record now blocks migrate; the database is at version 1")
                            .contains("the server finishes a CREATE INDEX CONCURRENTLY whose client is gone")
                            .contains("Drop it (DROP INDEX CONCURRENTLY IF EXISTS one_id;), remove the failure record"
                                    + " ({repair failed}), then migrate again: {migrate}.")
                            .doesNotContain("fix the script");
                });
    }

    @Test
    void aMissingPrivilegeIsTheUsersNotTheScripts() {
        fixture.table("1", "one").table("2", "two");
        fixture.engine().migrate(MigrateTarget.latest(), false);
        fixture.write("U2__two.sql", "DROP TABLE two;\nSELECT pg_read_file('postgresql.conf');\n")
                .write("V3__three.sql", "CREATE TABLE three (id int);\nSELECT pg_read_file('postgresql.conf');\n")
                .write("U3__three.sql", "DROP TABLE three;");
        String user = fixture.connection().user();

        assertThatThrownBy(() -> fixture.engine().downgrade(DowngradeTarget.parse("-1", HINTS), false))
                .isInstanceOfSatisfying(ScriptFailedException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo("42501");
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.getMessage())
                            .contains("Undo U2__two.sql was refused a privilege and was rolled back")
                            .contains("User '" + user + "' may not do this")
                            .doesNotContain("Fix U2__two.sql");
                });
        assertThatThrownBy(() -> fixture.engine().migrate(MigrateTarget.latest(), false))
                .isInstanceOfSatisfying(ScriptFailedException.class, e -> assertThat(e.getMessage())
                        .contains("Migration V3__three.sql was refused a privilege and was rolled back; the database is"
                                + " at version 2 (two).")
                        .contains("or grant what is missing")
                        .doesNotContain("Fix the script"));
        assertThat(fixture.tables()).containsExactly("one", "two");
    }

    @Test
    void aReadOnlySessionIsTheConnectionsFaultNotTheScripts() throws SQLException {
        fixture.table("1", "one").table("2", "two");
        fixture.engine().migrate(MigrateTarget.latest(), false);
        fixture.table("3", "three");
        String database = DB.database().name();
        try (Connection admin = TestDatabaseServer.get().connectAdmin(); Statement statement = admin.createStatement()) {
            statement.execute("ALTER DATABASE \"" + database + "\" SET default_transaction_read_only = on");
        }
        try {
            assertThatThrownBy(() -> fixture.engine().migrate(MigrateTarget.latest(), false))
                    .isInstanceOf(MigrationEngineException.class)
                    .hasMessageContaining("Migration V3__three.sql was refused and rolled back")
                    .hasMessageContaining("runs this session read-only")
                    .hasMessageContaining("SQL state 25006")
                    .hasMessageContaining("the database is at version 2 (two).")
                    .hasMessageContaining("SET default_transaction_read_only = off;")
                    .hasMessageNotContaining("Fix the script");
        } finally {
            try (Connection admin = TestDatabaseServer.get().connectAdmin();
                    Statement statement = admin.createStatement()) {
                statement.execute("ALTER DATABASE \"" + database + "\" RESET default_transaction_read_only");
            }
        }
        assertThat(fixture.tables()).containsExactly("one", "two");
    }

    @Test
    void aUserWhoMayNotCreateTheHistoryTableIsToldSo() throws SQLException {
        fixture.table("1", "one");
        String role = "assistant_test_readonly_" + Long.toString(System.nanoTime(), 36);
        String password = "Pw" + Long.toString(System.nanoTime(), 36);
        try (Connection admin = TestDatabaseServer.get().connectAdmin(); Statement statement = admin.createStatement()) {
            statement.execute("CREATE ROLE " + role + " LOGIN PASSWORD '" + password + "'");
        }
        try {
            fixture.execute("GRANT USAGE ON SCHEMA public TO " + role);
            ConnectionSettings readOnly = ConnectionSettingsResolver.create().url(DB.database().jdbcUrl()).user(role)
                    .password(password).environment(Map.of()).resolve();
            MigrationEngine engine = new MigrationEngine(new EngineSettings(new Workspace(readOnly,
                    List.of(new ScriptLocation.Directory(scripts))), null, EngineLog.SILENT, HINTS));

            assertThatThrownBy(() -> engine.migrate(MigrateTarget.latest(), false))
                    .isInstanceOf(MigrationEngineException.class)
                    .isNotInstanceOf(ScriptFailedException.class)
                    .hasMessageContaining("User '" + role + "' lacks a privilege on " + readOnly.maskedUrl()
                            + " to create the schema history table \"public\".\"flyway_schema_history\"")
                    .hasMessageContaining("(SQL state 42501). Nothing was changed.")
                    .hasMessageContaining("GRANT CREATE ON SCHEMA \"public\" TO \"" + role + "\";");
        } finally {
            fixture.execute("REVOKE USAGE ON SCHEMA public FROM " + role);
            try (Connection admin = TestDatabaseServer.get().connectAdmin();
                    Statement statement = admin.createStatement()) {
                statement.execute("DROP ROLE " + role);
            }
        }
        assertThat(fixture.tables()).isEmpty();
    }

    @Test
    void aConcurrentIndexMixedWithOtherStatementsIsRefusedBeforeAnythingRuns() {
        fixture.table("1", "one")
                .write("V2__two.sql", "CREATE TABLE two (id int);\nCREATE INDEX CONCURRENTLY ix_two ON two (id);\n")
                .write("U2__two.sql", "DROP TABLE two;");

        assertThatThrownBy(() -> fixture.engine().migrate(MigrateTarget.latest(), false))
                .hasMessageContaining("migrate stopped before changing anything: " + scripts.resolve("V2__two.sql")
                        + " line 2 must run outside a transaction (CREATE INDEX CONCURRENTLY ix_two ON two (id)),"
                        + " but the script has other statements too")
                .hasMessageContaining("Put that statement in a migration of its own ({create ...} writes a new pair)");
        assertThat(fixture.historyVersions()).isEmpty();
        assertThat(fixture.tables()).isEmpty();
    }

    @Test
    void aHistoryTableOfAnotherShapeIsNamedAsSuchWithAFix() {
        fixture.table("1", "one");
        fixture.execute("CREATE TABLE flyway_schema_history (id serial PRIMARY KEY, note text)");

        for (var goal : List.<Runnable>of(() -> fixture.engine().status(),
                () -> fixture.engine().migrate(MigrateTarget.latest(), false))) {
            assertThatThrownBy(goal::run)
                    .isInstanceOf(MigrationEngineException.class)
                    .hasMessageContaining("The table \"public\".\"flyway_schema_history\" in "
                            + fixture.connection().maskedUrl() + " is not a Flyway schema history: it has no column"
                            + " installed_rank, version, description, type, script, checksum, installed_by,"
                            + " installed_on, execution_time, success.")
                    .hasMessageContaining("currentSchema=<schema> in {URL}")
                    .hasMessageContaining("Nothing was changed.")
                    .message().doesNotContain("----");
        }
        assertThat(fixture.tables()).isEmpty();
        assertThat(fixture.strings("SELECT count(*) FROM flyway_schema_history")).containsExactly("0");
    }

    @Test
    void aConcurrentIndexWaitingForAnotherSessionSaysForWhich() throws Exception {
        fixture.table("1", "one");
        fixture.engine().migrate(MigrateTarget.latest(), false);
        fixture.write("V2__index.sql", "CREATE INDEX CONCURRENTLY ix_one_id ON one (id);\n")
                .write("U2__index.sql", "DROP INDEX CONCURRENTLY ix_one_id;\n");
        RecordingLog log = new RecordingLog();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection blocker = Jdbc.connect(fixture.connection()); Statement statement = blocker.createStatement()) {
            blocker.setAutoCommit(false);
            statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
            statement.execute("SELECT count(*) FROM one");
            int blockerPid = blocker.unwrap(org.postgresql.PGConnection.class).getBackendPID();

            Future<MigrateResult> migrate = pool.submit(() -> fixture.engine(log).migrate(MigrateTarget.latest(),
                    false));
            for (int i = 0; i < 200 && log.info().stream().noneMatch(line -> line.contains("has waited")); i++) {
                Thread.sleep(100);
            }
            blocker.commit();

            assertThat(migrate.get(60, TimeUnit.SECONDS).applied()).hasSize(1);
            assertThat(log.info()).anyMatch(line -> line.startsWith("V2__index.sql:1 (CREATE INDEX CONCURRENTLY"
                    + " ix_one_id ON one (id)) has waited ") && line.contains(" for pid " + blockerPid + " (")
                    && line.contains("idle in transaction") && line.contains("SELECT count(*) FROM one")
                    && line.contains("CREATE INDEX CONCURRENTLY waits for every transaction that started before it"));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aMigrationIsReportedAppliedOnlyOnceOtherSessionsSeeIt() {
        fixture.table("1", "one").table("2", "two");
        List<String> seenWhenSaid = new CopyOnWriteArrayList<>();
        RecordingLog log = new RecordingLog(message -> {
            if (message.startsWith("Applied V")) {
                String version = message.substring("Applied V".length(), message.indexOf(' ', 9));
                seenWhenSaid.add(version + ":" + Jdbc.strings(DB.database().settings(),
                        "SELECT count(*) FROM flyway_schema_history WHERE version = '" + version + "'").get(0));
            }
        });

        fixture.engine(log).migrate(MigrateTarget.latest(), false);

        assertThat(seenWhenSaid).containsExactly("1:1", "2:1");
    }
}
