package dev.assistant.migrate.api;

import java.time.Duration;
import java.util.Objects;

/**
 * {@code migrate}: apply the pending migrations.
 *
 * @param workspace the database and the scripts
 * @param target the version to stop at as the user typed it ({@code 3}, {@code 1.2}, {@code 20261124153000}), or
 *     {@code latest}; null or blank means latest
 * @param dryRun list what would be applied, and change nothing
 * @param lockTimeout how long to wait for another run to release the migration lock; null means 60 seconds; a
 *     script waits this long for it too
 * @param script write the psql script of the run ({@link MigrateResult#script()}) instead of applying it: a dry run
 */
public record MigrateRequest(Workspace workspace, String target, boolean dryRun, Duration lockTimeout,
        boolean script) {

    /** The target that means: every pending migration. */
    public static final String LATEST = "latest";

    public MigrateRequest {
        Objects.requireNonNull(workspace, "workspace");
        dryRun = dryRun || script;
    }

    /** Applies, or with {@code dryRun} lists, without a script. */
    public MigrateRequest(Workspace workspace, String target, boolean dryRun, Duration lockTimeout) {
        this(workspace, target, dryRun, lockTimeout, false);
    }

    /** Everything pending, for real, with the default lock timeout. */
    public static MigrateRequest latest(Workspace workspace) {
        return new MigrateRequest(workspace, null, false, null);
    }
}
