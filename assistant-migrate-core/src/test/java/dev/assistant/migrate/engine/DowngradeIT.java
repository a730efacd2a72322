package dev.assistant.migrate.engine;

import static dev.assistant.migrate.engine.TestHints.HINTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assistant.migrate.api.AppliedMigration;
import dev.assistant.migrate.api.DowngradeResult;
import dev.assistant.migrate.api.MigrateResult;
import dev.assistant.migrate.api.ProblemsFoundException;
import dev.assistant.migrate.api.ScriptFailedException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DowngradeIT extends EngineTestCase {

    @BeforeEach
    void setUp() {
        fixture.table("1", "one").table("2", "two").table("3", "three");
        fixture.engine().migrate(MigrateTarget.latest(), false);
    }

    @Test
    void minusOneUndoesTheNewestAndForgetsIt() {
        DowngradeResult result = fixture.engine().downgrade(DowngradeTarget.parse("-1", HINTS), false);

        assertThat(fixture.tables()).containsExactly("one", "two");
        assertThat(fixture.historyVersions()).containsExactly("1", "2");
        assertThat(result.undone()).extracting(DowngradeResult.Undone::label).containsExactly("V3 three");
        assertThat(result.current()).get().extracting(AppliedMigration::version).isEqualTo("2");
        assertThat(fixture.log().info()).anyMatch(line -> line.matches("Undid V3 three \\(\\d+ ms, U3__three\\.sql\\)"));
    }

    @Test
    void aVersionTargetUndoesEverythingAboveIt() {
        fixture.engine().downgrade(DowngradeTarget.parse("1", HINTS), false);

        assertThat(fixture.tables()).containsExactly("one");
        assertThat(fixture.historyVersions()).containsExactly("1");
    }

    @Test
    void baseUndoesEverythingAndMigrateReappliesCleanly() {
        fixture.engine().downgrade(DowngradeTarget.parse("base", HINTS), false);
        assertThat(fixture.tables()).isEmpty();
        assertThat(fixture.historyVersions()).isEmpty();

        MigrateResult again = fixture.engine().migrate(MigrateTarget.latest(), false);

        assertThat(again.applied()).hasSize(3);
        assertThat(fixture.tables()).containsExactly("one", "three", "two");
        assertThat(fixture.engine().status().problems()).isEmpty();
    }

    @Test
    void refusesBeforeChangingAnythingWhenAStepHasNoUndo() {
        fixture.delete("U2__two.sql").write("U1__one.sql", "-- forgot to write this\n");

        assertThatThrownBy(() -> fixture.engine().downgrade(DowngradeTarget.parse("base", HINTS), false))
                .hasMessageContaining("V2 (two)")
                .hasMessageContaining("V1 (one)")
                .hasMessageContaining("Nothing was changed");

        assertThat(fixture.tables()).containsExactly("one", "three", "two");
        assertThat(fixture.historyVersions()).containsExactly("1", "2", "3");
    }

    @Test
    void aDryRunShowsThePlanAndSqlAndChangesNothing() {
        DowngradeResult result = fixture.engine().downgrade(DowngradeTarget.parse("-2", HINTS), true);

        assertThat(result.dryRun()).isTrue();
        assertThat(result.plan().steps()).extracting(step -> step.statements().get(0).sql())
                .containsExactly("DROP TABLE three", "DROP TABLE two");
        assertThat(fixture.tables()).containsExactly("one", "three", "two");
        assertThat(fixture.historyVersions()).containsExactly("1", "2", "3");
    }

    @Test
    void aFailingUndoRollsBackItsStepAndKeepsTheStepsBefore() {
        fixture.write("U2__two.sql", """
                DROP TABLE two;
                DROP TABLE no_such_table;
                """);

        assertThatThrownBy(() -> fixture.engine().downgrade(DowngradeTarget.parse("1", HINTS), false))
                .isInstanceOfSatisfying(ScriptFailedException.class, e -> {
                    assertThat(e.script()).endsWith("U2__two.sql");
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.sqlState()).isEqualTo("42P01");
                    assertThat(e.getMessage())
                            .contains("failed and was rolled back; the database stays at version 2")
                            .contains("already undone: V3 three");
                });
        assertThat(fixture.tables()).containsExactly("one", "two");
        assertThat(fixture.historyVersions()).containsExactly("1", "2");
    }

    @Test
    void refusesWhileTheHistoryHasAChangedMigration() {
        fixture.write("V3__three.sql", "CREATE TABLE three (id bigint PRIMARY KEY);");

        assertThatThrownBy(() -> fixture.engine().downgrade(DowngradeTarget.parse("-1", HINTS), false))
                .isInstanceOf(ProblemsFoundException.class)
                .hasMessageContaining("downgrade stopped before changing anything")
                .hasMessageContaining("V3__three.sql: changed after it was applied");
        assertThat(fixture.historyVersions()).containsExactly("1", "2", "3");
    }
}
