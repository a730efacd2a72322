package dev.assistant.migrate.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assistant.migrate.api.MigrateResult;
import dev.assistant.migrate.api.ScriptFailedException;
import dev.assistant.migrate.schema.DatabaseSchemaReader;
import dev.assistant.migrate.schema.PgDump;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The script a dry run writes, run by the real psql, leaves the database exactly where migrate leaves it: the same
 * {@code pg_dump --schema-only} and the same history rows but for their times. Each case sets up the same starting
 * point twice on the scratch database: once migrated by the engine, once by psql running the script.
 */
class OfflineScriptIT extends EngineTestCase {

    @TempDir
    Path out;

    private static final String FUNCTION = """
            CREATE FUNCTION ${flyway:defaultSchema}.stamp_name() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                NEW.name := coalesce(NEW.name, 'made by ${flyway:user}; ''quoted''');
                RETURN NEW;
            END
            $$;
            CREATE TRIGGER one_stamp BEFORE INSERT ON one FOR EACH ROW EXECUTE FUNCTION stamp_name();
            COMMENT ON TABLE one IS 'the first table, see ${flyway:database}';
            """;

    /** V1 table, V2 placeholders and a dollar-quoted function, V3 CREATE INDEX CONCURRENTLY, V4 a table, R a view. */
    private void migrations() {
        fixture.write("V1__one.sql", "CREATE TABLE one (id integer PRIMARY KEY, code integer, name text);\n")
                .write("U1__one.sql", "DROP TABLE one;\n")
                .write("V2__stamp_function.sql", FUNCTION)
                .write("U2__stamp_function.sql", "DROP FUNCTION stamp_name() CASCADE;\n")
                .write("V3__code_index.sql", "-- built without blocking writes\n"
                        + "CREATE INDEX CONCURRENTLY ix_one_code ON one (code);\n")
                .write("U3__code_index.sql", "DROP INDEX CONCURRENTLY ix_one_code;\n")
                .write("V4__two.sql", "CREATE TABLE two (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n"
                        + "    one_id integer REFERENCES one (id) ON DELETE CASCADE);\n"
                        + "INSERT INTO one (id, code) VALUES (1, 7);\n-- the last line is a comment\n")
                .write("U4__two.sql", "DROP TABLE two;\n")
                .write("R__one_names.sql", "CREATE OR REPLACE VIEW one_names AS SELECT id, name FROM one;\n");
    }

    @Test
    void fromAnEmptyDatabaseTheScriptCreatesTheHistoryAndEndsWhereMigrateEnds() throws Exception {
        migrations();

        String script = equivalent(() -> { }, false);

        assertThat(unwrapped(script)).contains("flyway_schema_history\" does not exist yet",
                "CREATE TABLE \"public\".\"flyway_schema_history\"",
                "From no migration applied to version 4 (two): 5 migrations to apply:",
                "Not with psql -1", "V3__code_index.sql must run outside a", "(CREATE INDEX CONCURRENTLY ix_one_code");
        assertThat(fixture.historyVersions()).containsExactly("1", "2", "3", "4", "R");
    }

    @Test
    void fromAHistoryAtAVersionWithAChangedRepeatableTheScriptContinuesTheRanks() throws Exception {
        migrations();

        String script = equivalent(() -> {
            fixture.write("R__one_names.sql", "CREATE OR REPLACE VIEW one_names AS SELECT id FROM one;\n");
            fixture.engine().migrate(MigrateTarget.parse("1"), false);
            fixture.write("R__one_names.sql", "CREATE OR REPLACE VIEW one_names AS SELECT id, name FROM one;\n");
        }, false);

        assertThat(unwrapped(script)).doesNotContain("does not exist yet")
                .contains("From version 1 (one) to version 4 (two): 4 migrations to apply:",
                        "R one names", "(repeatable, changed or new)", "newest installed rank 2");
        assertThat(fixture.historyVersions()).containsExactly("1", "R", "2", "3", "4", "R");
    }

