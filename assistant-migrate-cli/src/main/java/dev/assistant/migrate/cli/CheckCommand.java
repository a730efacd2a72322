package dev.assistant.migrate.cli;

import dev.assistant.migrate.api.AssistantMigrate;
import dev.assistant.migrate.api.CheckReport;
import dev.assistant.migrate.api.CheckRequest;
import dev.assistant.migrate.api.LintMode;
import dev.assistant.migrate.api.Workspace;
import dev.assistant.migrate.api.report.JsonReports;
import dev.assistant.migrate.api.report.TextReports;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

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
final class CheckCommand extends DatabaseCommand {

    @Mixin
    private SchemaOptions schema;

    @Mixin
    private FormatOption format;

    @Option(names = OptionNames.LINT, paramLabel = "<mode>", defaultValue = "error", converter = LintParser.class,
            description = "The lock and rewrite lint of the replay (docs/lint.md): error (the default) fails on the"
                    + " rules that are errors and prints the warnings, warn prints every finding without failing, off"
                    + " observes nothing.")
    private LintMode lint;

    @Override
    protected int run(AssistantMigrate core, Workspace workspace, Output output, ProcessContext context) {
        CheckReport report = core.check(new CheckRequest(workspace, schema.findModel(context), schema.shadowUrl(),
                schema.renames(), schema.ignore(), lint));
        if (format.json()) {
            output.print(JsonReports.check(report));
            return report.passed() ? ExitCode.OK : ExitCode.PROBLEMS;
        }
        output.print(TextReports.lintNotes(report));
        if (!report.passed()) {
            output.print(TextReports.checkFailure(report));
            return ExitCode.PROBLEMS;
        }
        output.print(TextReports.checkPassed(report));
        return ExitCode.OK;
    }

    /** {@code error}, {@code warn} or {@code off}, in any case; anything else is a usage error. */
    static final class LintParser implements ITypeConverter<LintMode> {

        @Override
        public LintMode convert(String value) {
            try {
                return LintMode.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "' is not a lint mode: use error (the default), warn"
                        + " or off.");
            }
        }
    }
}
