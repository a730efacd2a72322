package dev.assistant.service.testing;

import dev.assistant.db.config.ConnectionSettings;
import dev.assistant.db.testing.TestDatabaseServer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * Run by the build before the integration tests: drops and creates the integration-test database on the test
 * server, and writes its connection settings where the migrate execution and Failsafe read them.
 */
public final class IntegrationTestDatabase {

    public static final String URL = "assistant.it.url";
    public static final String USER = "assistant.it.user";
    public static final String PASSWORD = "assistant.it.password";

    private IntegrationTestDatabase() {
    }

    /** @param args the database name, and the properties file to write */
    public static void main(String[] args) throws IOException, SQLException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: IntegrationTestDatabase <database> <properties file>");
        }
        String name = args[0];
        TestDatabaseServer server = TestDatabaseServer.get();
        try (Connection admin = server.connectAdmin(); Statement statement = admin.createStatement()) {
            String quoted = '"' + name.replace("\"", "\"\"") + '"';
            statement.execute("DROP DATABASE IF EXISTS " + quoted + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + quoted);
        }
        ConnectionSettings settings = server.adminSettings().withDatabase(name);
        Properties properties = new Properties();
        properties.setProperty(URL, settings.jdbcUrl());
        properties.setProperty(USER, settings.user());
        properties.setProperty(PASSWORD, settings.password());
        Path file = Path.of(args[1]);
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            properties.store(out, "integration-test database, recreated by every build");
        }
        System.out.println("Integration-test database: " + settings.maskedUrl() + " (on " + server.describe() + ")");
    }
}
