package dev.assistant.migrate.engine;

import dev.assistant.migrate.api.EngineLog;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;

/**
 * Says what a statement that runs long is waiting for: the sessions that block it ({@code pg_blocking_pids}), with
 * their pid and what they do. {@code CREATE INDEX CONCURRENTLY} waits until every transaction that started before it
 * has ended, and an {@code ALTER TABLE} for every lock on its table, however long that is; without this the run would
 * wait in silence. It looks from a connection of its own, opened the first time a statement runs long, and speaks
 * again only when the sessions it waits for change.
 */
final class StatementWatch implements AutoCloseable {

    private static final long FIRST_LOOK_MILLIS = 2_000;
    private static final long LOOK_AGAIN_MILLIS = 5_000;

    private final Database database;
    private final EngineLog log;
    private final int watchedPid;
    private ScheduledThreadPoolExecutor timer;
    private ScheduledFuture<?> looking;
    private Connection observer;
    private String lastSaid;

    /** @param watched the session whose statements are watched */
    StatementWatch(Database database, Connection watched, EngineLog log) {
        this.database = database;
        this.log = log;
        this.watchedPid = pid(watched);
    }

    private static int pid(Connection connection) {
        try {
            return connection.unwrap(PGConnection.class).getBackendPID();
        } catch (SQLException e) {
            return 0;
        }
    }

    /** The statement {@code where} (e.g. "V3__index.sql:1 (CREATE INDEX …)") starts running. */
    void started(String where) {
        if (watchedPid == 0) {
            return;
        }
        if (timer == null) {
            timer = new ScheduledThreadPoolExecutor(1, runnable -> {
                Thread thread = Executors.defaultThreadFactory().newThread(runnable);
                thread.setName("assistant-migrate statement watch");
                thread.setDaemon(true);
                return thread;
            });
            timer.setRemoveOnCancelPolicy(true);
        }
        long since = System.nanoTime();
        looking = timer.scheduleWithFixedDelay(() -> look(where, since), FIRST_LOOK_MILLIS, LOOK_AGAIN_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    /** The statement ended, one way or another. */
    void finished() {
        if (looking != null) {
            looking.cancel(false);
            looking = null;
        }
    }

    private void look(String where, long since) {
        try {
            List<String> blockers = blockers();
            String said = String.join(", ", blockers);
            if (blockers.isEmpty() || said.equals(lastSaid)) {
                return;
            }
            lastSaid = said;
            long waited = Duration.ofNanos(System.nanoTime() - since).toSeconds();
            log.info(where + " has waited " + waited + " s for " + said + ". It goes on once "
                    + (blockers.size() == 1 ? "that session ends its transaction" : "those sessions end their"
                    + " transactions") + (where.contains("CONCURRENTLY") ? " (CREATE INDEX CONCURRENTLY waits for"
                    + " every transaction that started before it)" : "") + "; SELECT pg_terminate_backend(<pid>)"
                    + " ends one.");
        } catch (SQLException | RuntimeException e) {
            log.debug("Could not see what " + where + " waits for: " + e.getMessage());
        }
    }

    private List<String> blockers() throws SQLException {
        if (observer == null) {
            observer = database.connect();
        }
        List<String> blockers = new ArrayList<>();
        try (PreparedStatement statement = observer.prepareStatement("""
                SELECT b.pid, b.application_name, b.usename, b.state, coalesce(b.xact_start, b.query_start) AS since,
                       left(regexp_replace(b.query, '\\s+', ' ', 'g'), 60) AS query
                FROM pg_catalog.pg_stat_activity b
                WHERE b.pid = ANY (pg_catalog.pg_blocking_pids(?))
                ORDER BY b.pid""")) {
            statement.setInt(1, watchedPid);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Timestamp since = rows.getTimestamp("since");
                    String query = rows.getString("query");
                    blockers.add("pid " + rows.getInt("pid") + " (" + orNone(rows.getString("application_name"))
                            + ", user " + rows.getString("usename") + ", "
                            + (rows.getString("state") == null ? "state unknown" : rows.getString("state"))
                            + (since == null ? "" : " since " + since.toInstant().truncatedTo(ChronoUnit.SECONDS))
                            + (query == null || query.isBlank() ? "" : ": " + query) + ")");
                }
            }
        }
        return blockers;
    }

    private static String orNone(String value) {
        return value == null || value.isBlank() ? "no application name" : value;
    }

    @Override
    public void close() {
        finished();
        if (timer != null) {
            timer.shutdownNow();
            try {
                timer.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (observer != null) {
            try {
                observer.close();
            } catch (SQLException ignored) {
                // only ever read from
            }
        }
    }
}
