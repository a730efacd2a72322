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
        long key = MigrationLock.keyFor("public", FlywayFactory.HISTORY_TABLE);
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

    @Test
    void baselineAndRepairWaitForTheLockAndChangeNothingWhenTheyGiveUp() throws Exception {
        fixture.table("1", "one");
        fixture.execute("CREATE TABLE one (id integer PRIMARY KEY)");
        long key = MigrationLock.keyFor("public", FlywayFactory.HISTORY_TABLE);
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
