package dev.assistant.migrate.api;

/**
 * One statement of a script, split as Flyway splits migrations.
 *
 * @param line the line of the script it starts on
 * @param sql the statement, without its terminating semicolon
 * @param transactional whether it may run inside a transaction ({@code CREATE INDEX CONCURRENTLY} may not)
 */
public record SqlStatement(int line, String sql, boolean transactional) {
}
