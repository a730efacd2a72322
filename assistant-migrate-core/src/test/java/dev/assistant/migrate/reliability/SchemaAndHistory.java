package dev.assistant.migrate.reliability;

import dev.assistant.db.testing.ScratchDatabase;
import dev.assistant.migrate.schema.DatabaseSchemaReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The schema and the history rows of a database: what "the database is as before" compares. */
public final class SchemaAndHistory {

    private SchemaAndHistory() {
    }

    public static String of(ScratchDatabase database) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            StringBuilder state = new StringBuilder(DatabaseSchemaReader.read(connection).toString());
            try (ResultSet rows = statement.executeQuery("SELECT installed_rank, version, checksum, success"
                    + " FROM flyway_schema_history ORDER BY installed_rank")) {
                while (rows.next()) {
                    state.append('\n').append(rows.getInt(1)).append(' ').append(rows.getString(2)).append(' ')
                            .append(rows.getInt(3)).append(' ').append(rows.getBoolean(4));
                }
            }
            return state.toString();
        }
    }
}
