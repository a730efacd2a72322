package dev.assistant.migrate.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How a lint finding reads, and what fails check. */
class LintFindingTest {

    private final LintFinding rewrite = new LintFinding(LintRule.TABLE_REWRITE, ProblemKind.Severity.ERROR,
            "V3__age.sql", 4, "ALTER TABLE users ALTER COLUMN age TYPE bigint", "users",
            "PostgreSQL rewrote users (a new data file) under ACCESS EXCLUSIVE", Optional.empty(), Optional.empty());

    @Test
    void anErrorNamesWhereWhatPostgresqlDidTheSizeAndWhatToDoInstead() {
        assertThat(rewrite.withSize("≈1.2 M rows, 350 MB in prod").describe()).isEqualTo("V3__age.sql:4"
                + " [table-rewrite] ALTER TABLE users ALTER COLUMN age TYPE bigint: PostgreSQL rewrote users (a new"
                + " data file) under ACCESS EXCLUSIVE (≈1.2 M rows, 350 MB in prod). Instead: "
                + LintRule.TABLE_REWRITE.safePattern());
        assertThat(rewrite.fails()).isTrue();
    }

    @Test
    void anAcceptedFindingCarriesItsReasonAndFailsNothing() {
        LintFinding accepted = rewrite.allowedBecause("users holds 300 rows");
        assertThat(accepted.describe()).endsWith("under ACCESS EXCLUSIVE. Accepted: users holds 300 rows");
        assertThat(accepted.fails()).isFalse();
        CheckReport report = new CheckReport("db", Optional.of("3"), List.of(), List.of(), List.of(),
                List.of(accepted));
        assertThat(report.passed()).isTrue();
        assertThat(new CheckReport("db", Optional.of("3"), List.of(), List.of(), List.of(), List.of(rewrite))
                .findings()).containsExactly(rewrite.describe());
    }
}
