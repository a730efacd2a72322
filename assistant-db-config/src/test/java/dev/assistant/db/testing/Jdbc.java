package dev.assistant.db.testing;

import dev.assistant.db.config.ConnectionSettings;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.Driver;

/**
 * Opens connections through the PostgreSQL driver directly. DriverManager only hands out drivers registered by the
 * caller's class loader, and a build runs tests in several (Failsafe, exec, invoker hooks) within one JVM.
 */
public final class Jdbc {

    private static final Driver DRIVER = new Driver();

    private Jdbc() {
    }

    public static Connection connect(ConnectionSettings settings) throws SQLException {
        Connection connection = DRIVER.connect(settings.jdbcUrl(), settings.jdbcProperties());
        if (connection == null) {
            throw new SQLException("The PostgreSQL driver does not accept " + settings.jdbcUrl(), "08001");
        }
        return connection;
    }
}
