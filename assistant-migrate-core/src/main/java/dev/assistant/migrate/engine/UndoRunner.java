package dev.assistant.migrate.engine;

import dev.assistant.migrate.api.AppliedMigration;
import dev.assistant.migrate.api.DowngradeStep;
import dev.assistant.migrate.api.Hints;
import dev.assistant.migrate.api.MigrationEngineException;
import dev.assistant.migrate.api.ScriptFailedException;
import dev.assistant.migrate.api.SqlStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Runs one undo script and removes its migration's history row. When every statement may run in a transaction (the
 * usual case), both happen in one transaction: either the migration is undone and forgotten, or nothing changed.
 */
final class UndoRunner {

    private final Connection connection;
    private final String historyTable;
    private final Hints hints;

    /** @param historyTable the schema-qualified, quoted history table */
    UndoRunner(Connection connection, String historyTable, Hints hints) {
        this.connection = connection;
        this.historyTable = historyTable;
        this.hints = hints;
    }

    void run(DowngradeStep step, String stateIfFailed) {
        boolean transactional = step.isTransactional();
        SqlStatement running = null;
        try {
            connection.setAutoCommit(!transactional);
            try (Statement statement = connection.createStatement()) {
                for (SqlStatement sql : step.statements()) {
                    running = sql;
                    statement.execute(sql.sql());
                }
            }
            running = null;
            forget(step.migration());
            if (transactional) {
                connection.commit();
            }
        } catch (SQLException e) {
            rollback(transactional);
            if (running == null) {
                throw new MigrationEngineException("Undoing V" + step.migration().version() + " ran, but removing its"
                        + " history row failed: " + SqlFailures.serverMessage(e)
                        + (transactional ? " The undo was rolled back. " : " ") + stateIfFailed, false, e);
            }
            throw new ScriptFailedException(
                    "Undo " + step.undoScript() + " failed"
                            + (transactional ? " and was rolled back; " : " outside a transaction; ") + stateIfFailed,
                    step.undoPath(), running.line(), running.sql(), e.getSQLState(), SqlFailures.serverMessage(e),
                    "Fix " + step.undoScript() + " (check it with " + hints.setting(Hints.Setting.DRY_RUN, "true")
                            + "), then run the downgrade again.", e);
        } finally {
            try {
                connection.setAutoCommit(true);
            } catch (SQLException ignored) {
                // the connection is closed by the caller; a failure here changes nothing that happened
            }
        }
    }

    private void forget(AppliedMigration migration) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM " + historyTable + " WHERE installed_rank = ? AND version = ? AND success")) {
            delete.setInt(1, migration.installedRank());
            delete.setString(2, migration.version());
            int removed = delete.executeUpdate();
            if (removed != 1) {
                throw new SQLException("expected to remove the history row of version " + migration.version()
                        + " (rank " + migration.installedRank() + "), found " + removed
                        + "; the history changed while downgrading", "40001");
            }
        }
    }

    private void rollback(boolean transactional) {
        if (!transactional) {
            return;
        }
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the original failure is what matters; the server rolls back when the connection closes
        }
    }
}
