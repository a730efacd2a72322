package dev.assistant.migrate.api;

import static dev.assistant.migrate.engine.TestHints.HINTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assistant.db.config.ConnectionSettings;
import dev.assistant.db.config.ConnectionSettingsResolver;
import dev.assistant.db.testing.ScratchDatabase;
import dev.assistant.db.testing.TestDatabaseServer;
import dev.assistant.migrate.api.report.JsonReports;
import dev.assistant.migrate.api.report.TextReports;
import dev.assistant.migrate.engine.RecordingLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The goals over a fleet of 20 databases, each with a role and password of its own, one of them broken: it is at
 * version 1, and a table made there by hand makes its second migration fail. The others are finished and end where they should; the broken one
 * is named with its reason; the summary lists every database in the order given.
 */
class FleetIT {

    private static final int SIZE = 20;
    private static final int BROKEN = 6;
    private static final List<ScratchDatabase> DATABASES = new ArrayList<>();

    @TempDir
    static Path scripts;

    private Workspace workspace;

    @BeforeAll
    static void twentyDatabasesAndThreeMigrations() throws IOException {
        for (int i = 0; i < SIZE; i++) {
            DATABASES.add(TestDatabaseServer.get().createScratch("fleet" + i));
        }
        List<String> tables = List.of("one", "two", "three");
        for (int i = 0; i < tables.size(); i++) {
            String table = tables.get(i);
            write("V" + (i + 1) + "__" + table + ".sql", "CREATE TABLE " + table + " (id integer PRIMARY KEY);\n"
                    + "INSERT INTO " + table + " VALUES (1);\n");
            write("U" + (i + 1) + "__" + table + ".sql", "DROP TABLE " + table + ";\n");
        }
    }

    @AfterAll
    static void dropThem() {
        DATABASES.forEach(ScratchDatabase::close);
    }

