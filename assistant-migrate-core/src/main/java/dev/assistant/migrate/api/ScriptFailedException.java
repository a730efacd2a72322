package dev.assistant.migrate.api;

/** A statement of a migration or undo script failed on the server. The message locates it and quotes the server. */
public final class ScriptFailedException extends MigrationEngineException {

    private final String script;
    private final int line;
    private final String statement;
    private final String sqlState;
    private final String serverMessage;

    /**
     * @param headline what failed and what state the database is in, e.g. "Migration V3__x.sql failed and was rolled
     *     back; the database stays at version 2."
     * @param fix what to do next
     */
    public ScriptFailedException(String headline, String script, int line, String statement, String sqlState,
            String serverMessage, String fix, Throwable cause) {
        super(format(headline, script, line, statement, sqlState, serverMessage, fix), true, cause);
        this.script = script;
        this.line = line;
        this.statement = statement;
        this.sqlState = sqlState;
        this.serverMessage = serverMessage;
    }

    private static String format(String headline, String script, int line, String statement, String sqlState,
            String serverMessage, String fix) {
        return headline
                + "\n  File:      " + script + (line > 0 ? ":" + line : "")
                + "\n  Statement: " + abbreviate(statement)
                + "\n  SQL state: " + (sqlState == null ? "unknown" : sqlState)
                + "\n  Server:    " + serverMessage
                + "\n" + fix;
    }

    /** The statement as it appears in a message: its first lines, without leading comments. */
    public static String abbreviate(String statement) {
        if (statement == null) {
            return "(unknown)";
        }
        String[] lines = statement.strip().split("\n");
        StringBuilder shown = new StringBuilder();
        int kept = 0;
        for (String line : lines) {
            String trimmed = line.strip();
            if (kept == 0 && (trimmed.isEmpty() || trimmed.startsWith("--"))) {
                continue;
            }
            if (kept == 5) {
                shown.append("\n             ...");
                break;
            }
            shown.append(kept == 0 ? "" : "\n             ").append(line.stripTrailing());
            kept++;
        }
        return shown.isEmpty() ? statement.strip() : shown.toString();
    }

    public String script() {
        return script;
    }

    public int line() {
        return line;
    }

    public String statement() {
        return statement;
    }

    public String sqlState() {
        return sqlState;
    }

    public String serverMessage() {
        return serverMessage;
    }
}
