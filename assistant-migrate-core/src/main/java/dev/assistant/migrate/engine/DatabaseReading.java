package dev.assistant.migrate.engine;

import dev.assistant.migrate.api.AppliedMigration;
import dev.assistant.migrate.api.PendingMigration;
import dev.assistant.migrate.api.Problem;
import java.util.List;
import java.util.Optional;

/**
 * One reading of a database's history against the scripts: what check starts from.
 *
 * @param database the database, password masked
 * @param current the newest applied versioned migration, if any
 * @param applied the applied migrations in the order applied
 * @param pending the migrations {@code migrate} would apply, in order
 * @param problems everything wrong with the scripts and the history
 */
public record DatabaseReading(String database, Optional<AppliedMigration> current, List<AppliedMigration> applied,
        List<PendingMigration> pending, List<Problem> problems) {

    public DatabaseReading {
        applied = List.copyOf(applied);
        pending = List.copyOf(pending);
        problems = List.copyOf(problems);
    }
}
