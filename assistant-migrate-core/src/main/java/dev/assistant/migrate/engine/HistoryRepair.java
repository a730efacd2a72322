package dev.assistant.migrate.engine;

import dev.assistant.migrate.api.MigrationEngineException;
import dev.assistant.migrate.api.RepairRequest.Fix;
import dev.assistant.migrate.api.RepairResult;
import dev.assistant.migrate.api.RepairResult.Change;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;

/**
 * The repair goal: finds the rows of the schema history that block or trouble the goals (failed migrations, checksums
 * and descriptions that no longer match their files) and changes only those of the kinds the user named, all in one
 * transaction, under the migration lock. Without a named kind it changes nothing and says what it would change.
 */
final class HistoryRepair {

    /** A row and the statement that fixes it. */
    private record Planned(Change change, String sql, List<Object> parameters) {
    }

    private static final String INVALID_INDEXES = """
            SELECT n.nspname, c.relname, t.relname FROM pg_index i
            JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE NOT i.indisvalid AND n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'
            ORDER BY 1, 2
            """;

    private final MigrationEngine engine;
    private final Database database;
    private final FlywayFailures failures;

    /** @param engine the engine of the goal: its database, scripts, lock timeout, log and hints */
    HistoryRepair(MigrationEngine engine) {
        this.engine = engine;
        this.database = engine.database();
        this.failures = new FlywayFailures(database, engine.hints());
    }

    RepairResult run(Set<Fix> fixes) {
        try (EngineConnection own = EngineConnection.open(database, engine.log());
                MigrationLock ignored = fixes.isEmpty() ? null
                        : MigrationLock.acquire(own, database, engine.lockTimeout(), "repair", engine.log())) {
            String table = SqlIdentifiers.qualify(own.schema(), HistoryTable.NAME);
            List<Planned> plan = plan(table, own.schema(), fixes);
            List<Planned> chosen = plan.stream().filter(planned -> planned.change().applied()).toList();
            if (!chosen.isEmpty()) {
                apply(own.connection(), chosen);
            }
            List<String> notes = plan.stream().anyMatch(planned -> planned.change().fix() == Fix.FAILED)
                    ? invalidIndexes(own.connection()) : List.of();
            return new RepairResult(database.describe(), plan.stream().map(Planned::change).toList(), fixes, notes);
        }
    }

    private List<Planned> plan(String table, String schema, Set<Fix> fixes) {
        MigrationInfo[] all;
        try {
            all = engine.flyway(MigrateTarget.latest()).info().all();
        } catch (FlywayException e) {
            throw failures.of("read the schema history", schema, e);
        }
        List<Planned> plan = new ArrayList<>();
        for (MigrationInfo info : all) {
            if (!info.isApplied() || info.getInstalledRank() == null) {
                continue;
            }
            int rank = info.getInstalledRank();
            String subject = (info.isVersioned() ? "V" + info.getVersion() : "R") + " (" + info.getDescription() + ")";
            if (info.getState().isFailed()) {
                String recorded = info.getInstalledOn() == null ? ""
                        : ", recorded " + info.getInstalledOn().toInstant().truncatedTo(ChronoUnit.SECONDS);
                plan.add(new Planned(new Change(Fix.FAILED, rank, subject, "failed row of " + info.getScript()
                        + recorded, "removed", fixes.contains(Fix.FAILED)),
                        "DELETE FROM " + table + " WHERE installed_rank = ? AND NOT success", List.of(rank)));
                continue;
            }
            if (info.getType() == null || !"SQL".equals(info.getType().name()) || !info.isVersioned()) {
                continue;
            }
            Integer applied = info.getAppliedChecksum();
            Integer resolved = info.getResolvedChecksum();
            if (applied != null && resolved != null && !applied.equals(resolved)) {
                plan.add(new Planned(new Change(Fix.CHECKSUMS, rank, subject, "checksum " + applied,
                        "checksum " + resolved + " (of " + info.getScript() + " as it is now)",
                        fixes.contains(Fix.CHECKSUMS)),
                        "UPDATE " + table + " SET checksum = ? WHERE installed_rank = ? AND checksum = ?",
                        List.of(resolved, rank, applied)));
            }
            Optional<MigrationScript> file = engine.catalog().migration(info.getVersion());
            if (file.isPresent() && !file.get().description().equals(info.getDescription())) {
                plan.add(new Planned(new Change(Fix.DESCRIPTIONS, rank, subject,
                        "description '" + info.getDescription() + "', script " + info.getScript(),
                        "description '" + file.get().description() + "', script " + file.get().fileName(),
                        fixes.contains(Fix.DESCRIPTIONS)),
                        "UPDATE " + table + " SET description = ?, script = ? WHERE installed_rank = ?"
                                + " AND description = ?",
                        List.of(file.get().description(), file.get().fileName(), rank, info.getDescription())));
            }
        }
        return plan;
    }

    /** Every change in one transaction; a row that changed meanwhile rolls all of them back. */
    private void apply(Connection connection, List<Planned> chosen) {
        try {
            connection.setAutoCommit(false);
            for (Planned planned : chosen) {
                try (PreparedStatement statement = connection.prepareStatement(planned.sql())) {
                    for (int i = 0; i < planned.parameters().size(); i++) {
                        statement.setObject(i + 1, planned.parameters().get(i));
                    }
                    int rows = statement.executeUpdate();
                    if (rows != 1) {
                        connection.rollback();
                        throw new MigrationEngineException("repair changed nothing: the history row of "
                                + planned.change().subject() + " (rank " + planned.change().installedRank()
                                + ") changed while repair ran (" + rows + " rows matched). Run it again: "
                                + engine.hints().repair(planned.change().fix().word()) + ".", false);
                    }
                }
                engine.log().info("Repaired " + planned.change().subject() + ": " + planned.change().before()
                        + " -> "
                        + planned.change().after());
            }
            connection.commit();
        } catch (SQLException e) {
            rollbackQuietly(connection);
            throw new MigrationEngineException("repair changed nothing: updating the history of "
                    + database.describe() + " failed: " + SqlFailures.serverMessage(e) + " (SQL state "
                    + e.getSQLState() + "); the transaction was rolled back.", false, e);
        }
    }

    /** Indexes a failed {@code CREATE INDEX CONCURRENTLY} leaves behind: migrating again would trip over them. */
    private List<String> invalidIndexes(Connection connection) {
        List<String> notes = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(INVALID_INDEXES);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                String index = SqlIdentifiers.qualify(rows.getString(1), rows.getString(2));
                notes.add("The invalid index " + index + " on " + rows.getString(3) + " is left from a failed CREATE"
                        + " INDEX CONCURRENTLY; repair does not touch the schema. Drop it before migrating again:"
                        + " DROP INDEX CONCURRENTLY IF EXISTS " + index + ";");
            }
        } catch (SQLException e) {
            notes.add("Could not look for invalid indexes: " + SqlFailures.serverMessage(e));
        }
        return notes;
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the failure being reported is what matters; closing the connection rolls back anyway
        }
    }
}
