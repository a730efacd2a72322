package dev.assistant.migrate.reliability;

import static dev.assistant.migrate.engine.TestHints.HINTS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assistant.db.testing.ScratchDatabase;
import dev.assistant.db.testing.ScratchDatabaseExtension;
import dev.assistant.migrate.api.AssistantMigrate;
import dev.assistant.migrate.api.DowngradeRequest;
import dev.assistant.migrate.api.EngineLog;
import dev.assistant.migrate.api.MigrateRequest;
import dev.assistant.migrate.api.MigrateResult;
import dev.assistant.migrate.api.ScriptLocation;
import dev.assistant.migrate.api.Workspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Eight migrate runs at once, each with connections of its own, round after round: every migration is applied exactly
 * once and no run fails. And a downgrade racing a migrate, round after round: they never interleave.
 */
class ConcurrencyIT {

    static final int ROUNDS = 5;
    static final int RUNS_PER_ROUND = 8;
    static final int MIGRATIONS = 20;

    @RegisterExtension
    static final ScratchDatabaseExtension DB = new ScratchDatabaseExtension();

    @TempDir
    static Path scripts;

    private static final List<String> FIGURES = new ArrayList<>();

    private static final AssistantMigrate CORE = new AssistantMigrate(EngineLog.SILENT, HINTS);

    private static Workspace workspace(ScratchDatabase database) {
        return new Workspace(database.settings(), List.of(new ScriptLocation.Directory(scripts)));
    }

    private static MigrateResult migrate(ScratchDatabase database, String target) {
        return CORE.migrate(new MigrateRequest(workspace(database), target, false, Duration.ofSeconds(120)));
    }

    private static void reset(ScratchDatabase database) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
        }
    }

    private static void writeMigrations() throws IOException {
        for (int i = 1; i <= MIGRATIONS; i++) {
            Files.writeString(scripts.resolve("V" + i + "__t" + i + ".sql"),
                    "CREATE TABLE t" + i + " (id integer PRIMARY KEY);\nINSERT INTO t" + i + " VALUES (" + i + ");\n",
                    StandardCharsets.UTF_8);
            Files.writeString(scripts.resolve("U" + i + "__t" + i + ".sql"), "DROP TABLE t" + i + ";\n",
                    StandardCharsets.UTF_8);
        }
    }

    @Test
    void eightConcurrentMigrateRunsApplyEveryMigrationExactlyOnceRoundAfterRound() throws Exception {
        ScratchDatabase database = DB.database();
        writeMigrations();
        int runs = 0;
        int failures = 0;
        int applied = 0;
        ExecutorService pool = Executors.newFixedThreadPool(RUNS_PER_ROUND);
        try {
            for (int round = 1; round <= ROUNDS; round++) {
                reset(database);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<MigrateResult>> results = new ArrayList<>();
                for (int run = 0; run < RUNS_PER_ROUND; run++) {
                    results.add(pool.submit(() -> {
                        start.await();
                        return migrate(database, "latest");
                    }));
                }
                start.countDown();
                int appliedThisRound = 0;
                for (Future<MigrateResult> result : results) {
                    runs++;
                    try {
                        appliedThisRound += result.get(120, TimeUnit.SECONDS).applied().size();
                    } catch (java.util.concurrent.ExecutionException e) {
                        failures++;
                    }
                }
                applied += appliedThisRound;
                assertThat(appliedThisRound).as("round " + round + ": migrations applied across all runs")
                        .isEqualTo(MIGRATIONS);
                assertThat(count(database, "SELECT count(*) FROM flyway_schema_history")).isEqualTo(MIGRATIONS);
                assertThat(count(database, "SELECT count(DISTINCT version) FROM flyway_schema_history"))
                        .isEqualTo(MIGRATIONS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(failures).isZero();
        FIGURES.add("| " + RUNS_PER_ROUND + " concurrent migrate runs, " + ROUNDS + " rounds, " + MIGRATIONS
                + " migrations | " + runs + " | " + failures + " | " + applied + " history rows written, each"
                + " migration once per round |");
    }

    @Test
    void aDowngradeRacingAMigrateNeverInterleaves() throws Exception {
        ScratchDatabase database = DB.database();
        writeMigrations();
        int runs = 0;
        int failures = 0;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 1; round <= ROUNDS; round++) {
                reset(database);
                migrate(database, "10");
                CountDownLatch start = new CountDownLatch(1);
                Future<?> migrate = pool.submit(() -> {
                    start.await();
                    return migrate(database, "latest");
                });
                Future<?> downgrade = pool.submit(() -> {
                    start.await();
                    return CORE.downgrade(new DowngradeRequest(workspace(database), "-5", false,
                            Duration.ofSeconds(120)));
                });
                start.countDown();
                for (Future<?> run : List.of(migrate, downgrade)) {
                    runs++;
                    try {
                        run.get(120, TimeUnit.SECONDS);
                    } catch (java.util.concurrent.ExecutionException e) {
                        failures++;
                    }
                }
                int applied = count(database, "SELECT count(*) FROM flyway_schema_history");
                int newest = count(database, "SELECT max(version::int) FROM flyway_schema_history");
                assertThat(applied).as("round " + round + ": either migrate ran first (20 - 5) or downgrade did"
                        + " (10 - 5 + 15)").isIn(15, 20);
                assertThat(newest).as("a contiguous history: nothing undone in the middle").isEqualTo(applied);
                assertThat(count(database, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"
                        + " AND tablename LIKE 't%'")).as("tables match the history").isEqualTo(applied);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(failures).isZero();
        FIGURES.add("| a downgrade (-5) racing a migrate, " + ROUNDS + " rounds | " + runs + " | " + failures
                + " | history and tables contiguous after every round |");
    }

    private static int count(ScratchDatabase database, String sql) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getInt(1);
        }
    }

    @AfterAll
    static void writeFigures() throws IOException {
        Path report = Path.of("target", "reliability", "concurrency.md");
        Files.createDirectories(report.getParent());
        Files.writeString(report, "| case | runs | failures | database |\n|---|---|---|---|\n"
                + String.join("\n", FIGURES) + "\n", StandardCharsets.UTF_8);
    }
}
