package dev.assistant.migrate.cli;

import dev.assistant.db.config.ConnectionSettings;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A command line that cannot be parsed: one line that says what is wrong, the way to the help, exit 2. Nothing the
 * user typed that may hold a password is repeated: URLs are shown masked, and a value that follows an unknown option
 * ({@code -p secret}) is not shown at all.
 */
final class UsageErrors implements IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException e, String[] arguments) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        String message = e instanceof UnmatchedArgumentException unmatched ? describe(unmatched)
                : e.getMessage().replaceFirst("^Error: ", "");
        err.println("error: " + maskUrls(message, arguments));
        if (e instanceof UnmatchedArgumentException unmatched) {
            List<String> suggestions = unmatched.getSuggestions();
            if (!suggestions.isEmpty()) {
                err.println("Did you mean: " + String.join(", ", suggestions) + "?");
            }
        }
        err.println("Run '" + command.getCommandSpec().qualifiedName() + " --help' for the options.");
        err.flush();
        return ExitCode.USAGE;
    }

    private static String describe(UnmatchedArgumentException e) {
        List<String> shown = new ArrayList<>();
        boolean afterUnknownOption = false;
        for (String argument : e.getUnmatched()) {
            if (argument.length() > 1 && argument.startsWith("-") && !isNumber(argument)) {
                int equals = argument.indexOf('=');
                shown.add(equals < 0 ? argument : argument.substring(0, equals) + "=(not shown)");
                afterUnknownOption = equals < 0;
            } else {
                shown.add(afterUnknownOption ? "(a value, not shown)" : "'" + argument + "'");
                afterUnknownOption = false;
            }
        }
        if (e.isUnknownOption()) {
            return "Unknown option: " + String.join(" ", shown);
        }
        boolean takesCommands = !e.getCommandLine().getSubcommands().isEmpty();
        return (takesCommands ? "Unknown command: " : "Unexpected argument: ") + String.join(" ", shown);
    }

    private static boolean isNumber(String argument) {
        return argument.matches("-\\d+");
    }

    /** Every argument that looks like a database URL, as it may appear in picocli's words, masked. */
    private static String maskUrls(String message, String[] arguments) {
        String masked = message;
        for (String argument : arguments) {
            int equals = argument.startsWith("-") ? argument.indexOf('=') : -1;
            String value = equals < 0 ? argument : argument.substring(equals + 1);
            if (value.contains("://") || value.regionMatches(true, 0, "jdbc:", 0, 5)) {
                masked = masked.replace(value, ConnectionSettings.maskUrl(value));
            }
        }
        return masked;
    }
}
