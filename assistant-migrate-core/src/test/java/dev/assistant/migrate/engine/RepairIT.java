package dev.assistant.migrate.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assistant.migrate.api.Problem;
import dev.assistant.migrate.api.ProblemKind;
import dev.assistant.migrate.api.RepairRequest;
import dev.assistant.migrate.api.RepairRequest.Fix;
import dev.assistant.migrate.api.RepairResult;
import dev.assistant.migrate.api.RepairResult.Change;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Repair changes only what it is told to, says before and after for each row, and without a flag changes nothing. */
class RepairIT extends EngineTestCase {

    @Test
    void aFailedConcurrentIndexRowIsShownThenRemovedOnlyWhenNamed() {
        fixture.failingConcurrentIndex();
        assertThatThrownBy(() -> fixture.engine().migrate(MigrateTarget.latest(), false));
        assertThat(fixture.historyVersions()).containsExactly("1", "2!");

        RepairResult dryRun = fixture.engine().repair(Set.of());

        assertThat(dryRun.changes()).singleElement().satisfies(change -> {
            assertThat(change.fix()).isEqualTo(Fix.FAILED);
            assertThat(change.subject()).isEqualTo("V2 (index)");
            assertThat(change.before()).startsWith("failed row of V2__index.sql, recorded ");
            assertThat(change.after()).isEqualTo("removed");
            assertThat(change.applied()).isFalse();
        });
        assertThat(dryRun.notes()).singleElement().asString()
                .contains("invalid index \"public\".\"ix_one_code\" on one")
                .contains("DROP INDEX CONCURRENTLY IF EXISTS \"public\".\"ix_one_code\";");
        assertThat(fixture.historyVersions()).as("nothing changed without a flag").containsExactly("1", "2!");

        RepairResult checksumsOnly = fixture.engine().repair(Set.of(Fix.CHECKSUMS));
        assertThat(checksumsOnly.applied()).isEmpty();
        assertThat(fixture.historyVersions()).containsExactly("1", "2!");

        RepairResult repaired = fixture.engine().repair(Set.of(Fix.FAILED));
        assertThat(repaired.applied()).extracting(Change::subject).containsExactly("V2 (index)");
        assertThat(fixture.historyVersions()).containsExactly("1");

        fixture.execute("DROP INDEX CONCURRENTLY IF EXISTS ix_one_code");
        fixture.execute("UPDATE one SET code = 8 WHERE id = 2");
        fixture.engine().migrate(MigrateTarget.latest(), false);
        assertThat(fixture.historyVersions()).containsExactly("1", "2");
        assertThat(fixture.engine().status().problems()).isEmpty();
    }

    @Test
    void aReviewedEditAndARenameAreRealignedEachByItsOwnFlag() {
        fixture.table("1", "one").table("2", "two");
        fixture.engine().migrate(MigrateTarget.latest(), false);
        fixture.write("V1__one.sql", "-- reviewed: comment only\nCREATE TABLE one (id integer PRIMARY KEY);\n")
                .delete("V2__two.sql").delete("U2__two.sql")
                .write("V2__second_table.sql", "CREATE TABLE two (id integer PRIMARY KEY);\n")
                .write("U2__second_table.sql", "DROP TABLE two;\n");
        assertThat(fixture.engine().status().problems()).extracting(Problem::kind)
                .containsExactlyInAnyOrder(ProblemKind.CHECKSUM_MISMATCH, ProblemKind.DESCRIPTION_CHANGED);
        String oldChecksum = fixture.strings("SELECT checksum FROM flyway_schema_history WHERE version = '1'").get(0);

        RepairResult checksums = fixture.engine().repair(Set.of(Fix.CHECKSUMS));

        assertThat(checksums.applied()).singleElement().satisfies(change -> {
            assertThat(change.subject()).isEqualTo("V1 (one)");
            assertThat(change.before()).isEqualTo("checksum " + oldChecksum);
            assertThat(change.after()).startsWith("checksum ").endsWith(" (of V1__one.sql as it is now)");
        });
        assertThat(checksums.left()).extracting(Change::fix).containsExactly(Fix.DESCRIPTIONS);
        assertThat(fixture.engine().status().problems()).extracting(Problem::kind)
                .containsExactly(ProblemKind.DESCRIPTION_CHANGED);

        RepairResult descriptions = fixture.engine().repair(Set.of(Fix.DESCRIPTIONS));

        assertThat(descriptions.applied()).singleElement().satisfies(change -> {
            assertThat(change.before()).isEqualTo("description 'two', script V2__two.sql");
            assertThat(change.after()).isEqualTo("description 'second table', script V2__second_table.sql");
        });
        assertThat(fixture.engine().status().problems()).isEmpty();
        assertThat(fixture.engine().repair(Set.of()).changes()).isEmpty();
    }

    @Test
    void onlyTheKnownFixesAreAccepted() {
        assertThat(RepairRequest.parse(" Failed, checksums ,", TestHints.HINTS))
                .containsExactlyInAnyOrder(Fix.FAILED, Fix.CHECKSUMS);
        assertThat(RepairRequest.parse("", TestHints.HINTS)).isEmpty();
        assertThatThrownBy(() -> RepairRequest.parse("failed,all", TestHints.HINTS))
                .hasMessage("'all' is not something repair changes; name one or more of failed, checksums,"
                        + " descriptions, e.g. {repair failed}.");
    }
}
