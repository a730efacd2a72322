package dev.assistant.migrate.api;

import java.time.Duration;
import java.util.Objects;

/**
 * {@code downgrade}: undo applied migrations with their undo scripts, newest first.
 *
 * @param workspace the database and the scripts
 * @param target as the user typed it: {@code -N} (the last N), a version (everything above it) or {@code base}
 * @param dryRun show the plan and the SQL of every undo, and change nothing
 * @param lockTimeout how long to wait for another run to release the migration lock; null means 60 seconds
 */
public record DowngradeRequest(Workspace workspace, String target, boolean dryRun, Duration lockTimeout) {

    public DowngradeRequest {
        Objects.requireNonNull(workspace, "workspace");
    }
}
