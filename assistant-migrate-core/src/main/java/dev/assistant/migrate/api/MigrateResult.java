package dev.assistant.migrate.api;

import java.util.List;
import java.util.Optional;

/**
 * What {@code migrate} did.
 *
 * @param database the database, password masked
 * @param applied the migrations applied, in order, each with its time
 * @param planned what a dry run would apply (empty when not a dry run)
 * @param current the newest applied migration afterwards
 * @param dryRun whether nothing was changed on purpose
 * @param before the newest applied migration when the run started
 */
public record MigrateResult(String database, List<Applied> applied, List<PendingMigration> planned,
        Optional<AppliedMigration> current, boolean dryRun, Optional<AppliedMigration> before) {

    public MigrateResult {
        applied = List.copyOf(applied);
        planned = List.copyOf(planned);
        before = before == null ? Optional.empty() : before;
    }

    /** One applied migration: {@code V3 add index}, its file, and how long it took. */
    public record Applied(String label, String script, long millis) {
    }
}
