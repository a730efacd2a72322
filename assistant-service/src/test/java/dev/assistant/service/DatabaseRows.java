package dev.assistant.service;

import dev.assistant.db.config.ConnectionSettings;
import dev.assistant.db.testing.Jdbc;
import dev.assistant.service.testing.MigratedDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Counts rows with plain JDBC, past the service, to see what the database really holds. */
final class DatabaseRows {

    private static final List<String> CHILD_TABLES = List.of("user_settings", "third_party_accounts", "tasks",
            "countdowns");

    private DatabaseRows() {
    }

    static Map<String, Long> countFor(int userId) {
        ConnectionSettings settings = MigratedDatabase.settings();
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection connection = Jdbc.connect(settings)) {
            for (String table : CHILD_TABLES) {
                try (PreparedStatement statement = connection.prepareStatement(
                        "SELECT count(*) FROM " + table + " WHERE user_id = ?")) {
                    statement.setInt(1, userId);
                    try (ResultSet rows = statement.executeQuery()) {
                        rows.next();
                        counts.put(table, rows.getLong(1));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return counts;
    }
}
