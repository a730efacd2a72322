package dev.assistant.migrate.cli;

import dev.assistant.migrate.api.AssistantMigrate;
import dev.assistant.migrate.api.BaselineRequest;
import dev.assistant.migrate.api.BaselineResult;
import dev.assistant.migrate.api.Hints;
import dev.assistant.migrate.api.Workspace;
import dev.assistant.migrate.api.report.TextReports;
import java.nio.file.Path;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code baseline --message …} or {@code baseline --baseline-version …}: the plugin's {@code baseline}. */
@Command(name = "baseline",
        header = "Adopt a database whose schema was built without these migrations.",
        description = {
            "With " + OptionNames.MESSAGE + ": reads the live schema, writes V<yyyyMMddHHmmss>__<slug>.sql that builds"
                    + " it from nothing and its undo into the first directory of the locations, and records that"
                    + " version as Flyway's baseline on the database, where the script does not run.",
            "With " + OptionNames.BASELINE_VERSION + ": records an existing migration as the baseline, writing nothing.",
            "Refuses on a database that already has a history; runs under the migration lock."})
final class BaselineCommand extends DatabaseCommand {

    @ArgGroup(exclusive = true, multiplicity = "1")
    private What what;

    @Mixin
    private LockOptions lock;

    /** One of the two ways to adopt. */
    static final class What {

        @Option(names = {"-m", OptionNames.MESSAGE}, required = true, paramLabel = "<message>", description = "What"
                + " the baseline migration is called, e.g. \"adopt existing schema\"; it names the files.")
        String message;

        @Option(names = OptionNames.BASELINE_VERSION, required = true, paramLabel = "<version>", description = "An"
                + " existing migration the live schema matches: it is recorded, nothing is written.")
        String version;
    }

    @Override
    protected int run(AssistantMigrate core, Workspace workspace, Output output, ProcessContext context) {
        Path directory = null;
        if (what.message != null) {
            directory = workspace.firstDirectory().orElseThrow(() -> CliFailure.problems("The baseline migration is"
                    + " written to a directory, but the migrations are read from " + workspace.describeLocations()
                    + ". Name the directory with " + CliHints.INSTANCE.setting(Hints.Setting.LOCATIONS, "<directory>")
                    + "."));
        }
        BaselineResult result = core.baseline(new BaselineRequest(workspace, what.message, what.version, directory,
                lock.lockTimeout()));
        TextReports.baselineWarnings(result).forEach(output.log()::warn);
        output.print(TextReports.baseline(result, CliHints.INSTANCE));
        return ExitCode.OK;
    }
}
