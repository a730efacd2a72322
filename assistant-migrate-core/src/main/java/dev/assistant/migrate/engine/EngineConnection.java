package dev.assistant.migrate.engine;

import dev.assistant.migrate.api.EngineLog;
import dev.assistant.migrate.api.MigrationEngineException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The engine's own connection for one goal: the session that holds the migration lock and runs the migrations and
 * undo scripts; Flyway reads the history on connections of its own. Opening it reads {@code current_schema()}, so that
 * a wrong setting is explained before Flyway is involved, and the schema names the history table and keys the lock;
 * the user and database it reads fill Flyway's built-in placeholders and the history's {@code installed_by}.
 */
final class EngineConnection implements AutoCloseable {

    private final Connection connection;
    private final String schema;
    private final String user;
    private final String databaseName;

    private EngineConnection(Connection connection, String schema, String user, String databaseName) {
        this.connection = connection;
        this.schema = schema;
        this.user = user;
        this.databaseName = databaseName;
    }

    static EngineConnection open(Database database, EngineLog log) {
        Connection connection = database.connect();
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(
                        "SELECT current_schema(), current_user, current_database()")) {
            result.next();
            String schema = result.getString(1);
            if (schema == null) {
                throw new MigrationEngineException("The search_path of " + database.describe() + " names no existing"
                        + " schema, so there is nowhere to keep the schema history. Create the schema, or add"
                        + " currentSchema=<schema> to the URL.", true);
            }
            log.debug("Connected to " + database.describe() + " (schema " + schema + ")");
            return new EngineConnection(connection, schema, result.getString(2), result.getString(3));
        } catch (SQLException e) {
            closeQuietly(connection);
            throw database.connectionFailure(e);
        } catch (RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    Connection connection() {
        return connection;
    }

    String schema() {
        return schema;
    }

    /** The role the session logged in as: what the history records as {@code installed_by}, as Flyway does. */
    String user() {
        return user;
    }

    HistoryTable history() {
        return new HistoryTable(schema);
    }

    /** The splitter for scripts that run in this session. */
    SqlStatements statements() {
        return SqlStatements.forSession(schema, user, databaseName);
    }

    @Override
    public void close() {
        closeQuietly(connection);
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // what the goal did is decided; a failure to hang up changes none of it
        }
    }
}
