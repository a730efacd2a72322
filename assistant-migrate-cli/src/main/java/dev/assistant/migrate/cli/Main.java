package dev.assistant.migrate.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * {@code java -jar assistant-migrate-cli.jar <command>}, or with the migrations jar on the class path,
 * {@code java -cp assistant-migrate-cli.jar:assistant-db-migrations.jar dev.assistant.migrate.cli.Main <command>}.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] arguments) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int exitCode = execute(arguments, new ProcessContext(System.getenv(), Path.of(""),
                Main.class.getClassLoader(), out, err));
        out.flush();
        err.flush();
        System.exit(exitCode);
    }

    /** Runs one command line and returns its exit code ({@link ExitCode}). */
    static int execute(String[] arguments, ProcessContext context) {
        CommandLine commandLine = new CommandLine(new AssistantMigrateCommand(context))
                .setOut(context.out())
                .setErr(context.err())
                .setParameterExceptionHandler(new UsageErrors());
        commandLine.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n")
                .exitCodeList(ExitCode.descriptions());
        commandLine.getSubcommands().values().forEach(sub -> sub.getCommandSpec().usageMessage()
                .descriptionHeading("%n").parameterListHeading("%n").optionListHeading("%nOptions:%n")
                .exitCodeListHeading("%nExit codes:%n").exitCodeList(ExitCode.descriptions()).footer(""));
        return commandLine.execute(arguments);
    }
}
