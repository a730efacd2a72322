package dev.assistant.migrate.engine;

import dev.assistant.migrate.api.SqlStatement;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Watches a script as {@link ScriptRunner} applies it, on the runner's connection: once when it starts (inside its
 * transaction, when it has one), then after each statement that succeeded. What it queries runs in the script's
 * transaction and must change nothing.
 */
public interface StatementObserver {

    void scriptStarts(Connection connection, MigrationScript script, boolean transactional) throws SQLException;

    void statementRan(Connection connection, MigrationScript script, SqlStatement statement, boolean transactional)
            throws SQLException;
}
