package dev.assistant.migrate.engine;

import static dev.assistant.migrate.engine.TestHints.HINTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assistant.migrate.api.DowngradeResult;
import dev.assistant.migrate.api.EngineLog;
import dev.assistant.migrate.api.MigrateResult;
import dev.assistant.migrate.api.MigrationEngineException;
import dev.assistant.migrate.api.RepairRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;

/** Changing runs hold one lock from start to end: they never interleave, and a waiter names who it waits for. */
class LockIT extends EngineTestCase {

    @Test
    void concurrentMigrateRunsApplyEveryMigrationExactlyOnce() throws Exception {
        for (int i = 1; i <= 12; i++) {
            fixture.write("V" + i + "__t" + i + ".sql", "CREATE TABLE t" + i + " (id int); SELECT pg_sleep(0.02);")
                    .write("U" + i + "__t" + i + ".sql", "DROP TABLE t" + i + ";");
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<MigrateResult>> runs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return fixture.engine(EngineLog.SILENT).migrate(MigrateTarget.latest(), false);
                }));
            }
            start.countDown();
            int applied = 0;
            for (Future<MigrateResult> run : runs) {
                applied += run.get(120, TimeUnit.SECONDS).applied().size();
            }
            assertThat(applied).isEqualTo(12);
        } finally {
            pool.shutdownNow();
        }
        assertThat(fixture.historyVersions()).hasSize(12).doesNotHaveDuplicates();
    }

    @Test
    void aDowngradeWaitsForARunningMigrateAndNeverInterleaves() throws Exception {
        fixture.table("1", "one");
        fixture.engine().migrate(MigrateTarget.latest(), false);
        fixture.write("V2__slow.sql", "SELECT pg_sleep(2); CREATE TABLE slow (id int);")
                .write("U2__slow.sql", "DROP TABLE slow;");
        ExecutorService pool = Executors.newFixedThreadPool(1);
        try {
            Future<MigrateResult> migrate = pool.submit(
                    () -> fixture.engine(EngineLog.SILENT).migrate(MigrateTarget.latest(), false));
            Thread.sleep(500);
            RecordingLog waiting = new RecordingLog();
            DowngradeResult downgrade = fixture.engine(waiting).downgrade(DowngradeTarget.parse("-1", HINTS), false);

            assertThat(migrate.get(60, TimeUnit.SECONDS).applied()).hasSize(1);
            assertThat(waiting.info()).anyMatch(line -> line.startsWith("Waiting for another run to finish")
                    && line.contains("assistant-migrate migrate since"));
            assertThat(downgrade.undone()).extracting(DowngradeResult.Undone::label).containsExactly("V2 slow");
        } finally {
            pool.shutdownNow();
        }
        assertThat(fixture.historyVersions()).containsExactly("1");
        assertThat(fixture.tables()).containsExactly("one");
    }

    @Test
    void givingUpOnTheLockNamesTheSessionHoldingIt() throws Exception {
        fixture.table("1", "one");
        long key = MigrationLock.keyFor("public", HistoryTable.NAME);
        try (Connection holder = DB.database().connect()) {
            try (Statement statement = holder.createStatement()) {
                statement.execute("SET application_name = 'nightly-job'");
            }
            try (PreparedStatement lock = holder.prepareStatement("SELECT pg_advisory_lock(?)")) {
                lock.setLong(1, key);
                lock.execute();
            }
            fixture.lockTimeout(Duration.ofSeconds(1));

            assertThatThrownBy(() -> fixture.engine().migrate(MigrateTarget.latest(), false))
                    .isInstanceOf(MigrationEngineException.class)
                    .hasMessageContaining("Gave up waiting for the migration lock after 1 s")
                    .hasMessageMatching("(?s).*held by pid \\d+ \\(nightly-job, user \\w+.*connected since .*")
                    .hasMessageContaining("pg_terminate_backend");
        }
        assertThat(fixture.historyVersions()).isEmpty();
    }

    /** Versions 1 (applied), 2 (slow: sleeps in the middle), 3; version N creates table tN, its undo drops it. */
    private void threeMigrationsTheSecondSlow(double seconds) {
        fixture.write("V1__t1.sql", "CREATE TABLE t1 (id int);").write("U1__t1.sql", "DROP TABLE t1;");
        fixture.engine().migrate(MigrateTarget.latest(), false);
        fixture.write("V2__t2.sql", "CREATE TABLE t2 (id int);\nSELECT pg_sleep(" + seconds + ");\n")
                .write("U2__t2.sql", "DROP TABLE t2;")
                .write("V3__t3.sql", "CREATE TABLE t3 (id int);").write("U3__t3.sql", "DROP TABLE t3;");
    }

    /**
     * The history is a prefix of 1, 2, 3 (an undo took the newest, never one below another), every applied version has
     * its table, and every table its applied version: no run slipped into another.
     */
    private void assertHistoryAndTablesAgree() {
        List<String> history = fixture.historyVersions();
        assertThat(history).as("history").isEqualTo(List.of("1", "2", "3").subList(0, history.size()));
        List<String> expectedTables = fixture.historyVersions().stream().map(version -> "t" + version).sorted().toList();
        assertThat(fixture.tables()).as("tables of history " + fixture.historyVersions())
                .containsExactlyElementsOf(expectedTables);
    }

    private void awaitActive(String queryPart) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            if (!fixture.strings("SELECT pid FROM pg_stat_activity WHERE state = 'active' AND query LIKE '%"
                    + queryPart + "%' AND pid <> pg_backend_pid()").isEmpty()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no session ran " + queryPart);
    }

    private void awaitWaiting(RecordingLog log) throws InterruptedException {
        for (int i = 0; i < 300 && log.info().stream().noneMatch(l -> l.startsWith("Waiting for another run")); i++) {
            Thread.sleep(100);
        }
    }

    @Test
    void endingTheLockHoldersSessionNeverLetsADowngradeIntoARunningMigrate() throws Exception {
        threeMigrationsTheSecondSlow(4);
        long key = MigrationLock.keyFor("public", HistoryTable.NAME);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<MigrateResult> migrate = pool.submit(
                    () -> fixture.engine(EngineLog.SILENT).migrate(MigrateTarget.latest(), false));
            awaitActive("pg_sleep(4");
            RecordingLog waiting = new RecordingLog();
            Future<DowngradeResult> downgrade = pool.submit(
                    () -> fixture.engine(waiting).downgrade(DowngradeTarget.parse("-1", HINTS), false));
            awaitWaiting(waiting);

            // what the lock-timeout message tells an administrator to do with a stuck run
            fixture.execute("SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted"
                    + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
                    + " AND classid::bigint = " + (key >>> 32) + " AND objid::bigint = " + (key & 0xffffffffL));

            Throwable migrateFailure = null;
            try {
                migrate.get(60, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                migrateFailure = e.getCause();
            }
            downgrade.get(60, TimeUnit.SECONDS);
            assertHistoryAndTablesAgree();
            assertThat(migrateFailure).as("the migrate lost its session, and with it its lock")
                    .isInstanceOf(MigrationEngineException.class)
                    .hasMessageContaining("Lost the connection")
                    .hasMessageContaining("The server rolled back the unfinished migration");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anIdleSessionTimeoutOnTheDatabaseCannotEndTheLock() throws Exception {
        threeMigrationsTheSecondSlow(3);
        String database = DB.database().name();
        try (Connection admin = dev.assistant.db.testing.TestDatabaseServer.get().connectAdmin();
                Statement statement = admin.createStatement()) {
            statement.execute("ALTER DATABASE \"" + database + "\" SET idle_session_timeout = '1s'");
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<MigrateResult> migrate = pool.submit(
                    () -> fixture.engine(EngineLog.SILENT).migrate(MigrateTarget.latest(), false));
            awaitActive("pg_sleep(3");
            RecordingLog waiting = new RecordingLog();
            Future<DowngradeResult> downgrade = pool.submit(
                    () -> fixture.engine(waiting).downgrade(DowngradeTarget.parse("-1", HINTS), false));

            assertThat(migrate.get(60, TimeUnit.SECONDS).applied()).extracting(MigrateResult.Applied::label)
                    .containsExactly("V2 t2", "V3 t3");
            assertThat(downgrade.get(60, TimeUnit.SECONDS).undone()).extracting(DowngradeResult.Undone::label)
                    .containsExactly("V3 t3");
        } finally {
            pool.shutdownNow();
            try (Connection admin = dev.assistant.db.testing.TestDatabaseServer.get().connectAdmin();
                    Statement statement = admin.createStatement()) {
                statement.execute("ALTER DATABASE \"" + database + "\" RESET idle_session_timeout");
            }
        }
        assertThat(fixture.historyVersions()).containsExactly("1", "2");
        assertHistoryAndTablesAgree();
    }

    @Test
    void aMigrationThatReleasesTheLockIsRolledBackNotRecorded() {
        fixture.table("1", "one")
                .write("V2__two.sql", "CREATE TABLE two (id int);\nSELECT pg_advisory_unlock_all();\n")
                .write("U2__two.sql", "DROP TABLE two;");

        assertThatThrownBy(() -> fixture.engine().migrate(MigrateTarget.latest(), false))
                .isInstanceOf(MigrationEngineException.class)
                .hasMessageContaining("The migration lock was no longer held when V2__two.sql was about to be committed")
                .hasMessageContaining("V2__two.sql was rolled back; the database is at version 1 (one).");
        assertThat(fixture.historyVersions()).containsExactly("1");
        assertThat(fixture.tables()).containsExactly("one");
    }

    @Test
    void anUndoThatReleasesTheLockIsRolledBack() {
        fixture.table("1", "one").table("2", "two");
        fixture.engine().migrate(MigrateTarget.latest(), false);
        fixture.write("U2__two.sql", "DROP TABLE two;\nSELECT pg_advisory_unlock_all();\n");

        assertThatThrownBy(() -> fixture.engine().downgrade(DowngradeTarget.parse("-1", HINTS), false))
                .hasMessageContaining("The migration lock was no longer held when the undo of V2 was about to be"
                        + " committed")
                .hasMessageContaining("The undo was rolled back; the database stays at version 2.");
        assertThat(fixture.historyVersions()).containsExactly("1", "2");
        assertThat(fixture.tables()).containsExactly("one", "two");
    }

    @Test
    void theTimeoutNamesEverySessionOfTheRunHoldingTheLock() throws Exception {
        fixture.table("1", "one").write("V2__slow.sql", "SELECT pg_sleep(6);").write("U2__slow.sql", "SELECT 1;");
        ExecutorService pool = Executors.newFixedThreadPool(1);
        try {
            Future<MigrateResult> migrate = pool.submit(
                    () -> fixture.engine(EngineLog.SILENT).migrate(MigrateTarget.latest(), false));
            awaitActive("pg_sleep(6");
            Thread.sleep(2_500); // the holder's watch has opened its own session by now
            fixture.lockTimeout(Duration.ofSeconds(1));

            assertThatThrownBy(() -> fixture.engine().migrate(MigrateTarget.latest(), false))
                    .hasMessageMatching("(?s).*held by pid (\\d+) \\(assistant-migrate migrate since \\S+ #\\w{4},"
                            + ".*; other sessions of that run: pid (\\d+) \\(.*")
                    .hasMessageMatching("(?s).*end all its sessions with SELECT pg_terminate_backend\\(pid\\) FROM"
                            + " pg_stat_activity WHERE pid IN \\(\\d+, \\d+\\).*");
            migrate.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void flywaysOwnToolsWaitForARunningMigrate() throws Exception {
        fixture.table("1", "one").write("V2__slow.sql", "CREATE TABLE slow (id int);\nSELECT pg_sleep(3);\n")
                .write("U2__slow.sql", "DROP TABLE slow;");
        ExecutorService pool = Executors.newFixedThreadPool(1);
        try {
            Future<MigrateResult> migrate = pool.submit(
                    () -> fixture.engine(EngineLog.SILENT).migrate(MigrateTarget.latest(), false));
            awaitActive("pg_sleep(3");
            var settings = fixture.connection();
            org.flywaydb.core.api.output.MigrateResult flyway = org.flywaydb.core.Flyway.configure()
                    .dataSource(settings.jdbcUrl(), settings.user(), settings.password())
                    .locations("filesystem:" + scripts)
                    .load()
                    .migrate();

            assertThat(migrate.get(60, TimeUnit.SECONDS).applied()).hasSize(2);
            assertThat(flyway.migrationsExecuted).as("Flyway waited for the run, then found nothing to do").isZero();
        } finally {
            pool.shutdownNow();
        }
        assertThat(fixture.historyVersions()).containsExactly("1", "2");
    }

    @Test
    void baselineAndRepairWaitForTheLockAndChangeNothingWhenTheyGiveUp() throws Exception {
        fixture.table("1", "one");
        fixture.execute("CREATE TABLE one (id integer PRIMARY KEY)");
        long key = MigrationLock.keyFor("public", HistoryTable.NAME);
        try (Connection holder = DB.database().connect()) {
            try (PreparedStatement lock = holder.prepareStatement("SELECT pg_advisory_lock(?)")) {
                lock.setLong(1, key);
                lock.execute();
            }
            fixture.lockTimeout(Duration.ofSeconds(1));

            assertThatThrownBy(() -> fixture.engine().baseline((connection, catalog) ->
                    new BaselineRecorder.Stamp(MigrationVersion.fromVersion("1"), "one")))
                    .hasMessageContaining("Gave up waiting for the migration lock after 1 s");
            assertThatThrownBy(() -> fixture.engine().repair(Set.of(RepairRequest.Fix.FAILED)))
                    .hasMessageContaining("Gave up waiting for the migration lock after 1 s");
            assertThat(fixture.engine().repair(Set.of()).changes()).as("looking takes no lock").isEmpty();
        }
        assertThat(fixture.strings("SELECT to_regclass('flyway_schema_history')::text")).containsExactly((String) null);
        fixture.engine().baseline((connection, catalog) ->
                new BaselineRecorder.Stamp(MigrationVersion.fromVersion("1"), "one"));
        assertThat(fixture.historyVersions()).containsExactly("1");
    }
}
