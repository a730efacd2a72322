package dev.assistant.migrate.engine;

import dev.assistant.migrate.api.EngineLog;
import dev.assistant.migrate.api.Hints;
import dev.assistant.migrate.api.MigrationEngineException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The lock every run that changes the schema history (migrate, downgrade) holds from start to end, so that two runs
 * never interleave: a session-level PostgreSQL advisory lock, taken by the session that runs the migrations itself.
 * The lock therefore cannot outlive the work or the work the lock: when the session ends (killed, timed out, cut off),
 * the statement it runs fails and its transaction rolls back. A statement can still release the session's advisory
 * locks ({@code pg_advisory_unlock_all()}, {@code DISCARD ALL}), so every history row is written and removed only
 * while the lock is held ({@link #guard()}). The session is made immune to idle timeouts, and the server sends it
 * TCP keepalives, so that neither the server nor a proxy ends it while it waits between statements.
 *
 * <p>Besides its own key, the lock takes the key Flyway locks the same history table with, so that Flyway's own tools
 * (its command line, its Maven plugin) wait for a run of this engine and it waits for theirs. Advisory locks hold no
 * transaction open, so {@code CREATE INDEX CONCURRENTLY} is not left waiting for them.
 */
public final class MigrationLock implements AutoCloseable {

    /** "asmg" in the high 32 bits keeps the key apart from Flyway's own lock and from other applications. */
    private static final long KEY_PREFIX = 0x61736d67L << 32;
    /** "Flyway" in ASCII: Flyway adds the hash of the quoted history table name to it for its lock on that table. */
    private static final long FLYWAY_KEY_BASE = 0x466c79776179L;
    private static final long POLL_MILLIS = 200;
    private static final int STAMP_LENGTH = 63;

    private final Connection connection;
    private final long key;
    private final long flywayKey;

    private MigrationLock(Connection connection, long key, long flywayKey) {
        this.connection = connection;
        this.key = key;
        this.flywayKey = flywayKey;
    }

    /** The lock key for a schema history table: one lock per database and history table. */
    static long keyFor(String schema, String historyTable) {
        return KEY_PREFIX | ((schema + "." + historyTable).hashCode() & 0xffffffffL);
    }

    /** The key Flyway's own lock on the same history table uses. */
    static long flywayKeyFor(String schema, String historyTable) {
        return FLYWAY_KEY_BASE + SqlIdentifiers.qualify(schema, historyTable).hashCode();
    }

    /**
     * Waits up to {@code timeout} for the lock on the session of {@code own}, naming the holder once while waiting
     * and in the failure when the time is up.
     */
    static MigrationLock acquire(EngineConnection own, Database database, Duration timeout, String purpose,
            EngineLog log) {
        Hints hints = database.hints();
        Connection connection = own.connection();
        long key = keyFor(own.schema(), HistoryTable.NAME);
        long flywayKey = flywayKeyFor(own.schema(), HistoryTable.NAME);
        try {
            connection.setAutoCommit(true);
            Instant deadline = Clock.systemUTC().instant().plus(timeout);
            boolean announced = false;
            while (!tryLock(connection, key, flywayKey)) {
                if (!announced) {
                    log.info("Waiting for another run to finish (up to " + timeout.toSeconds() + " s): "
                            + holders(connection, key, flywayKey).describe());
                    announced = true;
                }
                if (Clock.systemUTC().instant().isAfter(deadline)) {
                    Holders holders = holders(connection, key, flywayKey);
                    List<Integer> pids = holders.pids();
                    throw new MigrationEngineException("Gave up waiting for the migration lock after "
                            + timeout.toSeconds() + " s; it is held by " + holders.describe()
                            + ". Wait for that run to finish, or, if it is stuck, end " + (pids.size() > 1
                            ? "all its sessions" : "it") + " with SELECT pg_terminate_backend(pid) FROM"
                            + " pg_stat_activity WHERE pid IN (" + (pids.isEmpty() ? "<pid>" : join(pids))
                            + "); then run again. " + hints.setting(Hints.Setting.LOCK_TIMEOUT, "<seconds>")
                            + " waits longer.", false);
                }
                Thread.sleep(POLL_MILLIS);
            }
            keepAlive(connection, purpose, database);
            return new MigrationLock(connection, key, flywayKey);
        } catch (SQLException e) {
            throw SqlFailures.isConnectionLoss(e) ? database.connectionFailure(e)
                    : new MigrationEngineException("Cannot take the migration lock on " + database.describe() + ": "
                    + SqlFailures.serverMessage(e), false, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MigrationEngineException("Interrupted while waiting for the migration lock.", false, e);
        }
    }

    /** Both keys, or neither: a half-taken pair is released at once. */
    private static boolean tryLock(Connection connection, long key, long flywayKey) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT CASE WHEN NOT pg_try_advisory_lock(?) THEN false
                            WHEN pg_try_advisory_lock(?) THEN true
                            ELSE NOT pg_advisory_unlock(?) END""")) {
            statement.setLong(1, key);
            statement.setLong(2, flywayKey);
            statement.setLong(3, key);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    /**
     * Makes the session that holds the lock immune to the server's idle timeouts, has the server send it TCP
     * keepalives (a connection that carries no traffic for minutes is what proxies and NAT tables drop), and records
     * in its application name what holds the lock and since when, for whoever waits for it.
     */
    private static void keepAlive(Connection connection, String purpose, Database database) throws SQLException {
        String stamp = Database.APPLICATION_NAME + " " + purpose + " since "
                + Instant.now().truncatedTo(ChronoUnit.SECONDS) + " " + database.runTag();
        boolean idleSessionTimeout = connection.getMetaData().getDatabaseMajorVersion() >= 14;
        try (PreparedStatement statement = connection.prepareStatement("SELECT set_config('application_name', ?,"
                + " false), set_config('idle_in_transaction_session_timeout', '0', false),"
                + (idleSessionTimeout ? " set_config('idle_session_timeout', '0', false)," : "")
                + " set_config('tcp_keepalives_idle', '60', false), set_config('tcp_keepalives_interval', '10', false),"
                + " set_config('tcp_keepalives_count', '6', false)")) {
            statement.setString(1, stamp.length() > STAMP_LENGTH ? stamp.substring(0, STAMP_LENGTH) : stamp);
            statement.execute();
        }
    }

    /**
     * An SQL condition that holds while this session still holds the lock: history rows are written and removed
     * under it, so that a migration whose lock was released is rolled back instead of recorded.
     */
    String guard() {
        return guard(key);
    }

    /** {@link #guard()} for the lock of {@code key}, on whichever session holds it. */
    static String guard(long key) {
        return "EXISTS (SELECT 1 FROM pg_catalog.pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()"
                + " AND granted AND objsubid = 1 AND database = (SELECT oid FROM pg_catalog.pg_database"
                + " WHERE datname = current_database()) AND classid::bigint = " + (key >>> 32)
                + " AND objid::bigint = " + (key & 0xffffffffL) + ")";
    }

    /** Whether this session still holds the lock. */
    boolean isHeld() throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT " + guard())) {
            return result.next() && result.getBoolean(1);
        }
    }

    /** What a run says when it finds its lock gone: the only way it goes while the session lives, and the risk. */
    static String lostBecause(String when) {
        return "The migration lock was no longer held " + when + ": a statement run in this session released it"
                + " (pg_advisory_unlock_all(), DISCARD ALL), so another run may have started.";
    }

    /**
     * The sessions that hold the lock, and every other session of their runs (the same tag in the application name):
     * what a waiter names, and what ending the holder means.
     */
    record Holders(List<String> holders, List<String> others, List<Integer> pids) {

        /**
         * "pid 4242 (assistant-migrate migrate since 2026-11-24T10:00:00Z #k3x9, user temporal, connected since ...);
         * other sessions of that run: pid 4250 (active: CREATE INDEX …)".
         */
        String describe() {
            if (holders.isEmpty()) {
                return "another session (it released the lock meanwhile)";
            }
            return String.join(", ", holders) + (others.isEmpty() ? "" : "; other sessions of that run: "
                    + String.join(", ", others));
        }
    }

    static Holders holders(Connection connection, long key, long flywayKey) throws SQLException {
        List<String> holders = new ArrayList<>();
        List<String> others = new ArrayList<>();
        Set<Integer> pids = new LinkedHashSet<>();
        Set<String> runs = new LinkedHashSet<>();
        try (PreparedStatement statement = connection.prepareStatement(HOLDERS)) {
            statement.setLong(1, flywayKey & 0xffffffffL);
            statement.setLong(2, flywayKey >>> 32);
            statement.setLong(3, key >>> 32);
            statement.setLong(4, key & 0xffffffffL);
            statement.setLong(5, flywayKey >>> 32);
            statement.setLong(6, flywayKey & 0xffffffffL);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Timestamp connectedSince = rows.getTimestamp("backend_start");
                    String application = rows.getString("application_name");
                    pids.add(rows.getInt("pid"));
                    holders.add("pid " + rows.getInt("pid")
                            + " (" + orUnknown(application)
                            + ", user " + orUnknown(rows.getString("usename"))
                            + (rows.getString("client") == null ? "" : ", from " + rows.getString("client"))
                            + (connectedSince == null ? "" : ", connected since " + connectedSince.toInstant()
                                    .truncatedTo(ChronoUnit.SECONDS))
                            + (rows.getBoolean("flyway_only") ? ", a Flyway run" : "") + ")");
                    runTag(application).ifPresent(runs::add);
                }
            }
        }
        for (String run : runs) {
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT a.pid, a.state, left(regexp_replace(a.query, '\\s+', ' ', 'g'), 60) AS query
                    FROM pg_catalog.pg_stat_activity a
                    WHERE a.application_name LIKE ? AND right(a.application_name, length(?)) = ?
                      AND a.pid <> pg_backend_pid()
                    ORDER BY a.pid""")) {
                statement.setString(1, Database.APPLICATION_NAME + " %");
                statement.setString(2, " " + run);
                statement.setString(3, " " + run);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        if (pids.add(rows.getInt("pid"))) {
                            String query = rows.getString("query");
                            others.add("pid " + rows.getInt("pid") + " (" + orUnknown(rows.getString("state"))
                                    + (query == null || query.isBlank() ? "" : ": " + query) + ")");
                        }
                    }
                }
            }
        }
        return new Holders(holders, others, List.copyOf(pids));
    }

    private static final String HOLDERS = """
            SELECT a.pid, a.application_name, a.usename, host(a.client_addr) AS client, a.backend_start,
                   bool_and(l.objid::bigint = ? AND l.classid::bigint = ?) AS flyway_only
            FROM pg_catalog.pg_locks l JOIN pg_catalog.pg_stat_activity a ON a.pid = l.pid
            WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
              AND l.database = (SELECT oid FROM pg_catalog.pg_database WHERE datname = current_database())
              AND ((l.classid::bigint = ? AND l.objid::bigint = ?) OR (l.classid::bigint = ? AND l.objid::bigint = ?))
            GROUP BY a.pid, a.application_name, a.usename, a.client_addr, a.backend_start
            ORDER BY a.pid
            """;

    /** {@code #k3x9} from an application name a run of this engine gives its sessions, if it is one. */
    private static Optional<String> runTag(String applicationName) {
        if (applicationName == null || !applicationName.startsWith(Database.APPLICATION_NAME + " ")) {
            return Optional.empty();
        }
        String last = applicationName.substring(applicationName.lastIndexOf(' ') + 1);
        return last.startsWith("#") ? Optional.of(last) : Optional.empty();
    }

    private static String join(List<Integer> pids) {
        return String.join(", ", pids.stream().map(String::valueOf).toList());
    }

    private static String orUnknown(String value) {
        return value == null || value.isBlank() ? "no application name" : value;
    }

    /** Releases both keys; the session stays open for its owner, who closes it. */
    @Override
    public void close() {
        try (PreparedStatement statement =
                connection.prepareStatement("SELECT pg_advisory_unlock(?), pg_advisory_unlock(?)")) {
            statement.setLong(1, key);
            statement.setLong(2, flywayKey);
            statement.execute();
        } catch (SQLException ignored) {
            // closing the session releases the lock anyway
        }
    }
}
