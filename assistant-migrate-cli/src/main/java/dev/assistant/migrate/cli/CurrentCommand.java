package dev.assistant.migrate.cli;

import dev.assistant.migrate.api.AssistantMigrate;
import dev.assistant.migrate.api.FleetRequest;
import dev.assistant.migrate.api.FleetResult;
import dev.assistant.migrate.api.StatusReport;
import dev.assistant.migrate.api.StatusRequest;
import dev.assistant.migrate.api.Workspace;
import dev.assistant.migrate.api.report.JsonReports;
import dev.assistant.migrate.api.report.TextReports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code current} (alias {@code status}): the plugin's {@code status}. Reads only, and exits 0 whatever it finds. */
@Command(name = "current", aliases = "status",
        header = "Show the current version, pending migrations and problems.",
        description = {
            "Shows the database (password masked), the current version, the pending migrations (each reversible or"
                    + " not) and every problem with what to do about it.",
            "Pending migrations are replayed on a temporary database to mark what they would do to existing tables"
                    + " (--lint, docs/lint.md).",
            "Changes nothing and exits 0 whatever it finds; check is the command that fails."})
final class CurrentCommand extends FleetCommand {

    @Mixin
    private FormatOption format;

    @Mixin
    private LintOption lint;

    @Override
    protected int run(AssistantMigrate core, Workspace workspace, Output output, ProcessContext context) {
        StatusReport report = core.status(new StatusRequest(workspace, lint.mode()));
        if (format.json()) {
            output.print(JsonReports.status(report));
        } else {
            output.print(TextReports.status(report, CliHints.INSTANCE));
        }
        return ExitCode.OK;
    }

    @Override
    protected int runFleet(AssistantMigrate core, Workspace workspace, FleetRequest fleet, Output output,
            ProcessContext context) {
        FleetResult<StatusReport> result = core.status(fleet, new StatusRequest(workspace));
        if (format.json()) {
            output.print(JsonReports.status(result));
            return exitCode(result);
        }
        return finish(output, result);
    }
}
