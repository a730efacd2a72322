package dev.assistant.migrate.api;

import java.util.List;
import java.util.Optional;

/**
 * What {@code status} shows.
 *
 * @param database the database, password masked
 * @param locations where the scripts were read from
 * @param current the newest applied versioned migration, if any
 * @param pending the migrations {@code migrate} would apply, in order
 * @param problems everything wrong, each with its fix
 */
public record StatusReport(String database, List<String> locations, Optional<AppliedMigration> current,
        List<PendingMigration> pending, List<Problem> problems) {

    public StatusReport {
        locations = List.copyOf(locations);
        pending = List.copyOf(pending);
        problems = List.copyOf(problems);
    }

    public boolean isUpToDate() {
        return pending.isEmpty() && problems.isEmpty();
    }
}
