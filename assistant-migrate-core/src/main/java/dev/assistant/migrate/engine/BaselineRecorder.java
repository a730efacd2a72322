package dev.assistant.migrate.engine;

import dev.assistant.migrate.api.MigrationEngineException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Records a version in the schema history as Flyway's own baseline row (type {@code BASELINE}), so that Flyway and
 * every goal read the database as being at that version without any script having run there. It refuses on a
 * database that already has a history, and does all of it under the migration lock.
 */
public final class BaselineRecorder {

    /** What to record; chosen under the lock, once the database is known to have no history. */
    public interface Source {

        /**
         * @param connection the engine's connection to the database, e.g. to read its schema
         * @param catalog the scripts
         */
        Stamp choose(Connection connection, MigrationCatalog catalog);
    }

    /** The version and the description the baseline row gets. */
    public record Stamp(MigrationVersion version, String description) {
    }

    /** Flyway's type of a baseline row. */
    private static final String BASELINE = "BASELINE";

    private final MigrationEngine engine;
    private final Database database;

    /** @param engine the engine of the goal: its database, scripts, lock timeout, log and hints */
    BaselineRecorder(MigrationEngine engine) {
        this.engine = engine;
        this.database = engine.database();
    }

    Stamp record(Source source) {
        try (EngineConnection own = EngineConnection.open(database, engine.log());
                MigrationLock lock = MigrationLock.acquire(own, database, engine.lockTimeout(), "baseline",
                        engine.log())) {
            refuseOnHistory(own);
            Stamp stamp = source.choose(own.connection(), engine.catalog());
            writeRow(own, lock, stamp);
            engine.log().info("Recorded version " + stamp.version() + " (" + stamp.description() + ") as the baseline"
                    + " of " + database.describe() + "; no script ran.");
            return stamp;
        }
    }

    /**
     * The history table, when missing, and Flyway's baseline row (type BASELINE, the description as its script, no
     * checksum), in one transaction on the session that holds the lock, written only while it holds it.
     */
    private void writeRow(EngineConnection own, MigrationLock lock, Stamp stamp) {
        HistoryTable history = own.history();
        Connection connection = own.connection();
        try {
            boolean exists = history.presence(connection).exists();
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                if (!exists) {
                    for (String sql : history.createStatements()) {
                        statement.execute(sql);
                    }
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(history.insert(lock.guard()))) {
                String description = HistoryTable.description(stamp.description());
                insert.setString(1, stamp.version().getVersion());
                insert.setString(2, description);
                insert.setString(3, BASELINE);
                insert.setString(4, HistoryTable.script(description));
                insert.setNull(5, Types.INTEGER);
                insert.setString(6, own.user());
                insert.setInt(7, 0);
                insert.setBoolean(8, true);
                try (ResultSet row = insert.executeQuery()) {
                    if (!row.next()) {
                        connection.rollback();
                        throw new MigrationEngineException("Lost the migration lock of " + database.describe()
                                + " before the baseline was recorded; nothing was changed. Run "
                                + engine.hints().baseline("<message>") + " again.", false);
                    }
                }
            }
            connection.commit();
        } catch (SQLException e) {
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                // the failure below says what happened; the server rolls back an ended session's transaction
            }
            throw SqlFailures.isConnectionLoss(e) ? database.connectionFailure(e)
                    : new MigrationEngineException("Cannot record the baseline in " + history.qualified() + " of "
                    + database.describe() + ": " + SqlFailures.serverMessage(e) + " (SQL state " + e.getSQLState()
                    + "). Nothing was changed.", true, e);
        } finally {
            try {
                connection.setAutoCommit(true);
            } catch (SQLException ignored) {
                // the connection is closed with the goal
            }
        }
    }

    /** A history with rows is never overwritten: the refusal names what it holds. */
    private void refuseOnHistory(EngineConnection own) {
        String table = SqlIdentifiers.qualify(own.schema(), HistoryTable.NAME);
        String sql = "SELECT count(*) OVER (), version, description, type, installed_on, success FROM " + table
                + " ORDER BY installed_rank DESC LIMIT 1";
        try (PreparedStatement exists = own.connection().prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            exists.setString(1, table);
            try (ResultSet result = exists.executeQuery()) {
                if (!result.next() || !result.getBoolean(1)) {
                    return;
                }
            }
            try (PreparedStatement newest = own.connection().prepareStatement(sql);
                    ResultSet row = newest.executeQuery()) {
                if (!row.next()) {
                    return;
                }
                Timestamp installedOn = row.getTimestamp(5);
                throw new MigrationEngineException("baseline refused: " + database.describe() + " already has a schema"
                        + " history, " + row.getLong(1) + " row" + (row.getLong(1) == 1 ? "" : "s") + " in "
                        + own.schema() + "." + HistoryTable.NAME + ", the newest "
                        + (row.getString(2) == null ? "" : "V" + row.getString(2) + " ") + "(" + row.getString(3)
                        + ", " + row.getString(4) + (row.getBoolean(6) ? "" : ", failed")
                        + (installedOn == null ? "" : ", recorded " + installedOn.toInstant()) + "). Baseline is for a"
                        + " database whose schema was built without these migrations; nothing was changed. See where"
                        + " this one stands with " + engine.hints().status() + ".", true);
            }
        } catch (SQLException e) {
            throw new MigrationEngineException("Cannot read the schema history of " + database.describe() + ": "
                    + e.getMessage(), false, e);
        }
    }
}
