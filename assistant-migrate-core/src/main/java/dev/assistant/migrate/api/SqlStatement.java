package dev.assistant.migrate.api;

/**
 * One statement of a script, split as Flyway splits migrations.
 *
 * @param line the line of the script it starts on
 * @param sql the statement, without its terminating semicolon
 * @param transactional whether it may run inside a transaction ({@code CREATE INDEX CONCURRENTLY} may not)
 * @param copyData the rows that follow a {@code COPY … FROM STDIN} in the script, up to its {@code \.}; null for any
 *     other statement
 */
public record SqlStatement(int line, String sql, boolean transactional, String copyData) {

    public SqlStatement(int line, String sql, boolean transactional) {
        this(line, sql, transactional, null);
    }
}
