package dev.assistant.migrate.engine;

import dev.assistant.migrate.api.MigrationEngineException;
import dev.assistant.migrate.api.ScriptFailedException;
import dev.assistant.migrate.api.SqlStatement;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a failed statement of a migration or an undo script means, and the fix that follows from it: a lost connection
 * (SQL state 08…, 57P…) is the network's or the server's doing and the script is fine; a missing privilege (42501) is
 * the user's; a read-only session (25006) the connection's; anything else is the script's, located by file, line and statement.
 */
final class ScriptFailures {

    /** A concurrent index build, and the name of the index it builds. */
    private static final Pattern CONCURRENT_INDEX = Pattern.compile("(?is)\\bcreate\\s+(?:unique\\s+)?index"
            + "\\s+concurrently\\s+(?:if\\s+not\\s+exists\\s+)?(\"[^\"]+\"|[\\w.$]+)");
    private static final String DUPLICATE_OBJECT = "42P07";

    /**
     * The script a statement of which failed, and what the messages say about it.
     *
     * @param title e.g. "Migration V2__add.sql"
     * @param activity e.g. "migrating V2__add.sql"
     * @param path where the script is
     * @param transactional whether it ran in a transaction (then the server rolled it back)
     * @param leftBehind what a failure outside a transaction leaves, e.g. ", and a failure record now blocks migrate"
     * @param state what the database is at, e.g. "the database is at version 1 (one)."
     * @param again the command to run once the cause is gone, e.g. "migrate again: `make migrate`"
     * @param scriptFix the fix when the script is at fault
     */
    record ScriptRun(String title, String activity, String path, boolean transactional, String leftBehind,
            String state, String again, String scriptFix) {
    }

    private final Database database;

    ScriptFailures(Database database) {
        this.database = database;
    }

    MigrationEngineException of(ScriptRun run, SqlStatement failed, SQLException e) {
        String server = database.settings().redact(SqlFailures.serverMessage(e));
        if (SqlFailures.isConnectionLoss(e)) {
            return new MigrationEngineException("Lost the connection to " + database.describe() + " while "
                    + run.activity() + ": " + server + " (SQL state " + e.getSQLState() + "). " + (run.transactional()
                    ? "The server rolled back the unfinished " + (run.title().startsWith("Undo") ? "undo" : "migration")
                    + "; " : "It ran outside a transaction, so what it did before that stays (an index being built"
                    + " concurrently is left INVALID: DROP INDEX CONCURRENTLY IF EXISTS <name>; removes it); ")
                    + run.state() + " Once the server is reachable, " + run.again() + ".", false, e);
        }
        if (SqlFailures.isReadOnly(e)) {
            return database.readOnly(run.title() + " was refused" + (run.transactional() ? " and rolled back"
                    : " outside a transaction"), run.state(), run.again(), e);
        }
        if (SqlFailures.isPrivilege(e)) {
            String user = database.settings().user();
            return new ScriptFailedException(run.title() + " was refused a privilege" + (run.transactional()
                    ? " and was rolled back; " : " outside a transaction; ") + run.state(), run.path(), failed.line(),
                    failed.sql(), e.getSQLState(), server, "User '" + user + "' may not do this on "
                    + database.describe() + ". Run it as a role that may (the owner of the schema and of the objects"
                    + " the script changes), or grant what is missing (e.g. GRANT CREATE ON SCHEMA "
                    + "<schema> TO " + SqlIdentifiers.quote(user) + ";), then " + run.again() + ".", e);
        }
        Matcher index = CONCURRENT_INDEX.matcher(failed.sql());
        if (!run.transactional() && DUPLICATE_OBJECT.equals(e.getSQLState()) && index.find()) {
            return concurrentIndexExists(run, failed, e, server, index.group(1));
        }
        return new ScriptFailedException(run.title() + (run.transactional() ? " failed and was rolled back; "
                : " failed outside a transaction, so what ran before the failing statement stays" + run.leftBehind()
                + "; ") + run.state(), run.path(), failed.line(), failed.sql(),
                e.getSQLState(), server, run.scriptFix(), e);
    }

    /**
     * A concurrent index build that finds its index already there. When no earlier migration builds it, a run of this
     * very migration was killed while the build waited for older transactions: the server finishes such a build even
     * after its client is gone, so the index is there, but no history row says so.
     */
    private ScriptFailedException concurrentIndexExists(ScriptRun run, SqlStatement failed, SQLException e,
            String server, String index) {
        return new ScriptFailedException(run.title() + " failed outside a transaction: the index " + index
                + " already exists, and a failure record now blocks migrate; " + run.state(), run.path(), failed.line(),
                failed.sql(), e.getSQLState(), server, "When no earlier migration builds " + index + ", it was left by"
                + " an earlier run of this migration that was stopped (killed, or its connection lost) while the index"
                + " was being built: the server finishes a CREATE INDEX CONCURRENTLY whose client is gone. Drop it"
                + " (DROP INDEX CONCURRENTLY IF EXISTS " + index + ";), remove the failure record ("
                + database.hints().repair("failed") + "), then " + run.again() + ".", e);
    }
}
