package dev.assistant.migrate.cli;

import dev.assistant.migrate.api.AssistantMigrate;
import dev.assistant.migrate.api.HistoryReport;
import dev.assistant.migrate.api.HistoryRequest;
import dev.assistant.migrate.api.Workspace;
import dev.assistant.migrate.api.report.JsonReports;
import dev.assistant.migrate.api.report.TextReports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code history}: the plugin's {@code history}. Reads only. */
@Command(name = "history",
        header = "Show the applied and pending migrations as a table.",
        description = "Shows the applied migrations as a table (version, description, type, installed on, by, time,"
                + " state, undo available), then the pending ones.")
final class HistoryCommand extends DatabaseCommand {

    @Mixin
    private FormatOption format;

    @Override
    protected int run(AssistantMigrate core, Workspace workspace, Output output, ProcessContext context) {
        HistoryReport report = core.history(new HistoryRequest(workspace));
        if (format.json()) {
            output.print(JsonReports.history(report));
        } else {
            output.print(TextReports.history(report));
        }
        return ExitCode.OK;
    }
}
