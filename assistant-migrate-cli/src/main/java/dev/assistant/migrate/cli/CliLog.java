package dev.assistant.migrate.cli;

import dev.assistant.db.config.ConnectionSettings;
import dev.assistant.migrate.api.EngineLog;
import java.io.PrintWriter;

/**
 * Where progress and messages go: standard error, so that standard output holds only what a command produces (a
 * report, a table, one JSON document). Every line passes through the password filter of the settings in use.
 */
final class CliLog implements EngineLog {

    /** How much the log shows. */
    enum Level {
        /** Warnings and errors only. */
        QUIET,
        /** Progress too: what a command is about to do, a line per migration. */
        NORMAL,
        /** Everything, with Flyway's and Hibernate's own logging. */
        VERBOSE
    }

    private final PrintWriter err;
    private final Level level;
    private volatile ConnectionSettings settings;

    CliLog(PrintWriter err, Level level) {
        this.err = err;
        this.level = level;
    }

    /** From now on, hide the password of these settings wherever it appears. */
    void redactWith(ConnectionSettings connection) {
        this.settings = connection;
    }

    String redact(String text) {
        ConnectionSettings current = settings;
        return current == null ? text : current.redact(text);
    }

    @Override
    public void info(String message) {
        if (level != Level.QUIET) {
            print(message);
        }
    }

    @Override
    public void warn(String message) {
        print("warning: " + message);
    }

    @Override
    public void debug(String message) {
        if (level == Level.VERBOSE) {
            print("debug: " + message);
        }
    }

    @Override
    public boolean isDebugEnabled() {
        return level == Level.VERBOSE;
    }

    /** An error, after which the command ends. */
    void error(String message) {
        print("error: " + message);
    }

    private void print(String line) {
        synchronized (err) {
            err.println(redact(line));
            err.flush();
        }
    }
}
