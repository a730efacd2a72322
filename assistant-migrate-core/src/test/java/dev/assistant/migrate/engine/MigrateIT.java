package dev.assistant.migrate.engine;

import static dev.assistant.migrate.engine.TestHints.HINTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.assistant.migrate.api.AppliedMigration;
import dev.assistant.migrate.api.MigrateResult;
import dev.assistant.migrate.api.PendingMigration;
import dev.assistant.migrate.api.ProblemsFoundException;
import dev.assistant.migrate.api.ScriptFailedException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MigrateIT extends EngineTestCase {

    @Test
    void appliesPendingMigrationsInVersionOrderWithALineEach() {
        fixture.table("10", "ten").table("2", "two").table("1", "one");

        MigrateResult result = fixture.engine().migrate(MigrateTarget.latest(), false);

        assertThat(fixture.historyVersions()).containsExactly("1", "2", "10");
        assertThat(fixture.tables()).containsExactly("one", "ten", "two");
        assertThat(result.applied()).extracting(MigrateResult.Applied::label)
                .containsExactly("V1 one", "V2 two", "V10 ten");
        assertThat(fixture.log().info()).filteredOn(line -> line.startsWith("Applied "))
                .hasSize(3)
                .allMatch(line -> line.matches("Applied V\\d+ \\w+ \\(\\d+ ms, V\\d+__\\w+\\.sql\\)"));
        assertThat(result.current()).get().extracting(AppliedMigration::version).isEqualTo("10");
    }

    @Test
    void copyFromStdinSendsTheRowsThatFollowItAsFlywayDoes() {
        fixture.table("1", "one").write("V2__names.sql", "CREATE TABLE names (id int, name text);\n"
                + "COPY names (id, name) FROM stdin;\n1\tone\n2\ttwo; and more\n\\.\n"
                + "INSERT INTO names VALUES (3, 'three');\n").write("U2__names.sql", "DROP TABLE names;\n");

        fixture.engine().migrate(MigrateTarget.latest(), false);

        assertThat(fixture.historyVersions()).containsExactly("1", "2");
        assertThat(fixture.strings("SELECT id || ':' || name FROM names ORDER BY id"))
                .containsExactly("1:one", "2:two; and more", "3:three");
    }

    @Test
    void aSecondRunHasNothingToDo() {
        fixture.table("1", "one");
        fixture.engine().migrate(MigrateTarget.latest(), false);

        MigrateResult again = fixture.engine().migrate(MigrateTarget.latest(), false);

        assertThat(again.applied()).isEmpty();
        assertThat(fixture.historyVersions()).containsExactly("1");
    }

    @Test
    void stopsAtTheTarget() {
        fixture.table("1", "one").table("2", "two").table("3", "three");

        fixture.engine().migrate(MigrateTarget.parse("2"), false);

        assertThat(fixture.historyVersions()).containsExactly("1", "2");
        assertThatThrownBy(() -> fixture.engine().migrate(MigrateTarget.parse("1"), false))
                .hasMessageContaining("below the current version 2")
                .hasMessageContaining("downgrade");
        assertThatThrownBy(() -> fixture.engine().migrate(MigrateTarget.parse("7"), false))
                .hasMessageContaining("No migration has version 7")
                .hasMessageContaining("1, 2, 3");
    }

    @Test
    void aDryRunListsAndChangesNothing() {
        fixture.table("1", "one").table("2", "two");

        MigrateResult result = fixture.engine().migrate(MigrateTarget.latest(), true);

        assertThat(result.planned()).extracting(PendingMigration::version).containsExactly("1", "2");
        assertThat(fixture.tables()).isEmpty();
        assertThat(fixture.historyVersions()).isEmpty();
    }

    @Test
    void aChangedChecksumStopsMigrateNamingTheFile() {
        fixture.table("1", "one");
        fixture.engine().migrate(MigrateTarget.latest(), false);
        fixture.write("V1__one.sql", "CREATE TABLE one (id bigint PRIMARY KEY);\n").table("2", "two");

        assertThatThrownBy(() -> fixture.engine().migrate(MigrateTarget.latest(), false))
                .isInstanceOf(ProblemsFoundException.class)
                .hasMessageContaining("migrate stopped before changing anything")
                .hasMessageContaining("V1__one.sql: changed after it was applied")
                .hasMessageContaining("git log -p -- V1__one.sql");
        assertThat(fixture.tables()).containsExactly("one");
    }

    @Test
    void aFailingMigrationIsRolledBackAndLocatedExactly() {
        fixture.table("1", "one")
                .write("V2__broken.sql", """
                        -- three statements; the third fails
                        CREATE TABLE two (id integer PRIMARY KEY);
                        INSERT INTO two VALUES (1);

                        INSERT INTO missing_table
                        VALUES (1);
                        """)
                .write("U2__broken.sql", "DROP TABLE two;");

        assertThatThrownBy(() -> fixture.engine().migrate(MigrateTarget.latest(), false))
                .isInstanceOfSatisfying(ScriptFailedException.class, e -> {
                    assertThat(e.script()).endsWith("V2__broken.sql");
                    assertThat(e.line()).isEqualTo(5);
                    assertThat(e.statement()).contains("INSERT INTO missing_table");
                    assertThat(e.sqlState()).isEqualTo("42P01");
                    assertThat(e.serverMessage()).contains("relation \"missing_table\" does not exist");
                    assertThat(e.getMessage())
                            .contains("failed and was rolled back; the database is at version 1 (one)")
                            .contains("V2__broken.sql:5");
                });
        assertThat(fixture.tables()).containsExactly("one");
        assertThat(fixture.historyVersions()).containsExactly("1");
    }

    @Test
    void createIndexConcurrentlyRunsWithoutHanging() {
        fixture.table("1", "one")
                .write("V2__index.sql", "CREATE INDEX CONCURRENTLY ix_one_id ON one (id);\n")
                .write("U2__index.sql", "DROP INDEX CONCURRENTLY ix_one_id;\n");

        assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> fixture.engine().migrate(MigrateTarget.latest(), false),
                "CREATE INDEX CONCURRENTLY must not wait for the migration's own lock");

        assertThat(fixture.strings("SELECT indexname FROM pg_indexes WHERE tablename = 'one' ORDER BY 1"))
                .contains("ix_one_id");
        assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> fixture.engine().downgrade(DowngradeTarget.parse("-1", HINTS), false));
        assertThat(fixture.strings("SELECT indexname FROM pg_indexes WHERE tablename = 'one'"))
                .doesNotContain("ix_one_id");
    }

    @Test
    void refusesBrokenFilesBeforeTouchingTheDatabase() {
        fixture.table("1", "one").write("V2__empty.sql", "  \n\n").write("U2__empty.sql", "SELECT 1;");

        assertThatThrownBy(() -> fixture.engine().migrate(MigrateTarget.latest(), false))
                .isInstanceOf(ProblemsFoundException.class)
                .hasMessageContaining("V2__empty.sql: holds no SQL statement");
        assertThat(fixture.historyVersions()).isEmpty();
    }

    @Test
    void aCommentOnlyMigrationIsAppliedAsAVersionThatChangesNothing() {
        fixture.table("1", "one").write("V2__merge.sql", "-- merges two branches\n")
                .write("U2__merge.sql", "-- nothing to undo\n");

        fixture.engine().migrate(MigrateTarget.latest(), false);

        assertThat(fixture.historyVersions()).containsExactly("1", "2");
        assertThat(fixture.tables()).containsExactly("one");
    }

    @Test
    void irreversibleMigrationsAreNamedOnceBeforeTheyAreApplied() {
        fixture.table("1", "one")
                .write("V2__two.sql", "CREATE TABLE two (id int);\n")
                .write("V3__three.sql", "CREATE TABLE three (id int);\n");

        fixture.engine().migrate(MigrateTarget.latest(), false);

        assertThat(fixture.log().lines()).filteredOn(line -> line.startsWith("WARN ")).containsExactly(
                "WARN V2__two.sql and V3__three.sql have no undo script: once they are applied, downgrade cannot go"
                        + " below version 3.");
    }

    @Test
    void anOutOfOrderMigrationFromAParallelBranchStopsMigrateWithARename() {
        fixture.table("1", "one").table("3", "three");
        fixture.engine().migrate(MigrateTarget.latest(), false);
        fixture.table("2", "two");

        assertThatThrownBy(() -> fixture.engine().migrate(MigrateTarget.latest(), false))
                .isInstanceOf(ProblemsFoundException.class)
                .hasMessageContaining("V2__two.sql: pending, but older than the newest applied migration")
                .hasMessageMatching("(?s).*git mv V2__two\\.sql V\\d{14}__two\\.sql.*git mv U2__two\\.sql U\\d{14}.*");
        assertThat(fixture.tables()).containsExactly("one", "three");
    }
}
