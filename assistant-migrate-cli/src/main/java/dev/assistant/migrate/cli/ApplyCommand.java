package dev.assistant.migrate.cli;

import dev.assistant.migrate.api.AssistantMigrate;
import dev.assistant.migrate.api.FleetRequest;
import dev.assistant.migrate.api.MigrateRequest;
import dev.assistant.migrate.api.Workspace;
import dev.assistant.migrate.api.report.TextReports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code apply} (alias {@code migrate}): the plugin's {@code migrate}. */
@Command(name = "apply", aliases = "migrate",
        header = "Apply the pending migrations.",
        description = {
            "Applies the pending migrations in order, each in its own transaction, up to " + OptionNames.TARGET
                    + ", under the migration lock: several runs at once apply each migration exactly once.",
            "Refuses before changing anything when a script or the history has a problem. A line per migration goes"
                    + " to standard error, the outcome to standard output."})
final class ApplyCommand extends FleetCommand {

    @Option(names = OptionNames.TARGET, paramLabel = "<version>", defaultValue = MigrateRequest.LATEST,
            description = "The version to stop at (3, 1.2, 20261124153000), or latest (the default).")
    private String target;

    @Mixin
    private ChangeOptions change;

    @Override
    protected int run(AssistantMigrate core, Workspace workspace, Output output, ProcessContext context) {
        output.print(TextReports.migrate(core.migrate(new MigrateRequest(workspace, target, change.dryRun(),
                change.lockTimeout()))));
        return ExitCode.OK;
    }

    @Override
    protected int runFleet(AssistantMigrate core, Workspace workspace, FleetRequest fleet, Output output,
            ProcessContext context) {
        return finish(output, core.migrate(fleet, new MigrateRequest(workspace, target, change.dryRun(),
                change.lockTimeout())));
    }
}
