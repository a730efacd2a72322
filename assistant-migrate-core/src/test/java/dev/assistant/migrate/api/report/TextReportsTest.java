package dev.assistant.migrate.api.report;

import static dev.assistant.migrate.engine.TestHints.HINTS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assistant.migrate.api.Problem;
import dev.assistant.migrate.api.ProblemKind;
import dev.assistant.migrate.api.StatusReport;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TextReportsTest {

    @Test
    void anOutOfOrderMigrationIsNotHiddenBehindPendingNone() {
        StatusReport report = new StatusReport("postgresql://u:****@h/db", List.of("/m"), Optional.empty(), List.of(),
                List.of(new Problem(ProblemKind.OUT_OF_ORDER, "V2__two.sql", "V2__two.sql is pending, but …",
                        "Give it a version newer than every applied one.")));

        assertThat(TextReports.status(report, HINTS)).contains(
                "Pending:  1 out of order, which migrate will not apply (see Problems)");
    }
}
