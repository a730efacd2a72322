package dev.assistant.migrate.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code assistant-migrate}: the commands; alone, it shows them. */
@Command(name = CliHints.COMMAND, mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Applies, shows, creates and undoes The Assistant's PostgreSQL migrations, where Maven is not:"
                + " production hosts, containers, Kubernetes Jobs.",
        subcommands = {ApplyCommand.class, CurrentCommand.class, HistoryCommand.class, DowngradeCommand.class,
            CreateCommand.class, CheckCommand.class, HelpCommand.class},
        footerHeading = "%nConnection:%n",
        footer = {"--url, else DATABASE_URL, else POSTGRES_HOST/PORT/DB/USER/PASSWORD, from the environment, then from"
                + " .env in the working directory; else temporal@postgresql:5432/the_assistant (--local: localhost)."
                + " Passwords are never printed.",
            "%nRun '" + CliHints.COMMAND + " <command> --help' for the options of a command."})
final class AssistantMigrateCommand implements Callable<Integer> {

    private final ProcessContext context;

    @Spec
    private CommandSpec spec;

    AssistantMigrateCommand(ProcessContext context) {
        this.context = context;
    }

    ProcessContext context() {
        return context;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(context.err());
        return ExitCode.USAGE;
    }
}
