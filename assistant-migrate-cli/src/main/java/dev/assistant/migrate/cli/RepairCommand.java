package dev.assistant.migrate.cli;

import dev.assistant.migrate.api.AssistantMigrate;
import dev.assistant.migrate.api.RepairRequest;
import dev.assistant.migrate.api.Workspace;
import dev.assistant.migrate.api.report.TextReports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code repair [failed,checksums,descriptions]}: the plugin's {@code repair}. */
@Command(name = "repair",
        header = "Remove failed history rows, realign checksums and descriptions: only what is named.",
        description = {
            "Finds the history rows that need a fix: rows of failed migrations (which ran outside a transaction),"
                    + " checksums and descriptions that no longer match their files.",
            "Changes only the kinds named, in one transaction under the migration lock, and prints every row before"
                    + " and after. Without a kind it prints what it would change and changes nothing."})
final class RepairCommand extends DatabaseCommand {

    @Parameters(index = "0", arity = "0..1", paramLabel = "<fixes>", description = "What to change,"
            + " comma-separated: failed (remove failed rows), checksums (record the files' checksums, after a"
            + " deliberate, reviewed edit), descriptions (record renamed files). None: change nothing.")
    private String fixes;

    @Mixin
    private LockOptions lock;

    @Override
    protected int run(AssistantMigrate core, Workspace workspace, Output output, ProcessContext context) {
        output.print(TextReports.repair(core.repair(new RepairRequest(workspace,
                RepairRequest.parse(fixes, CliHints.INSTANCE), lock.lockTimeout())), CliHints.INSTANCE));
        return ExitCode.OK;
    }
}
