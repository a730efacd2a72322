package dev.assistant.db.testing;

import dev.assistant.db.config.ConnectionSettings;
import dev.assistant.db.config.ConnectionSettingsResolver;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server the tests use, found once per JVM: {@code ASSISTANT_TEST_DATABASE_URL} when set (a user
 * that may create databases and roles), else a Testcontainers PostgreSQL when a Docker engine answers, else the server
 * {@code make db-up} provisions: localhost, port {@code POSTGRES_PORT} (5432 by default), as assistant_test. When none
 * answers the tests fail, with the ways to get one; they are never skipped.
 */
public final class TestDatabaseServer {

    public static final String URL_VARIABLE = "ASSISTANT_TEST_DATABASE_URL";
    static final String FALLBACK_USER = "assistant_test";
    static final String FALLBACK_PASSWORD = "assistant_test";
    static final String SCRATCH_PREFIX = "assistant_test_";
    static final String CONTAINER_ORIGIN = "Testcontainers";
    static final String FALLBACK_ORIGIN = "this machine: " + URL_VARIABLE + " is not set and no Docker engine answers";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyMMddHHmmss").withZone(ZoneOffset.UTC);

    private static TestDatabaseServer instance;

    private final ConnectionSettings admin;
    private final String origin;

    TestDatabaseServer(ConnectionSettings admin, String origin) {
        this.admin = admin;
        this.origin = origin;
    }

    /** The server for this JVM, resolved on first use. */
    public static synchronized TestDatabaseServer get() {
        if (instance == null) {
            instance = resolve(configuredUrl(), Containers::startIfDockerAnswers, "localhost",
                    fallbackPort(System.getenv("POSTGRES_PORT")));
            LoggerFactory.getLogger(TestDatabaseServer.class).info("Tests use PostgreSQL at {}", instance.describe());
            instance.dropStaleScratchDatabases();
        }
        return instance;
    }

    private static String configuredUrl() {
        String fromEnvironment = System.getenv(URL_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        String fromProperty = System.getProperty(URL_VARIABLE);
        return fromProperty == null || fromProperty.isBlank() ? null : fromProperty;
    }

    /** The port make db-up provisions: POSTGRES_PORT, as the scripts read it, else 5432. */
    static int fallbackPort(String postgresPort) {
        if (postgresPort == null || postgresPort.isBlank()) {
            return 5432;
        }
        try {
            return Integer.parseInt(postgresPort.strip());
        } catch (NumberFormatException e) {
            throw new IllegalStateException("POSTGRES_PORT is '" + postgresPort + "', not a port number.", e);
        }
    }

    /** The resolution order, with its sources passed in so that each branch can be tested. */
    static TestDatabaseServer resolve(String configuredUrl, Supplier<Optional<ConnectionSettings>> container,
            String fallbackHost, int fallbackPort) {
        if (configuredUrl != null) {
            ConnectionSettings settings = ConnectionSettingsResolver.create()
                    .url(configuredUrl)
                    .environment(Map.of())
                    .resolve();
            TestDatabaseServer server = new TestDatabaseServer(settings, URL_VARIABLE);
            server.requireReachable();
            return server;
        }
        Optional<ConnectionSettings> fromContainer = container.get();
        if (fromContainer.isPresent()) {
            return new TestDatabaseServer(fromContainer.get(), CONTAINER_ORIGIN + ", " + Containers.IMAGE);
        }
        ConnectionSettings fallback = ConnectionSettingsResolver.create()
                .url("postgresql://" + fallbackHost + ":" + fallbackPort + "/postgres")
                .user(FALLBACK_USER)
                .password(FALLBACK_PASSWORD)
                .environment(Map.of())
                .resolve();
        TestDatabaseServer server = new TestDatabaseServer(fallback, FALLBACK_ORIGIN);
        server.requireReachable();
        return server;
    }

    private void requireReachable() {
        try (Connection ignored = connectAdmin()) {
            // reachable, and the credentials work
        } catch (SQLException e) {
            throw new IllegalStateException(howToGetOne(e), e);
        }
    }

    private String howToGetOne(SQLException e) {
        return "No PostgreSQL server for the tests: " + describe() + " answered " + admin.redact(e.getMessage())
                + " (SQL state " + e.getSQLState() + ").\n"
                + "The tests need a real PostgreSQL; get one of these:\n"
                + "  - set " + URL_VARIABLE + "=postgresql://<user>:<password>@<host>:<port>/postgres"
                + " (a user allowed to create databases and roles);\n"
                + "  - start a Docker engine (Testcontainers then runs postgres:15-alpine);\n"
                + "  - run `make db-up`, which starts this machine's PostgreSQL and creates the role; or by hand:\n"
                + "      sudo -u postgres psql -c \"CREATE ROLE " + FALLBACK_USER + " LOGIN PASSWORD '"
                + FALLBACK_PASSWORD + "' CREATEDB CREATEROLE\"";
    }

    public Connection connectAdmin() throws SQLException {
        return Jdbc.connect(admin);
    }

    /**
     * Creates an empty database that only the caller uses, owned by a login role of its own with a password no other
     * text contains (so that tests can prove no output shows it); close it to drop both.
     */
    public ScratchDatabase createScratch(String label) {
        String name = scratchName(label);
        String password = "Pw" + randomText(22);
        try (Connection connection = connectAdmin(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE ROLE " + quote(name) + " LOGIN CREATEDB PASSWORD '" + password + "'");
            statement.execute("GRANT " + quote(name) + " TO " + quote(admin.user()));
            statement.execute("CREATE DATABASE " + quote(name) + " OWNER " + quote(name));
        } catch (SQLException e) {
            String fix = "42501".equals(e.getSQLState()) ? " The tests' user needs CREATEDB and CREATEROLE: each"
                    + " scratch database gets a role with a password of its own, so that the tests can prove no"
                    + " output shows it (ALTER ROLE " + quote(admin.user()) + " CREATEDB CREATEROLE;)." : "";
            throw new IllegalStateException("Cannot create the scratch database " + name + " on " + describe() + ": "
                    + admin.redact(e.getMessage()) + fix, e);
        }
        return new ScratchDatabase(this, ConnectionSettingsResolver.create()
                .url(admin.jdbcUrl())
                .user(name)
                .password(password)
                .environment(Map.of())
                .resolve()
                .withDatabase(name));
    }

    private static String randomText(int length) {
        StringBuilder text = new StringBuilder(length);
        String alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
        }
        return text.toString();
    }

    /** Drops a scratch database and its role (named alike), ending its sessions; nothing when they are gone. */
    public void drop(String name) {
        try (Connection connection = connectAdmin(); Statement statement = connection.createStatement()) {
            dropDatabase(statement, name);
            statement.execute("DROP ROLE IF EXISTS " + quote(name));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot drop the scratch database " + name + ": "
                    + admin.redact(e.getMessage()), e);
        }
    }

