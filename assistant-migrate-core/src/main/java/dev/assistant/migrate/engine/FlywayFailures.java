package dev.assistant.migrate.engine;

import dev.assistant.migrate.api.Hints;
import dev.assistant.migrate.api.MigrationEngineException;
import dev.assistant.migrate.api.ScriptFailedException;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Supplier;
import org.flywaydb.core.api.FlywayException;

/**
 * Turns Flyway's failures into the engine's: what happened, where (file, line, statement, SQL state, the server's
 * words), what state the database is in, and the command that fixes it.
 */
final class FlywayFailures {

    private final Database database;
    private final Hints hints;

    FlywayFailures(Database database, Hints hints) {
        this.database = database;
        this.hints = hints;
    }

    /**
     * A failure of Flyway's {@code migrate()}.
     *
     * @param stateAfterFailure reads back the version the database is at, e.g. "the database is at version 2 (two)."
     */
    MigrationEngineException ofMigrate(FlywayException e, Supplier<String> stateAfterFailure) {
        String state = stateAfterFailure.get();
        Optional<FlywayInternals.FailedStatement> statement = FlywayInternals.failedStatement(e);
        Optional<FlywayInternals.FailedMigration> migration = FlywayInternals.failedMigration(e);
        SQLException sql = find(e, SQLException.class);
        if (sql != null && SqlFailures.isConnectionLoss(sql)) {
            return new MigrationEngineException("Lost the connection to " + database.describe() + " while migrating"
                    + migration.flatMap(FlywayInternals.FailedMigration::script).map(script -> " " + script).orElse("")
                    + ": " + database.settings().redact(SqlFailures.serverMessage(sql)) + " (SQL state "
                    + sql.getSQLState() + "). The server rolled back the unfinished migration; " + state
                    + " Once the server is reachable, migrate again: " + hints.migrate() + ".", false, e);
        }
        if (statement.isPresent()) {
            FlywayInternals.FailedStatement failed = statement.get();
            boolean rolledBack = migration.map(FlywayInternals.FailedMigration::transactional).orElse(true);
            String file = failed.fileName().orElse("a migration");
            String headline = "Migration " + file + (rolledBack
                    ? " failed and was rolled back; " + state
                    : " failed outside a transaction, so what ran before the failing statement stays, and a failure"
                    + " record now blocks migrate; " + state);
            String fix = rolledBack
                    ? "Fix the script, then migrate again: " + hints.migrate() + "."
                    : "Run " + hints.status() + " for how to clear the failure record, then fix the script and"
                    + " migrate again.";
            return new ScriptFailedException(headline, failed.path().orElse(file), failed.line(), failed.sql(),
                    sql == null ? null : sql.getSQLState(),
                    sql == null ? failed.message() : SqlFailures.serverMessage(sql), fix, e);
        }
        return of("migrate", e);
    }

    /** Any other failure of Flyway while doing {@code action}, e.g. "read the schema history". */
    MigrationEngineException of(String action, FlywayException e) {
        SQLException sql = find(e, SQLException.class);
        if (sql != null && SqlFailures.isConnectionLoss(sql)) {
            return database.connectionFailure(sql);
        }
        if (sql != null && "42501".equals(sql.getSQLState())) {
            String user = database.settings().user();
            return new MigrationEngineException("User '" + user + "' lacks a privilege on " + database.describe()
                    + ": " + SqlFailures.serverMessage(sql) + " (SQL state 42501). Nothing was changed."
                    + " Run migrations as the owner of the schema and its " + FlywayFactory.HISTORY_TABLE
                    + " table, or grant what is missing (e.g. GRANT CREATE ON SCHEMA public TO "
                    + SqlIdentifiers.quote(user) + ";).", true, e);
        }
        String message = database.settings().redact(String.valueOf(e.getMessage()));
        if (message.contains("but no schema history table")) {
            return new MigrationEngineException("The schema of " + database.describe() + " already holds tables, but"
                    + " no " + FlywayFactory.HISTORY_TABLE + ": it was not built by these migrations, and applying"
                    + " them on top could clash. Nothing was changed. Point at an empty database ("
                    + hints.startDatabase() + " gives one), or adopt the existing schema: "
                    + hints.baseline("adopt existing schema") + " writes the migration that builds it and records it"
                    + " as the baseline.", true, e);
        }
        return new MigrationEngineException("Could not " + action + " on " + database.describe() + ": " + message,
                false, e);
    }

    /** The first cause of {@code e} (itself included) of the given type, or null. */
    static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
