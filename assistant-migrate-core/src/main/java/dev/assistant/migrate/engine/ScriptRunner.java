package dev.assistant.migrate.engine;

import dev.assistant.migrate.api.MigrationEngineException;
import dev.assistant.migrate.api.ScriptFailedException;
import dev.assistant.migrate.api.SqlStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Runs scripts on one connection the way migrate and downgrade run them, without Flyway and without a history
 * table: each script split once by Flyway's parser, with Flyway's own placeholders set as Flyway sets them; its
 * statements in one transaction, or, when they may not run in one ({@code CREATE INDEX CONCURRENTLY}), one by one
 * outside any; the session's role and search path restored after each, as Flyway restores them. This is what check
 * replays the chain with on the shadow database: one connection for the whole replay, no rescans, no Flyway per step.
 */
public final class ScriptRunner implements AutoCloseable {

    /** Statements that may draw a sequence's next value. */
    private static final Pattern DRAWS_VALUES = Pattern.compile("\\b(insert|update|copy|merge|nextval|setval|do)\\b");

    private final Connection connection;
    private final String searchPath;
    private final Map<String, String> placeholders;
    private final Map<MigrationScript, List<SqlStatement>> statements = new HashMap<>();

    private ScriptRunner(Connection connection, String searchPath, Map<String, String> placeholders) {
        this.connection = connection;
        this.searchPath = searchPath;
        this.placeholders = placeholders;
    }

