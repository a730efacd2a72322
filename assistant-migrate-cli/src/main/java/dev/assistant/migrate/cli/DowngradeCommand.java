package dev.assistant.migrate.cli;

import dev.assistant.migrate.api.AssistantMigrate;
import dev.assistant.migrate.api.DowngradeRequest;
import dev.assistant.migrate.api.FleetRequest;
import dev.assistant.migrate.api.Workspace;
import dev.assistant.migrate.api.report.TextReports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code downgrade <target>}: the plugin's {@code downgrade}. */
@Command(name = "downgrade",
        header = "Undo migrations: the last N, down to a version, or all.",
        description = {
            "Undoes applied migrations with their undo scripts, newest first, under the migration lock.",
            "Plans first and refuses, before changing anything, when a step has no undo script; each undo and the"
                    + " removal of its history row run in one transaction."})
final class DowngradeCommand extends FleetCommand {

    @Parameters(index = "0", paramLabel = "<target>", description = "-N (undo the last N migrations), a version (undo"
            + " everything above it) or base (undo everything).")
    private String target;

    @Mixin
    private ChangeOptions change;

    @Override
    protected int run(AssistantMigrate core, Workspace workspace, Output output, ProcessContext context) {
        output.print(TextReports.downgrade(core.downgrade(new DowngradeRequest(workspace, target, change.dryRun(),
                change.lockTimeout()))));
        return ExitCode.OK;
    }

    @Override
    protected int runFleet(AssistantMigrate core, Workspace workspace, FleetRequest fleet, Output output,
            ProcessContext context) {
        return finish(output, core.downgrade(fleet, new DowngradeRequest(workspace, target, change.dryRun(),
                change.lockTimeout())));
    }
}
