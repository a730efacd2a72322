package dev.assistant.migrate.engine;

import dev.assistant.migrate.api.SqlStatement;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Scripts split into statements exactly as Flyway splits migrations (its own parser, its placeholders), so that what
 * the engine runs itself — undo scripts, the replay of check — runs, and fails at the same line, as a Flyway migrate
 * would. Whether a statement may run inside a transaction comes with it ({@code CREATE INDEX CONCURRENTLY} may not).
 */
public final class SqlStatements {

    private SqlStatements() {
    }

    /** The statements of a script, with no placeholders set. */
    public static List<SqlStatement> of(MigrationScript script) {
        return of(script, Map.of());
    }

    /**
     * The statements of a script.
     *
     * @param placeholders Flyway's own placeholders by name, e.g. {@code flyway:defaultSchema}
     */
    public static List<SqlStatement> of(MigrationScript script, Map<String, String> placeholders) {
        return FlywayInternals.split(script.file().displayPath(), script.text().orElseThrow(), placeholders);
    }

    /** True when every statement may run in one transaction. */
    public static boolean transactional(List<SqlStatement> statements) {
        return statements.stream().allMatch(SqlStatement::transactional);
    }

    /**
     * In a script that mixes the two kinds, the first statement that must run outside a transaction: such a script
     * can run neither in one transaction nor statement by statement without leaving half of it applied.
     */
    public static Optional<SqlStatement> mixedOutlier(List<SqlStatement> statements) {
        if (transactional(statements) || statements.stream().noneMatch(SqlStatement::transactional)) {
            return Optional.empty();
        }
        return statements.stream().filter(statement -> !statement.transactional()).findFirst();
    }
}