    @BeforeEach
    void emptyDatabasesButTheBrokenOne() throws SQLException {
        for (ScratchDatabase database : DATABASES) {
            execute(database, "DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
        }
        workspace = new Workspace(DATABASES.get(0).settings(), List.of(new ScriptLocation.Directory(scripts)));
        new AssistantMigrate(EngineLog.SILENT, HINTS).migrate(new MigrateRequest(
                workspace.on(DATABASES.get(BROKEN).settings()), "1", false, null));
        execute(DATABASES.get(BROKEN), "CREATE TABLE two (made_by_hand text)");
    }

    @Test
    void migrateFinishesEveryOtherDatabaseAndNamesTheBrokenOne() throws SQLException {
        RecordingLog log = new RecordingLog();

        FleetResult<MigrateResult> fleet = new AssistantMigrate(log, HINTS).migrate(fleet(4, false),
                MigrateRequest.latest(workspace));

        assertThat(fleet.members()).extracting(FleetResult.Member::database)
                .containsExactlyElementsOf(DATABASES.stream().map(d -> d.settings().location()).toList());
        for (int i = 0; i < SIZE; i++) {
            FleetResult.Member<MigrateResult> member = fleet.members().get(i);
            if (i == BROKEN) {
                assertThat(member.outcome()).isEqualTo(FleetResult.Outcome.FAILED);
                assertThat(member.result()).startsWith("Migration V2__two.sql failed and was rolled back")
                        .endsWith("(line 1, 42P07: relation \"two\" already exists)");
                assertThat(history(DATABASES.get(i))).containsExactly("1");
                assertThat(tables(DATABASES.get(i))).containsExactly("flyway_schema_history", "one", "two");
            } else {
                assertThat(member.outcome()).isEqualTo(FleetResult.Outcome.OK);
                assertThat(member.before()).isEmpty();
                assertThat(member.after()).contains("3");
                assertThat(member.applied()).isEqualTo(3);
                assertThat(history(DATABASES.get(i))).containsExactly("1", "2", "3");
                assertThat(tables(DATABASES.get(i))).containsExactly("flyway_schema_history", "one", "three", "two");
            }
        }
        assertThat(fleet.failed()).hasSize(1);
        assertThat(fleet.notStarted()).isEmpty();
        assertThat(fleet.members().get(BROKEN).couldNotRun()).isFalse();
        assertThat(fleet.onlyCouldNotRun()).isFalse();

        List<String> table = TextReports.fleet(fleet);
        assertThat(table.get(0)).matches("Database +Before → after +Applied +Time +Result");
        assertThat(table.get(2)).startsWith(DATABASES.get(0).settings().location())
                .contains("none → 3").contains("applied 3");
        assertThat(table.get(2 + BROKEN)).startsWith(DATABASES.get(BROKEN).settings().location())
                .contains("FAILED: ").contains("V2__two.sql");
        assertThat(table.get(table.size() - 1)).startsWith("migrate: 19 of 20 databases ok, 1 failed, 4 at a time,");
        String failure = TextReports.fleetFailure(fleet);
        assertThat(failure).startsWith("migrate failed on 1 of 20 databases:")
                .contains("  - " + DATABASES.get(BROKEN).settings().location() + ": ");
        assertThat(log.lines()).anyMatch(line -> line.startsWith("INFO [" + DATABASES.get(3).name() + "] Applied"));
        assertThat(log.lines()).filteredOn(line -> line.contains("Read 3 migrations")).hasSize(1);
        assertNoPassword(String.join("\n", log.lines()) + String.join("\n", table) + failure);
    }

    @Test
    void failFastStartsNoDatabaseAfterTheFirstFailure() throws SQLException {
        FleetResult<MigrateResult> fleet = new AssistantMigrate(EngineLog.SILENT, HINTS).migrate(fleet(1, true),
                MigrateRequest.latest(workspace));

        for (int i = 0; i < SIZE; i++) {
            FleetResult.Outcome expected = i < BROKEN ? FleetResult.Outcome.OK
                    : i == BROKEN ? FleetResult.Outcome.FAILED : FleetResult.Outcome.NOT_STARTED;
            assertThat(fleet.members().get(i).outcome()).as("database %d", i).isEqualTo(expected);
        }
        assertThat(tables(DATABASES.get(BROKEN + 1))).isEmpty();
        assertThat(history(DATABASES.get(BROKEN))).containsExactly("1");
        assertThat(history(DATABASES.get(BROKEN - 1))).containsExactly("1", "2", "3");
        assertThat(TextReports.fleetFailure(fleet)).contains("13 not started after the first failure")
                .contains("  - " + DATABASES.get(SIZE - 1).settings().location() + ": not started");
    }

    @Test
    void failFastInParallelLetsTheRunningOnesFinishAndStartsNoOther() throws SQLException {
        FleetResult<MigrateResult> fleet = new AssistantMigrate(EngineLog.SILENT, HINTS).migrate(fleet(4, true),
                MigrateRequest.latest(workspace));

        assertThat(fleet.failed()).extracting(FleetResult.Member::database)
                .containsExactly(DATABASES.get(BROKEN).settings().location());
        assertThat(fleet.members().subList(0, BROKEN)).allMatch(m -> m.outcome() == FleetResult.Outcome.OK);
        assertThat(fleet.members().get(SIZE - 1).outcome()).isEqualTo(FleetResult.Outcome.NOT_STARTED);
        for (int i = BROKEN + 1; i < SIZE; i++) {
            if (fleet.members().get(i).outcome() == FleetResult.Outcome.OK) {
                assertThat(history(DATABASES.get(i))).as("database %d, finished", i).containsExactly("1", "2", "3");
            } else {
                assertThat(fleet.members().get(i).outcome()).isEqualTo(FleetResult.Outcome.NOT_STARTED);
                assertThat(tables(DATABASES.get(i))).as("database %d, not started", i).isEmpty();
            }
        }
        assertThat(TextReports.fleet(fleet)).anyMatch(line -> line.startsWith(
                DATABASES.get(SIZE - 1).settings().location()) && line.matches(".* +- +- +- +not started"));
    }

    @Test
    void statusCheckAndDowngradeReadAndChangeEachDatabase() throws SQLException {
        AssistantMigrate core = new AssistantMigrate(EngineLog.SILENT, HINTS);
        core.migrate(fleet(4, false), MigrateRequest.latest(workspace));

        FleetResult<StatusReport> status = core.status(fleet(4, false), new StatusRequest(workspace));
        assertThat(status.succeeded()).isTrue();
        assertThat(status.members().get(0).result()).isEqualTo("up to date");
        assertThat(status.members().get(BROKEN).result()).isEqualTo("2 pending");
        assertThat(status.members().get(BROKEN).after()).contains("1");
        assertThat(JsonReports.status(status)).contains("\"report\" : \"fleet-status\"")
                .contains("\"database\" : \"" + DATABASES.get(BROKEN).settings().location() + "\"");

        RecordingLog checkLog = new RecordingLog();
        FleetResult<CheckReport> check = new AssistantMigrate(checkLog, HINTS).check(fleet(4, false),
                new CheckRequest(workspace, Optional.empty(), null));
        assertThat(check.failed()).extracting(FleetResult.Member::database)
                .containsExactly(DATABASES.get(BROKEN).settings().location());
        CheckReport broken = check.members().get(BROKEN).report().orElseThrow();
        assertThat(broken.pending()).extracting(PendingMigration::version).containsExactly("2", "3");
        assertThat(broken.problems()).extracting(Problem::kind).contains(ProblemKind.CHANGED_OUTSIDE_MIGRATIONS);
        assertThat(check.members().get(0).result()).isEqualTo("passed");
        assertThat(checkLog.lines()).filteredOn(line -> line.contains("[shadow] Replayed 3 migrations")).hasSize(1);

        FleetResult<DowngradeResult> downgrade = core.downgrade(fleet(4, false),
                new DowngradeRequest(workspace, "1", false, null));
        assertThat(downgrade.succeeded()).isTrue();
        assertThat(downgrade.members().get(0).result()).isEqualTo("undid 2");
        assertThat(downgrade.members().get(BROKEN).result()).isEqualTo("nothing to undo");
        for (int i = 0; i < SIZE; i++) {
            assertThat(history(DATABASES.get(i))).as("database %d", i).containsExactly("1");
        }
        assertThat(tables(DATABASES.get(0))).containsExactly("flyway_schema_history", "one");
    }

    @Test
    void aBadTargetOrParallelIsRefusedBeforeAnyDatabaseIsTouched() throws SQLException {
        AssistantMigrate core = new AssistantMigrate(EngineLog.SILENT, HINTS);

        assertThatThrownBy(() -> core.downgrade(fleet(4, false), new DowngradeRequest(workspace, "-x", false, null)))
                .isInstanceOf(MigrationEngineException.class);
        assertThatThrownBy(() -> fleet(0, false)).isInstanceOf(MigrationEngineException.class)
                .hasMessage("Parallel must be 1 or more (how many databases are worked on at once), not 0.");
        assertThat(tables(DATABASES.get(0))).isEmpty();
        assertThat(history(DATABASES.get(BROKEN))).containsExactly("1");
    }

    @Test
    void aDatabaseNoServerAnswersForIsAFailureThatMayPassLater() {
        ConnectionSettings nowhere = ConnectionSettingsResolver.create().url("postgresql://app:pw@127.0.0.1:1/nowhere")
                .environment(Map.of()).resolve();

        FleetResult<StatusReport> fleet = new AssistantMigrate(EngineLog.SILENT, HINTS).status(
                new FleetRequest(List.of(DATABASES.get(0).settings(), nowhere), 2, false), new StatusRequest(workspace));

        assertThat(fleet.members()).extracting(FleetResult.Member::outcome)
                .containsExactly(FleetResult.Outcome.OK, FleetResult.Outcome.FAILED);
        assertThat(fleet.members().get(1).result()).startsWith("No PostgreSQL server answers at 127.0.0.1:1");
        assertThat(fleet.members().get(1).couldNotRun()).isTrue();
        assertThat(fleet.onlyCouldNotRun()).isTrue();
    }

    @Test
    void wallTimeAtParallelOneAndFour() {
        AssistantMigrate core = new AssistantMigrate(EngineLog.SILENT, HINTS);
        long one = core.migrate(fleet(1, false), MigrateRequest.latest(workspace)).millis();
        core.downgrade(fleet(4, false), new DowngradeRequest(workspace, "base", false, null));
        long four = core.migrate(fleet(4, false), MigrateRequest.latest(workspace)).millis();
        System.out.println("Fleet of " + SIZE + " databases, migrate of 3 migrations: parallel 1 " + one
                + " ms, parallel 4 " + four + " ms");
    }

    private static FleetRequest fleet(int parallel, boolean failFast) {
        List<ConnectionSettings> settings = DATABASES.stream().map(ScratchDatabase::settings).toList();
        return new FleetRequest(settings, parallel, failFast);
    }

    private static void assertNoPassword(String text) {
        for (ScratchDatabase database : DATABASES) {
            assertThat(text).doesNotContain(database.password());
        }
    }

    private static void write(String name, String sql) throws IOException {
        Files.writeString(scripts.resolve(name), sql, StandardCharsets.UTF_8);
    }

    private static void execute(ScratchDatabase database, String sql) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static List<String> history(ScratchDatabase database) throws SQLException {
        List<String> versions = new ArrayList<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT version FROM flyway_schema_history WHERE success"
                        + " ORDER BY installed_rank")) {
            while (rows.next()) {
                versions.add(rows.getString(1));
            }
        }
        return versions;
    }

    private static TreeSet<String> tables(ScratchDatabase database) throws SQLException {
        TreeSet<String> tables = new TreeSet<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }
}
