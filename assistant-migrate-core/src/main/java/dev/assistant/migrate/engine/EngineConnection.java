package dev.assistant.migrate.engine;

import dev.assistant.migrate.api.EngineLog;
import dev.assistant.migrate.api.MigrationEngineException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The engine's own connection for one goal; Flyway and the migration lock have theirs. Opening it reads
 * {@code current_schema()}, so that a wrong setting is explained before Flyway is involved, and the schema names the
 * history table and the lock.
 */
final class EngineConnection implements AutoCloseable {

    private final Connection connection;
    private final String schema;

    private EngineConnection(Connection connection, String schema) {
        this.connection = connection;
        this.schema = schema;
    }

    static EngineConnection open(Database database, EngineLog log) {
        Connection connection = database.connect();
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT current_schema()")) {
            String schema = result.next() ? result.getString(1) : null;
            if (schema == null) {
                throw new MigrationEngineException("The search_path of " + database.describe() + " names no existing"
                        + " schema, so there is nowhere to keep the schema history. Create the schema, or add"
                        + " currentSchema=<schema> to the URL.", true);
            }
            log.debug("Connected to " + database.describe() + " (schema " + schema + ")");
            return new EngineConnection(connection, schema);
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
