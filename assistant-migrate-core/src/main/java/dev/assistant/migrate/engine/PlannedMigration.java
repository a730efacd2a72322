package dev.assistant.migrate.engine;

import dev.assistant.migrate.api.SqlStatement;
import java.util.List;

/**
 * One pending migration as it will be applied: its statements, and the history row that records it, with the values
 * Flyway resolved for it (description, script name, checksum). Applied, it is one transaction of its statements and
 * that row; a migration whose statements may not run in a transaction ({@code CREATE INDEX CONCURRENTLY}) runs them
 * one by one, then writes the row.
 *
 * @param version the version, or null for a repeatable migration
 * @param description the description as the history records it
 * @param type the history's type, {@code SQL}
 * @param script the script name as the history records it
 * @param checksum Flyway's checksum of the script
 * @param path where the script is, as messages name it
 * @param statements the script split as it runs
 */
public record PlannedMigration(String version, String description, String type, String script, Integer checksum,
        String path, List<SqlStatement> statements) {

    public PlannedMigration {
        statements = List.copyOf(statements);
    }

    /** True when every statement may run in one transaction with the history row (the usual case). */
    public boolean transactional() {
        return statements.stream().allMatch(SqlStatement::transactional);
    }

    /** {@code V3 add index}, or {@code R views} for a repeatable migration. */
    public String label() {
        return (version == null ? "R" : "V" + version) + " " + description;
    }
}
