package dev.assistant.migrate.api;

import java.time.Instant;

/**
 * One row of the schema history.
 *
 * @param installedRank the order it was applied in
 * @param version the version, or null for a repeatable migration
 * @param description the description recorded when it was applied
 * @param type {@code SQL}, {@code BASELINE}, ...
 * @param script the script name recorded when it was applied
 * @param installedOn when it was applied
 * @param installedBy the database user that applied it
 * @param executionTimeMillis how long it ran
 * @param state {@code Success}, {@code Failed}, {@code Missing}, ...
 * @param undoAvailable whether a non-empty undo script exists for it
 */
public record AppliedMigration(int installedRank, String version, String description, String type, String script,
        Instant installedOn, String installedBy, int executionTimeMillis, String state, boolean undoAvailable) {
}
