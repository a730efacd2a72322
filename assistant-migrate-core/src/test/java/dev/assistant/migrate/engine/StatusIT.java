package dev.assistant.migrate.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assistant.migrate.api.AppliedMigration;
import dev.assistant.migrate.api.PendingMigration;
import dev.assistant.migrate.api.Problem;
import dev.assistant.migrate.api.ProblemKind;
import dev.assistant.migrate.api.RepairRequest;
import dev.assistant.migrate.api.ScriptFailedException;
import dev.assistant.migrate.api.StatusReport;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StatusIT extends EngineTestCase {

    private StatusReport status() {
        return fixture.engine().status();
    }

    private Problem only(ProblemKind kind) {
        return status().problems().stream().filter(p -> p.kind() == kind).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " in " + status().problems()));
    }

    @Test
    void anEmptyDatabaseHasEverythingPending() {
        fixture.table("1", "one").write("V2__no_undo.sql", "CREATE TABLE two (id int);");

        StatusReport report = status();

        assertThat(report.current()).isEmpty();
        assertThat(report.pending()).extracting(PendingMigration::version, PendingMigration::reversible)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("1", true),
                        org.assertj.core.groups.Tuple.tuple("2", false));
        assertThat(report.problems()).extracting(Problem::kind).containsExactly(ProblemKind.MISSING_UNDO);
        assertThat(report.database()).doesNotContain(":" + DB.database().password() + "@").contains(":****@");
    }

    @Test
    void reportsTheCurrentVersionWithWhenAndBy() {
        fixture.table("1", "one").table("2", "two");
        fixture.engine().migrate(MigrateTarget.latest(), false);

        StatusReport report = status();

        assertThat(report.current()).get().satisfies(current -> {
            assertThat(current.version()).isEqualTo("2");
            assertThat(current.description()).isEqualTo("two");
            assertThat(current.installedBy()).isEqualTo(DB.database().user());
            assertThat(current.installedOn()).isNotNull();
        });
        assertThat(report.isUpToDate()).isTrue();
    }

    @Test
    void anAppliedMigrationWhoseFileIsGone() {
        fixture.table("1", "one").table("2", "two");
        fixture.engine().migrate(MigrateTarget.latest(), false);
        fixture.delete("V1__one.sql").delete("U1__one.sql");

        Problem problem = only(ProblemKind.APPLIED_FILE_MISSING);
        assertThat(problem.subject()).isEqualTo("V1 (one)");
        assertThat(problem.fix()).contains("Restore the file");
    }

    @Test
    void aMigrationAppliedFromANewerCheckout() {
        fixture.table("1", "one").table("2", "two");
        fixture.engine().migrate(MigrateTarget.latest(), false);
        fixture.delete("V2__two.sql").delete("U2__two.sql");

        assertThat(only(ProblemKind.FUTURE_MIGRATION).detail()).contains("newer checkout");
        assertThat(status().current()).get().extracting(AppliedMigration::version).isEqualTo("2");
        fixture.engine().migrate(MigrateTarget.latest(), false);
        assertThat(fixture.log().lines()).as("migrate does not call it up to date without a word")
                .anyMatch(line -> line.startsWith("WARN V2 (two): The history records V2__two.sql as applied")
                        && line.contains("newer checkout"));
    }

    @Test
    void aVersionRecordedTwiceAndTwoRowsOfOneRankStopMigrate() {
        fixture.table("1", "one").table("2", "two");
        fixture.engine().migrate(MigrateTarget.latest(), false);
        fixture.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
                + " checksum, installed_by, execution_time, success) SELECT 3, version, description, type, script,"
                + " checksum, installed_by, execution_time, success FROM flyway_schema_history WHERE version = '1'");

        assertThat(only(ProblemKind.HISTORY_EDITED).detail()).contains("records version 1 as applied 2 times");
        assertThatThrownBy(() -> fixture.engine().migrate(MigrateTarget.latest(), false))
                .hasMessageContaining("migrate stopped before changing anything")
                .hasMessageContaining("DELETE FROM flyway_schema_history WHERE version = '1'");

        fixture.execute("DELETE FROM flyway_schema_history WHERE installed_rank = 3;"
                + " ALTER TABLE flyway_schema_history DROP CONSTRAINT flyway_schema_history_pk;"
                + " UPDATE flyway_schema_history SET installed_rank = 1");
        assertThat(only(ProblemKind.HISTORY_EDITED).detail()).contains("2 rows of installed_rank 1");
    }

    @Test
    void aRenamedAppliedMigration() {
        fixture.table("1", "one");
        fixture.engine().migrate(MigrateTarget.latest(), false);
        fixture.delete("V1__one.sql").write("V1__first.sql", "CREATE TABLE one (id integer PRIMARY KEY);\n")
                .delete("U1__one.sql").write("U1__first.sql", "DROP TABLE one;\n");

        Problem renamed = only(ProblemKind.DESCRIPTION_CHANGED);
        assertThat(renamed.subject()).isEqualTo("V1__first.sql");
        assertThat(renamed.fix()).contains("V1__one.sql");
        assertThatThrownBy(() -> fixture.engine().migrate(MigrateTarget.latest(), false))
                .hasMessageContaining("V1__first.sql: renamed after it was applied");
    }

    @Test
    void aMigrationRenamedAfterThisDatabaseAppliedItIsRecognisedByItsContent() {
        fixture.table("1", "one").table("2", "two");
        fixture.engine().migrate(MigrateTarget.latest(), false);
        fixture.delete("V2__two.sql").write("V20260101120000__two.sql", "CREATE TABLE two (id integer PRIMARY KEY);\n")
                .delete("U2__two.sql").write("U20260101120000__two.sql", "DROP TABLE two;\n");

        StatusReport report = status();

        assertThat(report.problems()).extracting(Problem::describe).containsExactly(
                "V20260101120000__two.sql: applied here under its old name. The history records V2__two.sql as"
                        + " applied; V20260101120000__two.sql has the same content, so it was renamed (e.g. by the"
                        + " advised `git mv`) after this database applied it, and migrate would apply it a second"
                        + " time. Fix: Record the new name in this database's history, then run {status} again:"
                        + " UPDATE flyway_schema_history SET version = '20260101120000', description = 'two', script"
                        + " = 'V20260101120000__two.sql' WHERE version = '2' AND script = 'V2__two.sql';");
        assertThatThrownBy(() -> fixture.engine().migrate(MigrateTarget.latest(), false))
                .hasMessageContaining("V20260101120000__two.sql: applied here under its old name");

        fixture.execute("UPDATE flyway_schema_history SET version = '20260101120000', description = 'two', script"
                + " = 'V20260101120000__two.sql' WHERE version = '2' AND script = 'V2__two.sql'");
        assertThat(status().isUpToDate()).isTrue();
    }

    @Test
    void bothFilesOfADuplicateVersionArePending() {
        fixture.table("1", "one").write("V2__a.sql", "CREATE TABLE a (id int);\n").write("U2__a.sql", "DROP TABLE a;\n")
                .write("V2__b.sql", "CREATE TABLE b (id int);\n").write("U2__b.sql", "DROP TABLE b;\n");

        StatusReport report = status();

        assertThat(report.pending()).extracting(PendingMigration::script)
                .containsExactly("V1__one.sql", "V2__a.sql", "V2__b.sql");
        assertThat(report.problems()).extracting(Problem::kind).containsExactly(ProblemKind.DUPLICATE_VERSION);
    }

    @Test
    void aFailedNonTransactionalMigrationIsExplainedAndRepairClearsIt() {
        fixture.failingConcurrentIndex();

        assertThatThrownBy(() -> fixture.engine().migrate(MigrateTarget.latest(), false))
                .isInstanceOfSatisfying(ScriptFailedException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo("23505");
                    assertThat(e.getMessage()).contains("outside a transaction")
                            .contains("Run {status} for how to clear the failure record");
                });

        Problem failed = only(ProblemKind.FAILED_MIGRATION);
        assertThat(failed.subject()).isEqualTo("V2__index.sql");
        assertThat(failed.fix()).contains("DROP INDEX CONCURRENTLY IF EXISTS")
                .contains("{repair failed}");
        assertThat(fixture.historyVersions()).containsExactly("1", "2!");

        fixture.execute("DROP INDEX CONCURRENTLY IF EXISTS ix_one_code");
        fixture.engine().repair(Set.of(RepairRequest.Fix.FAILED));
        fixture.execute("UPDATE one SET code = 8 WHERE id = 2");

        fixture.engine().migrate(MigrateTarget.latest(), false);
        assertThat(status().problems()).isEmpty();
        assertThat(fixture.historyVersions()).containsExactly("1", "2");
    }
}
