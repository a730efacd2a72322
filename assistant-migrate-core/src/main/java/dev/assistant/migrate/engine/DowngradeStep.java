package dev.assistant.migrate.engine;

import java.util.List;

/**
 * One migration to undo: its history row, its undo script and the statements of that script.
 *
 * @param migration the history row that the undo removes
 * @param undo the undo script
 * @param statements the script split as it will run
 */
public record DowngradeStep(AppliedMigration migration, MigrationScript undo, List<SqlStatements.Statement> statements) {

    public DowngradeStep {
        statements = List.copyOf(statements);
    }

    /** True when every statement may run in one transaction with the removal of the history row. */
    public boolean isTransactional() {
        return statements.stream().allMatch(SqlStatements.Statement::transactional);
    }
}
