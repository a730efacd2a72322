package dev.assistant.migrate.cli;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** How much goes to standard error. Standard output always holds what the command produces, and nothing else. */
final class OutputOptions {

    @ArgGroup(exclusive = true)
    private Verbosity verbosity;

    CliLog.Level level() {
        if (verbosity == null) {
            return CliLog.Level.NORMAL;
        }
        return verbosity.quiet ? CliLog.Level.QUIET : verbosity.verbose ? CliLog.Level.VERBOSE : CliLog.Level.NORMAL;
    }

    /** One of the two, or neither. */
    static final class Verbosity {

        @Option(names = {"-q", OptionNames.QUIET}, description = "Print no progress, only warnings and errors.")
        private boolean quiet;

        @Option(names = {"-v", OptionNames.VERBOSE}, description = "Print everything, with Flyway's and Hibernate's"
                + " own logging, and the stack trace of an internal error.")
        private boolean verbose;
    }
}
