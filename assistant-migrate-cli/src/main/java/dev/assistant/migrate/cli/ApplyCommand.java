package dev.assistant.migrate.cli;

import dev.assistant.migrate.api.AssistantMigrate;
import dev.assistant.migrate.api.FleetRequest;
import dev.assistant.migrate.api.MigrateRequest;
import dev.assistant.migrate.api.MigrateResult;
import dev.assistant.migrate.api.PsqlCommand;
import dev.assistant.migrate.api.Workspace;
import dev.assistant.migrate.api.report.TextReports;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
                    + " to standard error, the outcome to standard output.",
            "With " + OptionNames.SQL + " it applies nothing and writes the psql script of the run instead, for a DBA"
                    + " to review and run."})
final class ApplyCommand extends FleetCommand {

    /** Where {@link #sql} names standard output. */
    private static final String STANDARD_OUTPUT = "-";

    @Option(names = OptionNames.TARGET, paramLabel = "<version>", defaultValue = MigrateRequest.LATEST,
            description = "The version to stop at (3, 1.2, 20261124153000), or latest (the default).")
    private String target;

    @Option(names = OptionNames.SQL, paramLabel = "<file>", description = "Apply nothing; write the psql script of"
            + " the run to this file (missing directories are created), or with - to standard output: each pending"
            + " migration in its transaction with its history row, under the migration lock; its header says for which"
            + " database and version it was written and how to run it.")
    private String sql;

    @Mixin
    private ChangeOptions change;

    @Override
    protected int run(AssistantMigrate core, Workspace workspace, Output output, ProcessContext context) {
        boolean script = sql != null;
        MigrateResult result = core.migrate(new MigrateRequest(workspace, target, change.dryRun(),
                change.lockTimeout(), script));
        if (!script) {
            output.print(TextReports.migrate(result));
        } else if (sql.equals(STANDARD_OUTPUT)) {
            output.print(result.script().orElseThrow().stripTrailing());
            TextReports.scriptWritten(result, workspace.connection(), "standard output", PsqlCommand.FILE_SLOT)
                    .forEach(output.log()::info);
        } else {
            Path file = context.resolve(Path.of(sql));
            write(file, result.script().orElseThrow());
            output.print(TextReports.scriptWritten(result, workspace.connection(), file.toString(),
                    file.toString()));
        }
        return ExitCode.OK;
    }

    @Override
    protected int runFleet(AssistantMigrate core, Workspace workspace, FleetRequest fleet, Output output,
            ProcessContext context) {
        if (sql != null) {
            throw CliFailure.usage(OptionNames.SQL + " writes the script of one database; it cannot be combined with"
                    + " a fleet. Write it for each database with " + OptionNames.URL + " instead.");
        }
        return finish(output, core.migrate(fleet, new MigrateRequest(workspace, target, change.dryRun(),
                change.lockTimeout())));
    }

    private static void write(Path file, String text) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw CliFailure.couldNotRun("Cannot write the migration script to " + file + " (" + OptionNames.SQL
                    + "): " + e + ". Nothing was applied.");
        }
    }
}
