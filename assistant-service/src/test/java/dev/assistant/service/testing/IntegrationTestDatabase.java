package dev.assistant.service.testing;

import dev.assistant.db.config.ConnectionSettings;
import dev.assistant.db.testing.ScratchDatabase;
import dev.assistant.db.testing.TestDatabaseServer;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Run by the build before the integration tests: drops and creates the integration-test database (and its own
 * role) on the test server, and writes its connection settings (url, user, password) to the file that the migrate
 * execution ({@code connectionFile}) and the tests ({@link MigratedDatabase}) read.
 */
public final class IntegrationTestDatabase {

    /** The system property through which Failsafe tells the tests where the connection file is. */
    public static final String CONNECTION_FILE = "assistant.it.connection";

    private IntegrationTestDatabase() {
    }

    /** @param args the database name, and the connection file to write */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: IntegrationTestDatabase <database> <connection file>");
        }
        TestDatabaseServer server = TestDatabaseServer.get();
        ScratchDatabase database = server.recreate(args[0]);
        ConnectionSettings settings = database.settings();
        Properties connection = new Properties();
        connection.setProperty("url", settings.jdbcUrl());
        connection.setProperty("user", settings.user());
        connection.setProperty("password", settings.password());
        Path file = Path.of(args[1]);
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            connection.store(out, "integration-test database, recreated by every build");
        }
        System.out.println("Integration-test database: " + settings.maskedUrl() + " (on " + server.describe() + ")");
    }
}