    /**
     * Connects to {@code database} once; every script of this runner runs on that connection. Its commits do not wait
     * for the disk ({@code synchronous_commit = off}): the database is a scratch one, thrown away after the replay.
     */
    public static ScriptRunner open(Database database) {
        Connection connection = database.connect();
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT current_schema(), current_user, current_database(),"
                        + " current_setting('search_path'), set_config('synchronous_commit', 'off', false)")) {
            row.next();
            Map<String, String> placeholders = new HashMap<>();
            placeholders.put("flyway:defaultSchema", row.getString(1));
            placeholders.put("flyway:user", row.getString(2));
            placeholders.put("flyway:database", row.getString(3));
            placeholders.put("flyway:timestamp", LocalDateTime.now().format(
                    DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")));
            placeholders.put("flyway:workingDirectory", System.getProperty("user.dir"));
            placeholders.put("flyway:table", HistoryTable.NAME);
            placeholders.put("flyway:environment", "");
            return new ScriptRunner(connection, row.getString(4), placeholders);
        } catch (SQLException e) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the failure to read is what gets reported
            }
            throw database.connectionFailure(e);
        }
    }

    public Connection connection() {
        return connection;
    }

    /** The statements of a script, split once. */
    public List<SqlStatement> statements(MigrationScript script) {
        return statements.computeIfAbsent(script, s -> SqlStatements.of(s, placeholders));
    }

    /** True when the script runs in one transaction, so that it can be run and rolled back. */
    public boolean isTransactional(MigrationScript script) {
        return SqlStatements.transactional(statements(script));
    }

    /**
     * Applies a script for good, as migrate (or downgrade, for an undo) would: in one committed transaction, or
     * statement by statement when it may not run in one. A failure in a transaction is rolled back.
     *
     * @throws ScriptFailedException where it failed, with the server's words
     */
    public void apply(MigrationScript script) {
        apply(script, null);
    }

    /**
     * Applies a script for good as {@link #apply(MigrationScript)} does, with {@code observer} (when not null) told
     * when it starts and after each statement.
     */
    public void apply(MigrationScript script, StatementObserver observer) {
        List<SqlStatement> split = statements(script);
        boolean transactional = SqlStatements.transactional(split);
        SqlStatements.mixedOutlier(split).ifPresent(outside -> {
            throw new ScriptFailedException(script.fileName() + " mixes statements that must run outside a"
                    + " transaction with others", script.file().displayPath(), outside.line(), outside.sql(), null,
                    "a statement such as CREATE INDEX CONCURRENTLY cannot run together with other statements",
                    "Keep it alone in its script.", null);
        });
        try {
            connection.setAutoCommit(!transactional);
            if (observer != null) {
                observe(() -> observer.scriptStarts(connection, script, transactional));
            }
            execute(script, split, observer, transactional);
            if (transactional) {
                connection.commit();
            }
        } catch (MigrationEngineException e) {
            if (transactional) {
                rollbackQuietly();
            }
            throw e;
        } catch (SQLException e) {
            throw failure("commit", e);
        } finally {
            autocommit();
            if (changesSession(split)) {
                restoreSession();
            }
        }
    }

    /** Whether a script may leave the session with another search path or role, which the next must not inherit. */
    private static boolean changesSession(List<SqlStatement> split) {
        return split.stream().map(statement -> statement.sql().toLowerCase(Locale.ROOT))
                .anyMatch(sql -> sql.contains("search_path") || sql.contains("role") || sql.contains("authorization"));
    }

    /** Starts a transaction that {@link #rollback()} will undo, with everything run in it. */
    public void begin() {
        try {
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            throw failure("begin a transaction", e);
        }
    }

    /**
     * Runs a script's statements inside the transaction {@link #begin()} opened; only for scripts that may run in
     * one. A failure leaves the transaction aborted: roll it back.
     */
    public void run(MigrationScript script) {
        execute(script, statements(script), null, true);
    }

    /** Undoes everything since {@link #begin()}, and goes back to committing each statement. */
    public void rollback() {
        try {
            connection.rollback();
        } catch (SQLException e) {
            throw failure("roll back", e);
        } finally {
            autocommit();
        }
    }

    /**
     * Whether a script may draw values from sequences: sequences are not transactional, so running it in a
     * transaction that is rolled back still moves them on, and the ids later scripts get would not be those migrate
     * gives.
     */
    public boolean movesSequences(MigrationScript script) {
        return statements(script).stream().map(statement -> statement.sql().toLowerCase(Locale.ROOT))
                .anyMatch(sql -> DRAWS_VALUES.matcher(sql).find());
    }

    /** Where every sequence of the database stands: its last value, or null when it was never used. */
    public Map<Long, Long> sequenceValues() {
        Map<Long, Long> values = new HashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT seqrelid::bigint, pg_sequence_last_value(seqrelid) FROM pg_sequence")) {
            while (rows.next()) {
                long oid = rows.getLong(1);
                long last = rows.getLong(2);
                values.put(oid, rows.wasNull() ? null : last);
            }
            return values;
        } catch (SQLException e) {
            throw failure("read the sequences", e);
        }
    }

    /** Puts back every sequence that still exists where {@code values} says it stood. */
    public void restoreSequences(Map<Long, Long> values) {
        if (values.isEmpty()) {
            return;
        }
        try (PreparedStatement restore = connection.prepareStatement("""
                SELECT setval(s.oid::regclass, CASE WHEN s.called THEN s.last ELSE q.seqstart END, s.called)
                FROM unnest(?::bigint[], ?::bigint[], ?::boolean[]) AS s(oid, last, called)
                JOIN pg_sequence q ON q.seqrelid = s.oid::oid
                WHERE pg_sequence_last_value(q.seqrelid) IS DISTINCT FROM CASE WHEN s.called THEN s.last END""")) {
            List<Long> oids = List.copyOf(values.keySet());
            restore.setArray(1, connection.createArrayOf("bigint", oids.toArray(Long[]::new)));
            restore.setArray(2, connection.createArrayOf("bigint", oids.stream()
                    .map(oid -> values.get(oid) == null ? 0L : values.get(oid)).toArray(Long[]::new)));
            restore.setArray(3, connection.createArrayOf("boolean", oids.stream()
                    .map(oid -> values.get(oid) != null).toArray(Boolean[]::new)));
            restore.execute();
        } catch (SQLException e) {
            throw failure("put the sequences back", e);
        }
    }

    private void execute(MigrationScript script, List<SqlStatement> split, StatementObserver observer,
            boolean transactional) {
        SqlStatement running = null;
        try (Statement statement = connection.createStatement()) {
            for (SqlStatement sql : split) {
                running = sql;
                SqlStatements.execute(statement, sql);
                if (observer != null) {
                    SqlStatement ran = sql;
                    observe(() -> observer.statementRan(connection, script, ran, transactional));
                }
            }
        } catch (SQLException e) {
            int line = running == null ? 0 : running.line();
            String sql = running == null ? "" : running.sql();
            throw new ScriptFailedException(script.fileName() + " failed", script.file().displayPath(), line, sql,
                    e.getSQLState(), SqlFailures.serverMessage(e), "", e);
        }
    }

    private interface Observation {
        void run() throws SQLException;
    }

    /** An observer's query that fails is a failure of the replay, never of the script. */
    private static void observe(Observation observation) {
        try {
            observation.run();
        } catch (SQLException e) {
            throw failure("observe the locks of the replay", e);
        }
    }

    private void restoreSession() {
        try (PreparedStatement restore = connection.prepareStatement(
                "SELECT set_config('search_path', ?, false), set_config('role', 'none', false)")) {
            restore.setString(1, searchPath);
            restore.execute();
        } catch (SQLException e) {
            throw failure("restore the session's search path", e);
        }
    }

    private void autocommit() {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            throw failure("end the transaction", e);
        }
    }

    private void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the failure of the script is what matters; the server rolls back when the connection closes
        }
    }

    private static MigrationEngineException failure(String what, SQLException e) {
        return new MigrationEngineException("Cannot " + what + " on the shadow database: "
                + SqlFailures.serverMessage(e), false, e);
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // what the replay found is decided; a failure to hang up changes none of it
        }
    }
}