    /**
     * Drops a database, ending its sessions. An autovacuum worker that just started on it cannot be ended by a user
     * who is not a superuser; it finishes within moments, so the drop is tried again.
     */
    private static void dropDatabase(Statement statement, String database) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                statement.execute("DROP DATABASE IF EXISTS " + quote(database) + " WITH (FORCE)");
                return;
            } catch (SQLException e) {
                if (!"42501".equals(e.getSQLState()) || attempt == 50) {
                    throw e;
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** Scratch databases that a killed test run left behind, more than a day old and unused. */
    private void dropStaleScratchDatabases() {
        String cutoff = STAMP.format(Instant.now().minusSeconds(24 * 3600));
        List<String> stale = new ArrayList<>();
        String sql = """
                SELECT d.datname FROM pg_database d
                WHERE d.datname LIKE 'assistant\\_test\\_%'
                  AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.datname = d.datname)
                UNION
                SELECT r.rolname FROM pg_roles r
                WHERE r.rolname LIKE 'assistant\\_test\\_%'
                  AND NOT EXISTS (SELECT 1 FROM pg_database d WHERE d.datname = r.rolname)
                """;
        try (Connection connection = connectAdmin();
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                String name = rows.getString(1);
                String stamp = stampOf(name);
                if (stamp != null && stamp.compareTo(cutoff) < 0) {
                    stale.add(name);
                }
            }
        } catch (SQLException e) {
            return;
        }
        stale.forEach(name -> {
            try {
                drop(name);
            } catch (IllegalStateException ignored) {
                // another run may be dropping it too
            }
        });
    }

    /** assistant_test_[label_]yyMMddHHmmss_random: the stamp, or null for a name of another shape. */
    static String stampOf(String name) {
        String[] parts = name.split("_");
        if (parts.length < 4) {
            return null;
        }
        String stamp = parts[parts.length - 2];
        return stamp.matches("\\d{12}") ? stamp : null;
    }

    static String scratchName(String label) {
        String cleaned = label == null ? "" : label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_")
                .replaceAll("^_+|_+$", "");
        String suffix = "_" + STAMP.format(Instant.now()) + "_"
                + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36 * 36), 36);
        int room = 63 - SCRATCH_PREFIX.length() - suffix.length();
        if (cleaned.length() > room) {
            cleaned = cleaned.substring(0, room);
        }
        return SCRATCH_PREFIX + (cleaned.isEmpty() ? "db" : cleaned) + suffix;
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    public String host() {
        return admin.host();
    }

    public int port() {
        return admin.port();
    }

    /** True when the server is a Testcontainers PostgreSQL, which ends with the JVM that started it. */
    public boolean inContainer() {
        return origin.startsWith(CONTAINER_ORIGIN);
    }

    /** The admin connection settings (maintenance database), for tests that create their own databases. */
    public ConnectionSettings adminSettings() {
        return admin;
    }

    /** "localhost:5432 as assistant_test (this machine: …)": where, as whom, and why this server. */
    public String describe() {
        return admin.host() + ":" + admin.port() + " as " + admin.user() + " (" + origin + ")";
    }
}
