package dev.assistant.migrate.cli;

import dev.assistant.migrate.api.AssistantMigrate;
import dev.assistant.migrate.api.CheckReport;
import dev.assistant.migrate.api.CheckRequest;
import dev.assistant.migrate.api.FleetRequest;
import dev.assistant.migrate.api.FleetResult;
import dev.assistant.migrate.api.Workspace;
import dev.assistant.migrate.api.report.JsonReports;
import dev.assistant.migrate.api.report.TextReports;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code check}: the plugin's {@code check}, for CI. Exits 1 with its findings on standard output. */
@Command(name = "check",
        header = "For CI: fail on pending, broken or irreversible migrations, or drift.",
        description = {
            "For CI: fails (exit 1) on pending migrations, any problem current reports, a migration without undo, a"
                    + " chain that does not replay from an empty database (every undo must restore the schema as it"
                    + " was before its migration), or drift between the entity model and the migrations.",
            "It also reports what the migrations would do to production's tables: locks that block it, rewrites,"
                    + " validations under lock, indexes built without CONCURRENTLY (--lint, docs/lint.md).",
            "Prints every finding on standard output. Without compiled entity classes, drift is not checked."})
final class CheckCommand extends FleetCommand {

    @Mixin
    private SchemaOptions schema;

    @Mixin
    private FormatOption format;

    @Mixin
    private LintOption lint;

    @Override
    protected int run(AssistantMigrate core, Workspace workspace, Output output, ProcessContext context) {
        CheckReport report = core.check(new CheckRequest(workspace, schema.findModel(context), schema.shadowUrl(),
                schema.renames(), schema.ignore(), lint.mode()));
        if (format.json()) {
            output.print(JsonReports.check(report));
            return report.passed() ? ExitCode.OK : ExitCode.PROBLEMS;
        }
        TextReports.lintWarnings(report).forEach(output.log()::warn);
        TextReports.lintAccepted(report).forEach(output.log()::info);
        if (!report.passed()) {
            output.print(TextReports.checkFailure(report));
            return ExitCode.PROBLEMS;
        }
        output.print(TextReports.checkPassed(report));
        return ExitCode.OK;
    }

    @Override
    protected int runFleet(AssistantMigrate core, Workspace workspace, FleetRequest fleet, Output output,
            ProcessContext context) {
        FleetResult<CheckReport> result = core.check(fleet, new CheckRequest(workspace, schema.findModel(context),
                schema.shadowUrl(), schema.renames(), schema.ignore()));
        result.failed().forEach(member -> member.report()
                .ifPresent(report -> output.print(TextReports.checkFailure(report))));
        return finish(output, result);
    }
}
