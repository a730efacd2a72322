package dev.assistant.migrate.engine;

import dev.assistant.db.config.ConnectionSettings;
import dev.assistant.migrate.api.Hints;
import dev.assistant.migrate.api.MigrationEngineException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** The target database: connections to it, and failures to connect explained in terms of the settings. */
public final class Database {

    /** How the tool's sessions show up in {@code pg_stat_activity}. */
    public static final String APPLICATION_NAME = "assistant-migrate";
    private static final int RUN_TAG_LENGTH = 4;
    private static final int CONNECT_TIMEOUT_SECONDS = 10;
    /**
     * How often a busy server session checks that its client is still there (PostgreSQL 14+). Without it, a session
     * whose process was killed runs its statement to the end before it notices, and holds its locks until then.
     */
    private static final String CLIENT_CHECK = "-c client_connection_check_interval=1000";

    private final ConnectionSettings settings;
    private final Hints hints;
    private final PGSimpleDataSource dataSource;
    private final String runTag;
    private volatile boolean serverChecked;

    public Database(ConnectionSettings settings, Hints hints) {
        this.settings = settings;
        this.hints = hints;
        this.dataSource = new PGSimpleDataSource();
        dataSource.setURL(settings.jdbcUrl());
        dataSource.setUser(settings.user());
        dataSource.setPassword(settings.password());
        this.runTag = "#" + randomTag();
        if (!settings.parameters().containsKey("ApplicationName")) {
            dataSource.setApplicationName(APPLICATION_NAME + " " + runTag);
        }
        if (!settings.parameters().containsKey("connectTimeout")) {
            dataSource.setConnectTimeout(CONNECT_TIMEOUT_SECONDS);
        }
        if (!settings.parameters().containsKey("tcpKeepAlive")) {
            dataSource.setTcpKeepAlive(true);
        }
    }

    /** A few random letters and digits that tell the sessions of one run from those of another. */
    private static String randomTag() {
        int bound = (int) Math.pow(36, RUN_TAG_LENGTH);
        String tag = Integer.toString(ThreadLocalRandom.current().nextInt(bound), 36);
        return "0".repeat(RUN_TAG_LENGTH - tag.length()) + tag;
    }

    /**
     * What the application name of every session of this run ends with, e.g. {@code #k3x9} in
     * {@code assistant-migrate #k3x9}, so that whoever waits for the migration lock can name all sessions of the run
     * that holds it.
     */
    public String runTag() {
        return runTag;
    }

    public ConnectionSettings settings() {
        return settings;
    }

    public Hints hints() {
        return hints;
    }

    /** The database as every message shows it: the URL with the password masked. */
    public String describe() {
        return settings.maskedUrl();
    }

    /** A data source for Flyway; connection failures from it surface as Flyway exceptions. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** Opens a connection, or fails with a message that says why and what to change. */
    public Connection connect() {
        try {
            Connection connection = dataSource.getConnection();
            if (!serverChecked) {
                watchForVanishedClients(connection);
            }
            return connection;
        } catch (SQLException e) {
            throw connectionFailure(e);
        }
    }

    /** From the first connection on, sessions of a server that can check that their client is alive do so. */
    private synchronized void watchForVanishedClients(Connection first) throws SQLException {
        if (serverChecked) {
            return;
        }
        serverChecked = true;
        if (first.getMetaData().getDatabaseMajorVersion() >= 14 && !settings.parameters().containsKey("options")) {
            dataSource.setOptions(CLIENT_CHECK);
            try (var statement = first.createStatement()) {
                statement.execute("SET client_connection_check_interval = 1000");
            }
        }
    }

