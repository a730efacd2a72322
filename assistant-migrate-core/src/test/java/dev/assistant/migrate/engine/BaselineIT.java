package dev.assistant.migrate.engine;

import static dev.assistant.migrate.engine.TestHints.HINTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assistant.db.config.ConnectionSettings;
import dev.assistant.migrate.api.AppliedMigration;
import dev.assistant.migrate.api.DowngradeResult;
import dev.assistant.migrate.api.MigrateResult;
import dev.assistant.migrate.api.PendingMigration;
import dev.assistant.migrate.api.StatusReport;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A database that Flyway's own {@code baseline()} adopted: the schema up to version 1 was made outside the history.
 * Its BASELINE row describes no file, so it is never a renamed migration, and downgrade goes back to it and no further,
 * as Flyway does.
 */
class BaselineIT extends EngineTestCase {

    @BeforeEach
    void aSchemaAdoptedByFlywaysBaseline() {
        fixture.execute("CREATE TABLE legacy (id integer PRIMARY KEY)");
        fixture.write("V1__legacy.sql", "CREATE TABLE legacy (id integer PRIMARY KEY);\n")
                .write("U1__legacy.sql", "DROP TABLE legacy;\n")
                .table("2", "two")
                .table("3", "three");
        ConnectionSettings settings = fixture.connection();
        Flyway.configure()
                .dataSource(settings.jdbcUrl(), settings.user(), settings.password())
                .locations("filesystem:" + scripts)
                .load()
                .baseline();
    }

    @Test
    void theBaselineIsTheCurrentVersionAndNoProblem() {
        StatusReport status = fixture.engine().status();

        assertThat(status.problems()).isEmpty();
        assertThat(status.current()).get().extracting(AppliedMigration::version, AppliedMigration::description)
                .containsExactly("1", "<< Flyway Baseline >>");
        assertThat(status.pending()).extracting(PendingMigration::version).containsExactly("2", "3");
    }

    @Test
    void migrateAppliesWhatIsAboveTheBaseline() {
        MigrateResult result = fixture.engine().migrate(MigrateTarget.latest(), false);

        assertThat(result.applied()).extracting(MigrateResult.Applied::label).containsExactly("V2 two", "V3 three");
        assertThat(fixture.tables()).containsExactly("legacy", "three", "two");
    }

    @Test
    void downgradeStopsAtTheBaseline() {
        fixture.engine().migrate(MigrateTarget.latest(), false);

        DowngradeResult toBase = fixture.engine().downgrade(DowngradeTarget.parse("base", HINTS), false);

        assertThat(toBase.undone()).extracting(DowngradeResult.Undone::label).containsExactly("V3 three", "V2 two");
        assertThat(toBase.current()).get().extracting(AppliedMigration::version).isEqualTo("1");
        assertThat(fixture.tables()).containsExactly("legacy");
        assertThat(fixture.historyVersions()).containsExactly("1");
        assertThatThrownBy(() -> fixture.engine().downgrade(DowngradeTarget.parse("-1", HINTS), false))
                .hasMessageContaining("Cannot go back 1 migration: only 0 are applied above the baseline at version 1"
                        + " (<< Flyway Baseline >>), which downgrade does not go below");
        assertThat(fixture.engine().downgrade(DowngradeTarget.parse("1", HINTS), false).undone()).isEmpty();
        assertThat(fixture.tables()).containsExactly("legacy");
    }

    @Test
    void aTargetBelowTheBaselineIsRefused() {
        fixture.engine().migrate(MigrateTarget.latest(), false);

        assertThatThrownBy(() -> fixture.engine().downgrade(DowngradeTarget.parse("0.5", HINTS), false))
                .hasMessageContaining("Version 0.5 is below the baseline at version 1")
                .hasMessageContaining("{downgrade 1}");
        assertThat(fixture.historyVersions()).containsExactly("1", "2", "3");
    }
}
