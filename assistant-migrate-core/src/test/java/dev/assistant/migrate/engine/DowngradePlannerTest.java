package dev.assistant.migrate.engine;

import static dev.assistant.migrate.engine.TestHints.HINTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assistant.migrate.api.AppliedMigration;
import dev.assistant.migrate.api.DowngradePlan;
import dev.assistant.migrate.api.MigrationEngineException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DowngradePlannerTest {

    private final List<ScriptFile> files = new ArrayList<>();
    private final List<AppliedMigration> history = new ArrayList<>();

    private DowngradePlannerTest applied(String version, boolean withUndo) {
        String name = "V" + version + "__m" + version.replace('.', '_') + ".sql";
        files.add(script(name, "CREATE TABLE t" + version.replace('.', '_') + " (id int);"));
        if (withUndo) {
            files.add(script("U" + name.substring(1), "DROP TABLE t" + version.replace('.', '_') + ";"));
        }
        history.add(new AppliedMigration(history.size() + 1, version, "m" + version, "SQL", name, Instant.EPOCH,
                "tester", 5, "Success", withUndo));
        return this;
    }

    private static ScriptFile script(String name, String sql) {
        return new ScriptFile(name, "/m/" + name, null, sql.getBytes(StandardCharsets.UTF_8));
    }

    private DowngradePlan plan(String target) {
        return DowngradePlanner.plan(history, DowngradeTarget.parse(target, HINTS), MigrationCatalog.of(List.of(), files),
                SqlStatements.withoutSession(), HINTS);
    }

    private static List<String> versions(DowngradePlan plan) {
        return plan.steps().stream().map(step -> step.migration().version()).toList();
    }

    @Test
    void stepsUndoTheMostRecentlyAppliedFirst() {
        applied("1", true).applied("2", true).applied("3", true);
        DowngradePlan plan = plan("-2");
        assertThat(versions(plan)).containsExactly("3", "2");
        assertThat(plan.fromVersion()).isEqualTo("3");
        assertThat(plan.toVersion()).isEqualTo("1");
        assertThat(plan.steps().get(0).statements()).singleElement()
                .satisfies(statement -> assertThat(statement.sql()).isEqualTo("DROP TABLE t3"));
    }

    @Test
    void aVersionTargetUndoesEverythingAboveIt() {
        applied("1", true).applied("1.1", true).applied("2", true).applied("10", true);
        assertThat(versions(plan("1.1"))).containsExactly("10", "2");
        assertThat(plan("1.1").toVersion()).isEqualTo("1.1");
    }

    @Test
    void baseUndoesEverything() {
        applied("1", true).applied("2", true);
        DowngradePlan plan = plan("base");
        assertThat(versions(plan)).containsExactly("2", "1");
        assertThat(plan.toVersion()).isNull();
    }

    @Test
    void theCurrentVersionAsTargetIsNothingToDo() {
        applied("1", true).applied("2", true);
        assertThat(plan("2").isEmpty()).isTrue();
    }

    @Test
    void refusesBeforeAnythingWhenAnyStepHasNoUndoNamingEveryOne() {
        applied("1", true).applied("2", false).applied("3", true).applied("4", false);
        assertThatThrownBy(() -> plan("base"))
                .isInstanceOf(MigrationEngineException.class)
                .hasMessageContaining("V4 (m4)")
                .hasMessageContaining("V2 (m2)")
                .hasMessageContaining("U4__m4.sql")
                .hasMessageContaining("U2__m2.sql")
                .hasMessageContaining("Nothing was changed")
                .hasMessageContaining("Write U4__m4.sql, U2__m2.sql, then run the downgrade again. Until then nothing"
                        + " can be undone: version 4 is the current version.");
        assertThat(versions(plan("4"))).isEmpty();
    }

    @Test
    void aCommentOnlyUndoIsNamedAsSuchAndTheCurrentVersionIsNoAlternative() {
        applied("1", true).applied("2", false);
        files.add(script("U2__m2.sql", "-- TODO: drop t2\n"));
        assertThatThrownBy(() -> plan("base"))
                .hasMessage("Cannot downgrade to base: V2 (m2) has no undo script. Nothing was changed."
                        + " U2__m2.sql holds only comments: write the SQL that reverses V2__m2.sql in it, then run the"
                        + " downgrade again. Until then nothing can be undone: version 2 is the current version.");
    }

    @Test
    void aMissingUndoBelowTheCurrentVersionOffersToStopAboveIt() {
        applied("1", true).applied("2", false).applied("3", true);
        assertThatThrownBy(() -> plan("base"))
                .hasMessage("Cannot downgrade to base: V2 (m2) has no undo script. Nothing was changed."
                        + " Write U2__m2.sql, or go back no further than version 2: {downgrade 2}.");
    }

    @Test
    void aCommentOnlyUndoOfACommentOnlyMigrationUndoesIt() {
        files.add(script("V1__merge.sql", "-- merge\n"));
        files.add(script("U1__merge.sql", "-- nothing to undo\n"));
        history.add(new AppliedMigration(1, "1", "merge", "SQL", "V1__merge.sql", Instant.EPOCH, "tester", 5,
                "Success", true));
        DowngradePlan plan = plan("base");
        assertThat(versions(plan)).containsExactly("1");
        assertThat(plan.steps().get(0).statements()).isEmpty();
    }

    @Test
    void refusesTargetsOutsideTheHistory() {
        applied("1", true).applied("2", true);
        assertThatThrownBy(() -> plan("-3")).hasMessageContaining("only 2 are applied (1, 2)");
        assertThatThrownBy(() -> plan("5")).hasMessageContaining("above the current version (2)");
        assertThatThrownBy(() -> plan("1.5")).hasMessageContaining("not applied here");
    }

    @Test
    void anEmptyHistoryHasNothingToUndo() {
        assertThat(plan("base").isEmpty()).isTrue();
        assertThatThrownBy(() -> plan("-1")).hasMessageContaining("only 0 are applied");
    }

    @Test
    void failedAndRepeatableRowsAreNotUndone() {
        applied("1", true);
        history.add(new AppliedMigration(2, null, "views", "SQL", "R__views.sql", Instant.EPOCH, "tester", 1,
                "Success", false));
        applied("2", true);
        assertThat(versions(plan("base"))).containsExactly("2", "1");
    }

    @Test
    void anUndoMixingConcurrentAndTransactionalStatementsIsRefused() {
        applied("1", true);
        files.removeIf(file -> file.fileName().startsWith("U1"));
        files.add(script("U1__m1.sql", "DROP INDEX CONCURRENTLY ix;\nDROP TABLE t1;"));
        assertThatThrownBy(() -> plan("-1"))
                .hasMessageContaining("line 1 must run outside a transaction")
                .hasMessageContaining("Nothing was changed");
    }
}