    /** Explains a failure to connect: which server, which setting, and the command that fixes it. */
    public MigrationEngineException connectionFailure(SQLException e) {
        String server = settings.host() + ":" + settings.port();
        String sqlState = e.getSQLState() == null ? "" : e.getSQLState();
        Throwable root = rootCause(e);
        String message;
        boolean userFixable = true;
        if (root instanceof UnknownHostException) {
            message = "Cannot resolve the database host '" + settings.host() + "' (" + describe() + ")."
                    + ("postgresql".equals(settings.host())
                    ? " That name only exists inside Docker Compose; from this machine use " + hints.local()
                    + ", or set DATABASE_URL."
                    : " Check the host in DATABASE_URL / POSTGRES_HOST / " + hints.setting(Hints.Setting.URL) + ".");
        } else if (root instanceof ConnectException || root instanceof NoRouteToHostException) {
            message = "No PostgreSQL server answers at " + server + " (" + describe() + "). Start one with "
                    + hints.startDatabase() + ", or point DATABASE_URL / " + hints.setting(Hints.Setting.URL)
                    + " at a running server.";
            userFixable = false;
        } else if (root instanceof SocketTimeoutException || sqlState.startsWith("08") && root != e) {
            message = "Connecting to " + server + " failed: " + settings.redact(String.valueOf(root.getMessage()))
                    + " (" + describe() + "). Check that the server is up and reachable from here.";
            userFixable = false;
        } else if ("28P01".equals(sqlState)) {
            message = "PostgreSQL at " + server + " rejected the password for user '" + settings.user()
                    + "' (SQL state 28P01). The password came from "
                    + settings.describeSource(ConnectionSettings.Field.PASSWORD)
                    + "; correct it there.";
        } else if ("3D000".equals(sqlState)) {
            message = "The database '" + settings.database() + "' does not exist on " + server + " (SQL state 3D000)."
                    + " Create it (createdb -h " + settings.host() + " -p " + settings.port() + " -U " + settings.user()
                    + " " + settings.database() + ") or run " + hints.startDatabase() + ".";
        } else if ("28000".equals(sqlState)) {
            message = "PostgreSQL at " + server + " does not let user '" + settings.user() + "' connect to '"
                    + settings.database() + "': " + settings.redact(serverMessage(e)) + " (SQL state 28000)."
                    + " Create the role or allow it in pg_hba.conf; " + hints.startDatabase()
                    + " sets up temporal/temporal.";
        } else {
            message = "Cannot connect to " + describe() + ": " + settings.redact(serverMessage(e))
                    + (sqlState.isEmpty() ? "" : " (SQL state " + sqlState + ")") + ".";
            userFixable = false;
        }
        return new MigrationEngineException(message, userFixable, e);
    }

    /**
     * Explains a missing privilege (SQL state 42501) of the engine's own work on the history table: who lacks it,
     * where, and what to grant.
     *
     * @param action what was attempted, e.g. "to create the schema history table"; null when unknown
     * @param schema the schema the history table is in
     */
    public MigrationEngineException lacksPrivilege(String action, String schema, SQLException e) {
        String user = settings.user();
        return new MigrationEngineException("User '" + user + "' lacks a privilege on " + describe()
                + (action == null ? "" : " " + action) + ": " + settings.redact(SqlFailures.serverMessage(e))
                + " (SQL state 42501). Nothing was changed. Run migrations as the owner of the schema and its "
                + HistoryTable.NAME + " table, or grant what is missing (e.g. GRANT CREATE ON SCHEMA "
                + SqlIdentifiers.quote(schema) + " TO " + SqlIdentifiers.quote(user) + ";).", true, e);
    }


    /**
     * The server runs the session read-only (SQL state 25006), so no migration, undo or history row can be written:
     * the connection's fault, not a script's.
     *
     * @param action what was refused, e.g. "Migration V2__add.sql was refused and rolled back"
     * @param state what the database is at, e.g. "the database is at version 1 (one)."
     * @param again the command to run once the cause is gone
     */
    public MigrationEngineException readOnly(String action, String state, String again, SQLException e) {
        return new MigrationEngineException(action + ": " + describe() + " runs this session read-only ("
                + settings.redact(SqlFailures.serverMessage(e)) + ", SQL state 25006); " + state + " Either"
                + " default_transaction_read_only is on for the database or for user '" + settings.user() + "', or the"
                + " server is a standby. Connect to the primary, or turn it off (ALTER DATABASE "
                + SqlIdentifiers.quote(settings.database()) + " SET default_transaction_read_only = off;), then "
                + again + ".", true, e);
    }

    private static String serverMessage(SQLException e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
