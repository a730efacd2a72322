package dev.assistant.migrate.api;

import java.util.List;

/**
 * What {@code history} shows.
 *
 * @param database the database, password masked
 * @param applied the schema history, in the order it was applied
 * @param pending the migrations not applied yet, in the order {@code migrate} would apply them
 */
public record HistoryReport(String database, List<AppliedMigration> applied, List<PendingMigration> pending) {

    public HistoryReport {
        applied = List.copyOf(applied);
        pending = List.copyOf(pending);
    }
}
