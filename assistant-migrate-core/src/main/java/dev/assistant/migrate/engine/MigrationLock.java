package dev.assistant.migrate.engine;

import dev.assistant.migrate.api.EngineLog;
import dev.assistant.migrate.api.Hints;
import dev.assistant.migrate.api.MigrationEngineException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A session-level PostgreSQL advisory lock that every changing run (migrate, downgrade) holds from start to end, so
 * that two runs never interleave. It lives on its own connection, idle and outside any transaction, so that
 * {@code CREATE INDEX CONCURRENTLY} in a migration is not left waiting for it. It is released on close, and by the
 * server when the process dies.
 */
public final class MigrationLock implements AutoCloseable {

    /** "asmg" in the high 32 bits keeps the key apart from Flyway's own lock and from other applications. */
    private static final long KEY_PREFIX = 0x61736d67L << 32;
    private static final long POLL_MILLIS = 200;

    private final Connection connection;
    private final long key;

    private MigrationLock(Connection connection, long key) {
        this.connection = connection;
        this.key = key;
    }

    /** The lock key for a schema history table: one lock per database and history table. */
    static long keyFor(String schema, String historyTable) {
        return KEY_PREFIX | ((schema + "." + historyTable).hashCode() & 0xffffffffL);
    }

    /**
     * Waits up to {@code timeout} for the lock, naming the holder once while waiting and in the failure when the
     * time is up.
     */
    static MigrationLock acquire(Database database, String schema, Duration timeout, String purpose, EngineLog log) {
        Hints hints = database.hints();
        long key = keyFor(schema, FlywayFactory.HISTORY_TABLE);
        Connection connection = database.connect();
        try {
            connection.setAutoCommit(true);
            Instant deadline = Clock.systemUTC().instant().plus(timeout);
            boolean announced = false;
            while (!tryLock(connection, key)) {
                if (!announced) {
                    log.info("Waiting for another run to finish (up to " + timeout.toSeconds() + " s): "
                            + describeHolders(connection, key));
                    announced = true;
                }
                if (Clock.systemUTC().instant().isAfter(deadline)) {
                    throw new MigrationEngineException("Gave up waiting for the migration lock after "
                            + timeout.toSeconds() + " s; it is held by " + describeHolders(connection, key)
                            + ". Wait for that run to finish, or, if it is stuck, end it with"
                            + " SELECT pg_terminate_backend(<pid>); then run again. "
                            + hints.setting(Hints.Setting.LOCK_TIMEOUT, "<seconds>") + " waits longer.", false);
                }
                Thread.sleep(POLL_MILLIS);
            }
            stampHolder(connection, purpose);
            return new MigrationLock(connection, key);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new MigrationEngineException("Cannot take the migration lock on " + database.describe() + ": "
                    + e.getMessage(), false, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly(connection);
            throw new MigrationEngineException("Interrupted while waiting for the migration lock.", false, e);
        } catch (RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    private static boolean tryLock(Connection connection, long key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            statement.setLong(1, key);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    /** Records in the session's application name what holds the lock and since when, for whoever waits for it. */
    private static void stampHolder(Connection connection, String purpose) throws SQLException {
        String stamp = Database.APPLICATION_NAME + " " + purpose + " since "
                + Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (PreparedStatement statement =
                connection.prepareStatement("SELECT set_config('application_name', ?, false)")) {
            statement.setString(1, stamp.length() > 63 ? stamp.substring(0, 63) : stamp);
            statement.execute();
        }
    }

    /** "pid 4242 (assistant-migrate migrate since 2026-11-24T10:00:00Z, user temporal, connected since ...)" */
    static String describeHolders(Connection connection, long key) throws SQLException {
        String sql = """
                SELECT a.pid, a.application_name, a.usename, host(a.client_addr) AS client, a.backend_start
                FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
                WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
                  AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
                  AND l.classid::bigint = ? AND l.objid::bigint = ?
                """;
        List<String> holders = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, key >>> 32);
            statement.setLong(2, key & 0xffffffffL);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Timestamp connectedSince = rows.getTimestamp("backend_start");
                    holders.add("pid " + rows.getInt("pid")
                            + " (" + orUnknown(rows.getString("application_name"))
                            + ", user " + orUnknown(rows.getString("usename"))
                            + (rows.getString("client") == null ? "" : ", from " + rows.getString("client"))
                            + (connectedSince == null ? "" : ", connected since " + connectedSince.toInstant()
                                    .truncatedTo(ChronoUnit.SECONDS)) + ")");
                }
            }
        }
        return holders.isEmpty() ? "another session (it released the lock meanwhile)" : String.join(", ", holders);
    }

    private static String orUnknown(String value) {
        return value == null || value.isBlank() ? "no application name" : value;
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the connection is being abandoned after an earlier failure, which is what gets reported
        }
    }

    @Override
    public void close() {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            statement.setLong(1, key);
            statement.execute();
        } catch (SQLException ignored) {
            // closing the session below releases the lock anyway
        } finally {
            closeQuietly(connection);
        }
    }
}
