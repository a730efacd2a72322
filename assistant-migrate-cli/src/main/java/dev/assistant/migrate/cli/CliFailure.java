package dev.assistant.migrate.cli;

/** A failure of the tool's own, already explained in its message, with the exit code it ends the process with. */
final class CliFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    private CliFailure(String message, int exitCode) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    /** Something named on the command line cannot be used as given. */
    static CliFailure usage(String message) {
        return new CliFailure(message, ExitCode.USAGE);
    }

    /** The project or the settings need a fix. */
    static CliFailure problems(String message) {
        return new CliFailure(message, ExitCode.PROBLEMS);
    }

    /** The environment failed: a file could not be read. */
    static CliFailure couldNotRun(String message) {
        return new CliFailure(message, ExitCode.COULD_NOT_RUN);
    }

    int exitCode() {
        return exitCode;
    }
}
