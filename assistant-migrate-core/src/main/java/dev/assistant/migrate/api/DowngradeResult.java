package dev.assistant.migrate.api;

import java.util.List;
import java.util.Optional;

/**
 * What {@code downgrade} did, or in a dry run, would do.
 *
 * @param database the database, password masked
 * @param plan the plan, with the SQL of every step
 * @param undone the steps carried out, newest first, each with its time
 * @param current the newest applied migration afterwards
 * @param dryRun whether nothing was changed on purpose
 * @param before the newest applied migration when the run started
 */
public record DowngradeResult(String database, DowngradePlan plan, List<Undone> undone,
        Optional<AppliedMigration> current, boolean dryRun, Optional<AppliedMigration> before) {

    public DowngradeResult {
        undone = List.copyOf(undone);
        before = before == null ? Optional.empty() : before;
    }

    /** One undone migration: {@code V3 add index}, the undo script, and how long it took. */
    public record Undone(String label, String script, long millis) {
    }
}
