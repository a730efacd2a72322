package dev.assistant.db.testing;

import dev.assistant.db.config.ConnectionSettings;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.Driver;

/**
 * Opens connections through the PostgreSQL driver directly. DriverManager only hands out drivers registered by the
 * caller's class loader, and a build runs tests in several (Failsafe, exec, invoker hooks) within one JVM.
 */
public final class Jdbc {

    private static final Driver DRIVER = new Driver();
    private static final String UNDEFINED_TABLE = "42P01";

    private Jdbc() {
    }

    /**
     * The first column of every row of a query, as text; empty when the table it reads does not exist (yet), which
     * is how tests ask for the schema history before anything was migrated.
     */
    public static List<String> strings(ConnectionSettings settings, String sql) {
        try (Connection connection = connect(settings);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        } catch (SQLException e) {
            if (UNDEFINED_TABLE.equals(e.getSQLState())) {
                return List.of();
            }
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    public static Connection connect(ConnectionSettings settings) throws SQLException {
        Connection connection = DRIVER.connect(settings.jdbcUrl(), settings.jdbcProperties());
        if (connection == null) {
            throw new SQLException("The PostgreSQL driver does not accept " + settings.jdbcUrl(), "08001");
        }
        return connection;
    }
}
