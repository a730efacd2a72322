package dev.assistant.migrate.engine;

import dev.assistant.migrate.api.AppliedMigration;
import dev.assistant.migrate.api.EngineLog;
import dev.assistant.migrate.api.Hints;
import dev.assistant.migrate.api.MigrateResult;
import dev.assistant.migrate.api.MigrationEngineException;
import dev.assistant.migrate.api.ScriptFailedException;
import dev.assistant.migrate.api.SqlStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Applies a plan on the session that holds the migration lock, migration by migration: BEGIN, the statements, the
 * history row, COMMIT — what psql would send, plus one INSERT. The row is written only while the lock is held, and a
 * migration is reported applied only once it is committed. A migration whose statements may not run in a transaction
 * runs them one by one and then writes its row; when one of them fails, a failure record is written as Flyway does.
 */
final class MigrationRunner implements AutoCloseable {

    private final EngineConnection own;
    private final Connection connection;
    private final MigrationLock lock;
    private final Database database;
    private final Hints hints;
    private final EngineLog log;
    private final Predicate<String> reversible;
    private final ScriptFailures failures;
    private final StatementWatch watch;
    private final List<MigrateResult.Applied> applied = new ArrayList<>();
    private PreparedStatement insert;
    private Optional<AppliedMigration> current;
    /** The statement running, so that a failure names it; null between statements' work and the history row. */
    private SqlStatement running;

    /**
     * @param current the newest applied migration before the run
     * @param reversible whether a version has an undo script
     */
    MigrationRunner(EngineConnection own, MigrationLock lock, Database database, Optional<AppliedMigration> current,
            Predicate<String> reversible, EngineLog log) {
        this.own = own;
        this.connection = own.connection();
        this.lock = lock;
        this.database = database;
        this.hints = database.hints();
        this.log = log;
        this.current = current;
        this.reversible = reversible;
        this.failures = new ScriptFailures(database);
        this.watch = new StatementWatch(database, connection, log);
    }

