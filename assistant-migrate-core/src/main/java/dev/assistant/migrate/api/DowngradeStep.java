package dev.assistant.migrate.api;

import java.util.List;

/**
 * One migration to undo: its history row, its undo script and the statements of that script.
 *
 * @param migration the history row that the undo removes
 * @param undoScript the undo script's file name, e.g. {@code U3__add_index.sql}
 * @param undoPath where the undo script is, as messages name it
 * @param statements the script split as it will run
 */
public record DowngradeStep(AppliedMigration migration, String undoScript, String undoPath,
        List<SqlStatement> statements) {

    public DowngradeStep {
        statements = List.copyOf(statements);
    }

    /** True when every statement may run in one transaction with the removal of the history row. */
    public boolean isTransactional() {
        return statements.stream().allMatch(SqlStatement::transactional);
    }
}
