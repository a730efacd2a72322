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
 * Runs one undo script and removes its migration's history row, on the session that holds the migration lock. When
 * every statement may run in a transaction (the usual case), both happen in one transaction: either the migration is
 * undone and forgotten, or nothing changed. The row is removed only while the lock is held.
 */
final class UndoRunner implements AutoCloseable {

    private final Connection connection;
    private final MigrationLock lock;
    private final HistoryTable history;
    private final Database database;
    private final Hints hints;
    private final String target;
    private final ScriptFailures failures;
    private final StatementWatch watch;

    /** @param target the downgrade's target, for the command that runs it again */
    UndoRunner(EngineConnection own, MigrationLock lock, Database database, String target,
            dev.assistant.migrate.api.EngineLog log) {
        this.connection = own.connection();
        this.lock = lock;
        this.history = own.history();
        this.database = database;
        this.hints = database.hints();
        this.target = target;
        this.failures = new ScriptFailures(database);
        this.watch = new StatementWatch(database, connection, log);
    }

    /** @param state what the database is at if this step fails, e.g. "the database stays at version 3." */
    void run(DowngradeStep step, String state) {
        boolean transactional = step.isTransactional();
        SqlStatement running = null;
        try {
            connection.setAutoCommit(!transactional);
            if (!transactional && !lock.isHeld()) {
                throw new MigrationEngineException(MigrationLock.lostBecause("before " + step.undoScript())
                        + " Nothing of it ran; " + state, true);
            }
            try (Statement statement = connection.createStatement()) {
                statement.setEscapeProcessing(false);
                for (SqlStatement sql : step.statements()) {
                    running = sql;
                    watch.started(step.undoScript() + ":" + sql.line() + " (" + ScriptFailedException.abbreviate(
                            sql.sql()).lines().findFirst().orElse("") + ")");
                    try {
                        SqlStatements.execute(statement, sql);
                    } finally {
                        watch.finished();
                    }
                }
            }
            running = null;
            forget(step, transactional, state);
            if (transactional) {
                connection.commit();
            }
        } catch (SQLException e) {
            rollback(transactional);
            if (running == null) {
                if (SqlFailures.isConnectionLoss(e)) {
                    throw database.connectionFailure(e);
                }
                if (SqlFailures.isPrivilege(e)) {
                    throw database.lacksPrivilege("to remove the history row of V" + step.migration().version()
                            + (transactional ? " (the undo was rolled back)" : ""), history.schema(), e);
                }
                throw new MigrationEngineException("Undoing V" + step.migration().version() + " ran, but removing its"
                        + " history row failed: " + SqlFailures.serverMessage(e)
                        + (transactional ? " The undo was rolled back. " : " ") + state, false, e);
            }
            throw failures.of(new ScriptFailures.ScriptRun("Undo " + step.undoScript(), "undoing V"
                    + step.migration().version() + " (" + step.undoScript() + ")", step.undoPath(), transactional, "",
                    state, "run the downgrade again: " + hints.downgrade(target), "Fix " + step.undoScript()
                    + " (check it with " + hints.setting(Hints.Setting.DRY_RUN, "true") + "), then run the downgrade"
                    + " again."), running, e);
        } finally {
            try {
                connection.setAutoCommit(true);
            } catch (SQLException ignored) {
                // the connection is closed by the caller; a failure here changes nothing that happened
            }
        }
    }

    private void forget(DowngradeStep step, boolean transactional, String state) throws SQLException {
        AppliedMigration migration = step.migration();
        try (PreparedStatement delete = connection.prepareStatement(history.delete(lock.guard()))) {
            delete.setInt(1, migration.installedRank());
            delete.setString(2, migration.version());
            int removed = delete.executeUpdate();
            if (removed == 1) {
                return;
            }
            if (!lock.isHeld()) {
                rollback(transactional);
                throw new MigrationEngineException(MigrationLock.lostBecause("when the undo of V"
                        + migration.version() + " was about to be committed") + (transactional
                        ? " The undo was rolled back; " : " The undo ran outside a transaction and took effect, but"
                        + " the history still records V" + migration.version() + "; ") + state, true);
            }
            throw new SQLException("expected to remove the history row of version " + migration.version()
                    + " (rank " + migration.installedRank() + "), found " + removed
                    + "; the history changed while downgrading", "40001");
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

    @Override
    public void close() {
        watch.close();
    }
}