    /** Creates the history table with Flyway's definition, in one transaction. */
    void createHistoryTable(HistoryTable history) {
        try {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                for (String sql : history.createStatements()) {
                    statement.execute(sql);
                }
            }
            connection.commit();
            log.debug("Created the schema history table " + history.qualified());
        } catch (SQLException e) {
            rollback();
            throw historyFailure("create the schema history table " + history.qualified(), e);
        } finally {
            autoCommit();
        }
    }

    /** The migrations applied by this run, in order, each with its time. */
    List<MigrateResult.Applied> apply(ApplyPlan plan, HistoryTable history) {
        try {
            insert = connection.prepareStatement(history.insert(lock.guard()));
            for (PlannedMigration migration : plan.migrations()) {
                if (migration.transactional()) {
                    applyInTransaction(migration);
                } else {
                    applyOutsideTransaction(migration);
                }
            }
            return List.copyOf(applied);
        } catch (SQLException e) {
            throw historyFailure("prepare the history row", e);
        }
    }

    /** The newest applied migration: the last one this run applied, or the one before the run. */
    Optional<AppliedMigration> current() {
        return current;
    }

    private void applyInTransaction(PlannedMigration migration) {
        try {
            connection.setAutoCommit(false);
            long start = System.nanoTime();
            runStatements(migration);
            int millis = millisSince(start);
            Optional<AppliedMigration> row = record(migration, millis, true);
            if (row.isEmpty()) {
                rollback();
                throw new MigrationEngineException(MigrationLock.lostBecause("when " + migration.script()
                        + " was about to be committed") + " " + migration.script() + " was rolled back; " + state()
                        + " Remove what releases the lock from the script, then migrate again: " + hints.migrate()
                        + ".", true);
            }
            connection.commit();
            applied(migration, row.get(), millis);
        } catch (SQLException e) {
            rollback();
            if (running == null) {
                throw historyFailure("record " + migration.script() + " in the schema history (it was rolled back)",
                        e);
            }
            throw failures.of(run(migration, true), running, e);
        } finally {
            running = null;
            autoCommit();
        }
    }

    private void applyOutsideTransaction(PlannedMigration migration) {
        long start = System.nanoTime();
        verifyLockBefore(migration);
        try {
            runStatements(migration);
            int millis = millisSince(start);
            Optional<AppliedMigration> row = record(migration, millis, true);
            if (row.isEmpty()) {
                throw new MigrationEngineException(MigrationLock.lostBecause("after " + migration.script() + " ran")
                        + " It ran outside a transaction, so it took effect, but it is not recorded as applied; "
                        + state() + " Record it by hand or undo it, then migrate again: " + hints.migrate() + ".",
                        true);
            }
            applied(migration, row.get(), millisSince(start));
        } catch (SQLException e) {
            if (running == null) {
                throw historyFailure("record " + migration.script() + " in the schema history (it ran outside a"
                        + " transaction and took effect)", e);
            }
            if (!SqlFailures.isConnectionLoss(e)) {
                recordFailure(migration, millisSince(start));
            }
            throw failures.of(run(migration, false), running, e);
        } finally {
            running = null;
        }
    }

    /** Runs the statements in order; {@link #running} is the one that runs, and null once all ran. */
    private void runStatements(PlannedMigration migration) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.setEscapeProcessing(false);
            for (SqlStatement sql : migration.statements()) {
                running = sql;
                execute(statement, migration, sql);
            }
        }
        running = null;
    }

    /** Outside a transaction there is no commit to guard: the lock is checked before anything of it runs. */
    private void verifyLockBefore(PlannedMigration migration) {
        boolean held;
        try {
            held = lock.isHeld();
        } catch (SQLException e) {
            throw historyFailure("check the migration lock before " + migration.script(), e);
        }
        if (!held) {
            throw new MigrationEngineException(MigrationLock.lostBecause("before " + migration.script()) + " Nothing"
                    + " of it ran; " + state() + " Migrate again: " + hints.migrate() + ".", true);
        }
    }

    private void execute(Statement statement, PlannedMigration migration, SqlStatement sql) throws SQLException {
        watch.started(migration.script() + ":" + sql.line() + " (" + ScriptFailedException.abbreviate(sql.sql())
                .lines().findFirst().orElse("") + ")");
        try {
            SqlStatements.execute(statement, sql);
        } finally {
            watch.finished();
        }
        for (SQLWarning warning = statement.getWarnings(); warning != null; warning = warning.getNextWarning()) {
            if ("00000".equals(warning.getSQLState())) {
                log.debug("DB: " + warning.getMessage());
            } else {
                log.warn("DB: " + warning.getMessage() + " (SQL state " + warning.getSQLState() + ", "
                        + migration.script() + ":" + sql.line() + ")");
            }
        }
        statement.clearWarnings();
    }

    /** Writes the history row while the lock is held; empty when it was not. */
    private Optional<AppliedMigration> record(PlannedMigration migration, int millis, boolean success)
            throws SQLException {
        if (migration.version() == null) {
            insert.setNull(1, Types.VARCHAR);
        } else {
            insert.setString(1, migration.version());
        }
        insert.setString(2, migration.description());
        insert.setString(3, migration.type());
        insert.setString(4, migration.script());
        if (migration.checksum() == null) {
            insert.setNull(5, Types.INTEGER);
        } else {
            insert.setInt(5, migration.checksum());
        }
        insert.setString(6, own.user());
        insert.setInt(7, millis);
        insert.setBoolean(8, success);
        try (ResultSet row = insert.executeQuery()) {
            if (!row.next()) {
                return Optional.empty();
            }
            Timestamp installedOn = row.getTimestamp(2);
            return Optional.of(new AppliedMigration(row.getInt(1), migration.version(), migration.description(),
                    migration.type(), migration.script(), installedOn == null ? null : installedOn.toInstant(),
                    own.user(), millis, success ? "Success" : "Failed",
                    migration.version() != null && reversible.test(migration.version())));
        }
    }

    /** As Flyway does for a migration that failed outside a transaction: a row that blocks migrate until cleared. */
    private void recordFailure(PlannedMigration migration, int millis) {
        try {
            if (record(migration, millis, false).isEmpty()) {
                log.warn("No failure record was written for " + migration.script() + ": "
                        + MigrationLock.lostBecause("after it failed"));
            }
        } catch (SQLException e) {
            log.warn("Could not write the failure record of " + migration.script() + ": "
                    + SqlFailures.serverMessage(e));
        }
    }

    private void applied(PlannedMigration migration, AppliedMigration row, int millis) {
        log.info("Applied " + migration.label() + " (" + millis + " ms, " + migration.script() + ")");
        applied.add(new MigrateResult.Applied(migration.label(), migration.script(), millis));
        if (migration.version() != null) {
            current = Optional.of(row);
        }
    }

    private ScriptFailures.ScriptRun run(PlannedMigration migration, boolean transactional) {
        return new ScriptFailures.ScriptRun("Migration " + migration.script(), "migrating " + migration.script(),
                migration.path(), transactional, ", and a failure record now blocks migrate", state(),
                "migrate again: " + hints.migrate(), transactional
                ? "Fix the script, then migrate again: " + hints.migrate() + "."
                : "Run " + hints.status() + " for how to clear the failure record, then fix the script and migrate"
                + " again.");
    }

    private String state() {
        return current.map(row -> "the database is at version " + row.version() + " (" + row.description() + ").")
                .orElse("no migration is applied.");
    }

    /** A failure of the engine's own statements on the history table: privilege, connection, or otherwise. */
    private MigrationEngineException historyFailure(String action, SQLException e) {
        if (SqlFailures.isConnectionLoss(e)) {
            return new MigrationEngineException("Lost the connection to " + database.describe() + " while trying to "
                    + action + ": " + database.settings().redact(SqlFailures.serverMessage(e)) + " (SQL state "
                    + e.getSQLState() + "). " + state() + " Once the server is reachable, migrate again: "
                    + hints.migrate() + ".", false, e);
        }
        if (SqlFailures.isPrivilege(e)) {
            return database.lacksPrivilege("to " + action, own.schema(), e);
        }
        if (SqlFailures.isReadOnly(e)) {
            return database.readOnly("Could not " + action, state(), "migrate again: " + hints.migrate(), e);
        }
        return new MigrationEngineException("Could not " + action + " on " + database.describe() + ": "
                + database.settings().redact(SqlFailures.serverMessage(e)) + (e.getSQLState() == null ? ""
                : " (SQL state " + e.getSQLState() + ")") + ". " + state(), false, e);
    }

    private static int millisSince(long start) {
        return (int) ((System.nanoTime() - start) / 1_000_000);
    }

    private void rollback() {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
        } catch (SQLException ignored) {
            // the failure being reported is what matters; the server rolls back when the session ends
        }
    }

    private void autoCommit() {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException ignored) {
            // the session is closed by the goal; a failure here changes nothing that happened
        }
    }

    @Override
    public void close() {
        watch.close();
        if (insert != null) {
            try {
                insert.close();
            } catch (SQLException ignored) {
                // the session is closed by the goal
            }
        }
    }
}
