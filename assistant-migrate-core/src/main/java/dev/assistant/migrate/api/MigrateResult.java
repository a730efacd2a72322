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
 * @param script the psql script of the run, when it was asked for ({@link MigrateRequest#script()}): a header saying
 *     for which database, from which version to which and how to run it, then each migration with its history row
 */
public record MigrateResult(String database, List<Applied> applied, List<PendingMigration> planned,
        Optional<AppliedMigration> current, boolean dryRun, Optional<AppliedMigration> before,
        Optional<String> script) {

    public MigrateResult {
        applied = List.copyOf(applied);
        planned = List.copyOf(planned);
        before = before == null ? Optional.empty() : before;
        script = script == null ? Optional.empty() : script;
    }

    /** Without a script. */
    public MigrateResult(String database, List<Applied> applied, List<PendingMigration> planned,
            Optional<AppliedMigration> current, boolean dryRun, Optional<AppliedMigration> before) {
        this(database, applied, planned, current, dryRun, before, Optional.empty());
    }

    /** One applied migration: {@code V3 add index}, its file, and how long it took. */
    public record Applied(String label, String script, long millis) {
    }
}
