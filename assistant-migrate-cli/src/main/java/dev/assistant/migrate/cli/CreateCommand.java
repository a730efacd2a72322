package dev.assistant.migrate.cli;

import dev.assistant.migrate.api.AssistantMigrate;
import dev.assistant.migrate.api.CreateRequest;
import dev.assistant.migrate.api.CreateResult;
import dev.assistant.migrate.api.Hints;
import dev.assistant.migrate.api.Workspace;
import dev.assistant.migrate.api.report.TextReports;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code create --message …}: the plugin's {@code create}. */
@Command(name = "create",
        header = "Write a new migration pair, from the entity model if asked.",
        description = {
            "Writes a new migration pair, V<yyyyMMddHHmmss>__<slug>.sql and its undo U<same>__<slug>.sql, into the"
                    + " first directory of the locations.",
            "With " + OptionNames.AUTOGENERATE + " both are filled from the difference between the entity model and"
                    + " the schema the migrations build (on a temporary shadow database); when there is none, nothing"
                    + " is written. On tables that exist, what must run apart to be safe (CREATE INDEX CONCURRENTLY,"
                    + " the validation of constraints added NOT VALID) gets pairs of its own under the same second:"
                    + " <version>.1, <version>.2 ..."})
final class CreateCommand extends DatabaseCommand {

    @Option(names = {"-m", OptionNames.MESSAGE}, required = true, paramLabel = "<message>", description = "What the"
            + " migration does, e.g. \"add user timezone\"; it names the files.")
    private String message;

    @Option(names = OptionNames.AUTOGENERATE, description = "Fill the files from the entity model instead of writing"
            + " commented templates.")
    private boolean autogenerate;

    @Mixin
    private SchemaOptions schema;

    @Override
    protected int run(AssistantMigrate core, Workspace workspace, Output output, ProcessContext context) {
        Path directory = workspace.firstDirectory().orElseThrow(() -> CliFailure.problems("New migrations are written"
                + " to a directory, but the migrations are read from " + workspace.describeLocations() + ". Name the"
                + " directory with " + CliHints.INSTANCE.setting(Hints.Setting.LOCATIONS, "<directory>") + "."));
        CreateResult result = core.create(new CreateRequest(workspace, message, autogenerate, directory,
                autogenerate ? Optional.of(schema.requireModel(context)) : Optional.empty(), schema.shadowUrl(),
                schema.renames(), schema.ignore()));
        TextReports.createWarnings(result).forEach(output.log()::warn);
        output.print(TextReports.create(result, CliHints.INSTANCE));
        return ExitCode.OK;
    }
}
