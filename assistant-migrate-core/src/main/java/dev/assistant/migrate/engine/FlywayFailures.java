package dev.assistant.migrate.engine;

import dev.assistant.migrate.api.Hints;
import dev.assistant.migrate.api.MigrationEngineException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.FlywayException;

/**
 * Turns Flyway's failures while reading the schema history into the engine's: a lost connection or a missing
 * privilege said as such, a table named like the history that is something else, and otherwise what Flyway said.
 */
final class FlywayFailures {

    private final Database database;
    private final Hints hints;

    FlywayFailures(Database database, Hints hints) {
        this.database = database;
        this.hints = hints;
    }

    /**
     * A failure of Flyway while doing {@code action}, e.g. "read the schema history".
     *
     * @param schema the schema the history table is in
     */
    MigrationEngineException of(String action, String schema, FlywayException e) {
        SQLException sql = find(e, SQLException.class);
        if (sql != null && SqlFailures.isConnectionLoss(sql)) {
            return database.connectionFailure(sql);
        }
        if (sql != null && SqlFailures.isPrivilege(sql)) {
            return database.lacksPrivilege("to " + action, schema, sql);
        }
        if (sql != null) {
            List<String> missing = missingColumns(schema);
            if (!missing.isEmpty()) {
                return foreignHistoryTable(schema, missing, e);
            }
        }
        String message = database.settings().redact(String.valueOf(e.getMessage()));
        return new MigrationEngineException("Could not " + action + " on " + database.describe() + ": " + message,
                false, e);
    }

    /** Flyway's columns that a table named like the history lacks; empty when it has them all, or is not there. */
    private List<String> missingColumns(String schema) {
        List<String> found = new ArrayList<>();
        try (Connection connection = database.connect();
                PreparedStatement statement = connection.prepareStatement("SELECT attname FROM pg_catalog.pg_attribute"
                        + " WHERE attrelid = to_regclass(?) AND attnum > 0 AND NOT attisdropped")) {
            statement.setString(1, SqlIdentifiers.qualify(schema, HistoryTable.NAME));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getString(1));
                }
            }
        } catch (SQLException | RuntimeException unreadable) {
            return List.of();
        }
        if (found.isEmpty()) {
            return List.of();
        }
        return HistoryTable.COLUMNS.stream().filter(column -> !found.contains(column)).toList();
    }

    private MigrationEngineException foreignHistoryTable(String schema, List<String> missing, FlywayException e) {
        String table = SqlIdentifiers.qualify(schema, HistoryTable.NAME);
        return new MigrationEngineException("The table " + table + " in " + database.describe() + " is not a Flyway"
                + " schema history: it has no column " + String.join(", ", missing) + ". Something else made it, so"
                + " which migrations are applied cannot be read from it. Nothing was changed. If it belongs to"
                + " another tool, keep the migrations apart: give them a schema of their own (currentSchema=<schema>"
                + " in " + hints.setting(Hints.Setting.URL) + "), or rename that table (ALTER TABLE " + table
                + " RENAME TO <another name>;). If it is an old history, bring it to Flyway's shape first.", true, e);
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
