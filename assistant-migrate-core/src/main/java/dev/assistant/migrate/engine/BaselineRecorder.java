package dev.assistant.migrate.engine;

import dev.assistant.migrate.api.MigrationEngineException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
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

    private final MigrationEngine engine;
    private final Database database;
    private final FlywayFailures failures;

    /** @param engine the engine of the goal: its database, scripts, lock timeout, log and hints */
    BaselineRecorder(MigrationEngine engine) {
        this.engine = engine;
        this.database = engine.database();
        this.failures = new FlywayFailures(database, engine.hints());
    }

    Stamp record(Source source) {
        try (EngineConnection own = EngineConnection.open(database, engine.log());
                MigrationLock ignored = MigrationLock.acquire(database, own.schema(), engine.lockTimeout(), "baseline",
                        engine.log())) {
            refuseOnHistory(own);
            Stamp stamp = source.choose(own.connection(), engine.catalog());
            Flyway flyway = Flyway.configure(BaselineRecorder.class.getClassLoader())
                    .configuration(engine.flyway(MigrateTarget.latest(), List.of()).getConfiguration())
                    .baselineVersion(stamp.version())
                    .baselineDescription(stamp.description())
                    .load();
            try {
                flyway.baseline();
            } catch (FlywayException e) {
                throw failures.of("record the baseline", e);
            }
            engine.log().info("Recorded version " + stamp.version() + " (" + stamp.description() + ") as the baseline"
                    + " of " + database.describe() + "; no script ran.");
            return stamp;
        }
    }

    /** A history with rows is never overwritten: the refusal names what it holds. */
    private void refuseOnHistory(EngineConnection own) {
        String table = SqlIdentifiers.qualify(own.schema(), FlywayFactory.HISTORY_TABLE);
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
                        + own.schema() + "." + FlywayFactory.HISTORY_TABLE + ", the newest "
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
