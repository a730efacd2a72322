package dev.assistant.db.testing;

import dev.assistant.db.config.ConnectionSettings;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;

/** An empty database of one's own on the test server, with a role of its own; {@link #close()} drops both. */
public final class ScratchDatabase implements AutoCloseable {

    private final TestDatabaseServer server;
    private final ConnectionSettings settings;
    private boolean dropped;

    ScratchDatabase(TestDatabaseServer server, ConnectionSettings settings) {
        this.server = server;
        this.settings = settings;
    }

    public String name() {
        return settings.database();
    }

    public String jdbcUrl() {
        return settings.jdbcUrl();
    }

    public String user() {
        return settings.user();
    }

    /** The password of the database's own role: random, distinct from its name, found in no other text. */
    public String password() {
        return settings.password();
    }


    /** {@code postgresql://user:password@host:port/name}, for tests that feed DATABASE_URL-style input. */
    public String url() {
        return "postgresql://" + encode(settings.user()) + ":" + encode(settings.password()) + "@" + settings.host()
                + ":" + settings.port() + "/" + encode(settings.database());
    }

    public ConnectionSettings settings() {
        return settings;
    }

    public Connection connect() throws SQLException {
        return Jdbc.connect(settings);
    }

    public TestDatabaseServer server() {
        return server;
    }

    @Override
    public synchronized void close() {
        if (!dropped) {
            server.drop(settings.database());
            dropped = true;
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        return settings.maskedUrl();
    }
}
