package dev.assistant.migrate.api;

import java.util.List;
import java.util.Set;

/**
 * What {@code repair} found in the schema history and what it changed.
 *
 * @param database the database, masked
 * @param changes every row that needs a fix, each marked as changed or not
 * @param fixes the fixes the user named
 * @param notes what repair does not change but the user must know, e.g. an invalid index a failed
 *     {@code CREATE INDEX CONCURRENTLY} left behind
 */
public record RepairResult(String database, List<Change> changes, Set<RepairRequest.Fix> fixes, List<String> notes) {

    /**
     * One row of the history and its fix.
     *
     * @param fix what kind of fix
     * @param installedRank the row
     * @param subject the migration, e.g. {@code V2 (add email index)}
     * @param before the row as it was
     * @param after the row as it is (or would be) after the fix
     * @param applied whether the change was made
     */
    public record Change(RepairRequest.Fix fix, int installedRank, String subject, String before, String after,
            boolean applied) {
    }

    public RepairResult {
        changes = List.copyOf(changes);
        fixes = Set.copyOf(fixes);
        notes = List.copyOf(notes);
    }

    /** The rows that were changed. */
    public List<Change> applied() {
        return changes.stream().filter(Change::applied).toList();
    }

    /** The rows that need a fix the user did not name. */
    public List<Change> left() {
        return changes.stream().filter(change -> !change.applied()).toList();
    }
}
