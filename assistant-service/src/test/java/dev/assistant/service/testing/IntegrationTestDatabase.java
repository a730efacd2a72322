package dev.assistant.service.testing;

import dev.assistant.db.config.ConnectionSettings;
import dev.assistant.db.testing.ScratchDatabase;
import dev.assistant.db.testing.TestDatabaseServer;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Run by the build around the integration tests. {@code create} (pre-integration-test) makes a scratch database of
 * this build's own on the test server, named like every scratch database (so that two builds on one server never
 * share one, and one a killed build left behind is dropped once it is a day old), and writes its connection settings
 * (url, user, password) to the file that the migrate execution ({@code connectionFile}) and the tests
 * ({@link MigratedDatabase}) read. {@code drop} (post-integration-test, which runs whether the tests passed or not)
 * drops it. A database that an earlier build of this module created and never dropped, because it stopped before
 * post-integration-test, is dropped by the next {@code create} while the file names it (no {@code mvn clean} in
 * between), else by the stale scratch cleanup once it is a day old.
 */
public final class IntegrationTestDatabase {

    /** The system property through which Failsafe tells the tests where the connection file is. */
    public static final String CONNECTION_FILE = "assistant.it.connection";
    private static final String IN_CONTAINER = "inContainer";

    private IntegrationTestDatabase() {
    }

    /** @param args {@code create} or {@code drop}, and the connection file */
    public static void main(String[] args) throws IOException {
        if (args.length != 2 || !(args[0].equals("create") || args[0].equals("drop"))) {
            throw new IllegalArgumentException("usage: IntegrationTestDatabase create|drop <connection file>");
        }
        Path file = Path.of(args[1]);
        if (Files.isRegularFile(file)) {
            drop(file);
        }
        if (args[0].equals("create")) {
            create(file);
        }
    }

    private static void create(Path file) throws IOException {
        TestDatabaseServer server = TestDatabaseServer.get();
        ScratchDatabase database = server.createScratch("service_it");
        ConnectionSettings settings = database.settings();
        Properties connection = new Properties();
        connection.setProperty("url", settings.jdbcUrl());
        connection.setProperty("user", settings.user());
        connection.setProperty("password", settings.password());
        connection.setProperty(IN_CONTAINER, Boolean.toString(server.inContainer()));
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            connection.store(out, "integration-test database of this build, dropped after the integration tests");
        }
        System.out.println("Integration-test database: " + settings.maskedUrl() + " (on " + server.describe() + ")");
    }

    /** A database in a test container goes with the container, which ends with the build that started it. */
    private static void drop(Path file) throws IOException {
        Properties connection = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            connection.load(in);
        }
        String name = connection.getProperty("user");
        if (!Boolean.parseBoolean(connection.getProperty(IN_CONTAINER))) {
            TestDatabaseServer.get().drop(name);
            System.out.println("Integration-test database " + name + " dropped.");
        }
        Files.delete(file);
    }
}