    @Test
    void withPsqlMinusOneAnAllTransactionalScriptIsOneTransaction() throws Exception {
        migrations();
        fixture.delete("V3__code_index.sql").delete("U3__code_index.sql");

        String script = equivalent(() -> fixture.engine().migrate(MigrateTarget.parse("1"), false), true);
        equivalent(() -> { }, true);

        assertThat(unwrapped(script)).contains("psql -1 (--single-transaction) works too");

        // all or nothing: a failure in the last migration leaves nothing of the others
        fixture.reset();
        fixture.engine().migrate(MigrateTarget.parse("1"), false);
        fixture.write("V5__broken.sql", "CREATE TABLE three (id integer);\nSELECT 1 / 0;\n");
        String before = state();
        Psql.Run run = Psql.file(fixture.connection(), write(dryRunScript()), true);

        assertThat(run.exitCode()).as(run.output()).isEqualTo(3);
        assertThat(run.output()).contains("division by zero");
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void withoutMinusOneEachMigrationCommitsOnItsOwnAsMigrateDoes() throws Exception {
        fixture.table("1", "one").table("2", "two").write("V3__broken.sql", "SELECT 1 / 0;\n");

        Psql.Run run = Psql.file(fixture.connection(), write(dryRunScript()), false);

        assertThat(run.exitCode()).as(run.output()).isEqualTo(3);
        assertThat(fixture.historyVersions()).containsExactly("1", "2");
        assertThat(fixture.tables()).containsExactly("one", "two");
    }

    @Test
    void aPsqlrcThatTurnsAutocommitOffOrRollsBackOnErrorChangesNothingOfHowTheScriptRuns() throws Exception {
        fixture.table("1", "one").table("2", "two").write("V3__broken.sql", "SELECT 1 / 0;\n");

        Psql.Run run = Psql.file(fixture.connection(), write(dryRunScript()), false, "-v", "AUTOCOMMIT=off", "-v",
                "ON_ERROR_ROLLBACK=on");

        assertThat(run.exitCode()).as(run.output()).isEqualTo(3);
        assertThat(fixture.historyVersions()).containsExactly("1", "2");
        assertThat(fixture.tables()).containsExactly("one", "two");
    }

    @Test
    void aFailedStatementOutsideATransactionLeavesTheFailureRecordMigrateLeaves() throws Exception {
        fixture.failingConcurrentIndex();
        String script = dryRunScript();
        assertThatThrownBy(() -> fixture.engine().migrate(MigrateTarget.latest(), false))
                .isInstanceOf(ScriptFailedException.class);
        String byEngine = PgDump.schemaOnly(fixture.connection()).orElseThrow();
        List<String> historyByEngine = historyRows();
        fixture.reset();

        Psql.Run run = Psql.file(fixture.connection(), write(script), false);

        assertThat(run.exitCode()).as(run.output()).isEqualTo(3);
        assertThat(run.output()).contains("could not create unique index \"ix_one_code\"",
                "V2__index.sql failed outside a transaction (the error is above), so part of it may have taken"
                        + " effect, and a failure record now blocks migrate. Run {status} for how to clear it");
        assertThat(fixture.historyVersions()).containsExactly("1", "2!");
        assertThat(historyRows()).isEqualTo(historyByEngine);
        assertThat(PgDump.schemaOnly(fixture.connection()).orElseThrow()).isEqualTo(byEngine);
    }

    @Test
    void withPsqlMinusOneAScriptWithCreateIndexConcurrentlyRefusesBeforeChangingAnything() throws Exception {
        migrations();
        String before = state();

        Psql.Run run = Psql.file(fixture.connection(), write(dryRunScript()), true);

        assertThat(run.exitCode()).as(run.output()).isEqualTo(3);
        assertThat(run.output()).contains("This script cannot run in one transaction (psql -1)",
                "Run it without -1: psql -X -v ON_ERROR_STOP=1");
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void theDryRunReadsTheDatabaseAndChangesNothing() throws Exception {
        migrations();
        fixture.engine().migrate(MigrateTarget.parse("2"), false);
        String before = state();

        MigrateResult result = fixture.engine().migrate(MigrateTarget.latest(), true, true);

        assertThat(result.dryRun()).isTrue();
        assertThat(result.applied()).isEmpty();
        assertThat(result.planned()).extracting(p -> p.version()).containsExactly("3", "4");
        assertThat(state()).isEqualTo(before);
        assertThat(fixture.historyVersions()).containsExactly("1", "2", "R");
        String script = unwrapped(result.script().orElseThrow());
        assertThat(script).startsWith("-- Migration script written by assistant-migrate ")
                .contains(fixture.connection().maskedUrl(), "schema public, user " + DB.database().user(),
                        "From version 2 (stamp function) to version 4 (two): 2 migrations to apply:",
                        "psql -X -v ON_ERROR_STOP=1 -h ")
                .doesNotContain(DB.database().password());
    }

    @Test
    void theScriptWaitsForTheLockMigrateTakesAndGivesUpAfterTheTimeout() throws Exception {
        fixture.table("1", "one");
        Path file = write(fixture.lockTimeout(Duration.ofSeconds(1)).engine()
                .migrate(MigrateTarget.latest(), true, true).script().orElseThrow());

        try (EngineConnection holder = EngineConnection.open(fixture.engine().database(), fixture.log());
                MigrationLock lock = MigrationLock.acquire(holder, fixture.engine().database(), Duration.ZERO,
                        "migrate", fixture.log())) {
            Psql.Run run = Psql.file(fixture.connection(), file, false);

            assertThat(run.exitCode()).as(run.output()).isEqualTo(3);
            assertThat(run.output()).contains("canceling statement due to lock timeout");
        }
        assertThat(fixture.tables()).isEmpty();
        assertThat(Psql.file(fixture.connection(), file, false).exitCode()).isZero();
        assertThat(fixture.historyVersions()).containsExactly("1");
    }

    @Test
    void aMigrationThatReleasesTheLockIsRolledBackInsteadOfRecorded() throws Exception {
        fixture.table("1", "one").write("V2__unlocks.sql", "CREATE TABLE two (id integer);\n"
                + "SELECT pg_advisory_unlock_all();\n");

        Psql.Run run = Psql.file(fixture.connection(), write(dryRunScript()), false);

        assertThat(run.exitCode()).as(run.output()).isEqualTo(3);
        assertThat(run.output()).contains("The migration lock was no longer held after V2__unlocks.sql ran",
                "It was rolled back.");
        assertThat(fixture.historyVersions()).containsExactly("1");
        assertThat(fixture.tables()).containsExactly("one");
    }

    @Test
    void anUpToDateDatabaseGetsAScriptThatChangesNothing() throws Exception {
        fixture.table("1", "one");
        fixture.engine().migrate(MigrateTarget.latest(), false);
        String before = state();

        String script = dryRunScript();
        Psql.Run run = Psql.file(fixture.connection(), write(script), false);

        assertThat(unwrapped(script)).contains("From version 1 (one) to version 1 (one): 0 migrations to apply.",
                "Nothing to apply: the database is up to date. This script changes nothing.");
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void theScriptRefusesASearchPathThatPutsTheObjectsInAnotherSchema() throws Exception {
        fixture.table("1", "one");
        Path file = write(dryRunScript());
        fixture.execute("CREATE SCHEMA elsewhere");

        Psql.Run run = Psql.file(fixture.connection(), file, false, "-c", "SET search_path TO elsewhere");

        assertThat(run.exitCode()).as(run.output()).isEqualTo(3);
        assertThat(run.output()).contains("This script was written for the schema public, but the search_path here"
                + " puts new objects in elsewhere. Nothing was changed.");
        assertThat(fixture.strings("SELECT count(*) FROM pg_tables WHERE schemaname IN ('public', 'elsewhere')"))
                .containsExactly("0");
        fixture.execute("DROP SCHEMA elsewhere");
    }

    @Test
    void theScriptRefusesAHistoryThatChangedAfterItWasWritten() throws Exception {
        fixture.table("1", "one").table("2", "two");
        Path file = write(dryRunScript());
        fixture.engine().migrate(MigrateTarget.parse("1"), false);

        Psql.Run run = Psql.file(fixture.connection(), file, false);

        assertThat(run.exitCode()).as(run.output()).isEqualTo(3);
        assertThat(run.output()).contains("changed after this script was written", "Write the script again.");
        assertThat(fixture.historyVersions()).containsExactly("1");
    }

    /**
     * Sets up {@code start}, writes the script, migrates with the engine and reads the dump and the history; sets up
     * {@code start} again, runs the script with psql and reads them again: they must be equal. Returns the script.
     */
    private String equivalent(Runnable start, boolean singleTransaction) throws Exception {
        fixture.reset();
        start.run();
        String before = state();
        String script = dryRunScript();
        assertThat(state()).as("the dry run changed nothing").isEqualTo(before);
        fixture.engine().migrate(MigrateTarget.latest(), false);
        String byEngine = PgDump.schemaOnly(fixture.connection()).orElseThrow(() -> new AssertionError(
                "pg_dump is not installed"));
        List<String> historyByEngine = historyRows();

        fixture.reset();
        start.run();
        Psql.Run run = Psql.file(fixture.connection(), write(script), singleTransaction);

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(PgDump.schemaOnly(fixture.connection()).orElseThrow()).isEqualTo(byEngine);
        assertThat(historyRows()).isEqualTo(historyByEngine);
        return script;
    }

    /** The header's paragraphs as one line each. */
    private static String unwrapped(String script) {
        return script.replace("\n-- ", " ");
    }

    private String dryRunScript() {
        return fixture.engine().migrate(MigrateTarget.latest(), true, true).script().orElseThrow();
    }

    private Path write(String script) throws IOException {
        Path file = Files.createTempFile(out, "migrate", ".sql");
        Files.writeString(file, script, StandardCharsets.UTF_8);
        return file;
    }

    /** The catalog snapshot and every history row (none without a history table): what "changed nothing" compares. */
    private String state() throws SQLException {
        try (Connection connection = DB.database().connect()) {
            String schema = DatabaseSchemaReader.read(connection).toString();
            boolean history = fixture.strings("SELECT to_regclass('flyway_schema_history') IS NOT NULL").equals(
                    List.of("t"));
            return schema + "\n" + (history ? String.join("\n", historyRows()) : "no history table");
        }
    }

    /** Every column of every history row but installed_on and execution_time. */
    private List<String> historyRows() {
        return fixture.strings("""
                SELECT concat_ws(' | ', installed_rank, coalesce(version, '-'), description, type, script,
                       coalesce(checksum::text, '-'), installed_by, success)
                FROM flyway_schema_history ORDER BY installed_rank""");
    }
}
