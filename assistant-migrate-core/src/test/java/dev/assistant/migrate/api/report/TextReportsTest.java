package dev.assistant.migrate.api.report;

import static dev.assistant.migrate.engine.TestHints.HINTS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assistant.db.config.ConnectionSettings;
import dev.assistant.db.config.ConnectionSettingsResolver;
import dev.assistant.migrate.api.MigrateResult;
import dev.assistant.migrate.api.PendingMigration;
import dev.assistant.migrate.api.Problem;
import dev.assistant.migrate.api.ProblemKind;
import dev.assistant.migrate.api.StatusReport;
import java.util.List;
import java.util.Map;
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

    @Test
    void aWrittenScriptSaysWhereItWentWhatItAppliesAndThePsqlCommandThatRunsIt() {
        ConnectionSettings connection = ConnectionSettingsResolver.create()
                .url("postgresql://app:s3cret@db.example/the_assistant").environment(Map.of()).resolve();
        MigrateResult result = new MigrateResult(connection.maskedUrl(), List.of(), List.of(
                new PendingMigration("2", "add index", "V2__add_index.sql", "/m", false, true)), Optional.empty(),
                true, Optional.empty(), Optional.of("-- script\n"));

        assertThat(TextReports.scriptWritten(result, connection, "out/m.sql", "out/m.sql")).containsExactly(
                "Wrote the migration script of 1 migration for postgresql://app:****@db.example:5432/the_assistant to"
                        + " out/m.sql; nothing was applied:",
                "  Version  Description  Undo        Script",
                "  -------  -----------  ----------  -----------------",
                "  2        add index    reversible  V2__add_index.sql",
                "Review it, then run it as app (its header says how it runs, with and without psql -1):",
                "  psql -X -v ON_ERROR_STOP=1 -h db.example -p 5432 -U app -d the_assistant -f out/m.sql");
        MigrateResult upToDate = new MigrateResult(connection.maskedUrl(), List.of(), List.of(), Optional.empty(),
                true, Optional.empty(), Optional.of("-- script\n"));
        assertThat(TextReports.scriptWritten(upToDate, connection, "standard output", "<file>")).containsExactly(
                "Nothing to apply: postgresql://app:****@db.example:5432/the_assistant is up to date; the script"
                        + " written to standard output changes nothing.");
    }
}
