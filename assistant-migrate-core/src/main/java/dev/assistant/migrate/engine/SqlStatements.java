package dev.assistant.migrate.engine;

import dev.assistant.migrate.api.SqlStatement;
import java.io.IOException;
import java.io.StringReader;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.postgresql.PGConnection;

/**
 * Splits scripts into statements exactly as Flyway splits migrations (its PostgreSQL parser: dollar quoting, nested
 * comments, {@code COPY … FROM STDIN}, which statements may run in a transaction), with Flyway's built-in placeholders
 * ({@code ${flyway:defaultSchema}}, {@code ${flyway:user}} …) set for the session the scripts run in. Migrations and
 * undo scripts are split by the same instance, so both run and locate their errors the same way.
 */
final class SqlStatements {

    private final Map<String, String> placeholders;

    private SqlStatements(Map<String, String> placeholders) {
        this.placeholders = placeholders;
    }

    /** For scripts that run in a session with this schema, user and database. */
    static SqlStatements forSession(String schema, String user, String database) {
        return new SqlStatements(Map.of(
                "flyway:defaultSchema", schema,
                "flyway:user", user,
                "flyway:database", database,
                "flyway:timestamp", new SimpleDateFormat("yyyy-MM-dd HH:mm:ss").format(new Date()),
                "flyway:workingDirectory", System.getProperty("user.dir"),
                "flyway:table", HistoryTable.NAME,
                "flyway:environment", "default"));
    }

    /** Without a session: a script that uses a built-in placeholder fails to parse. */
    static SqlStatements withoutSession() {
        return new SqlStatements(Map.of());
    }

    /**
     * @param scriptName how errors name the script
     * @param text the script
     */
    List<SqlStatement> split(String scriptName, String text) {
        return FlywayInternals.split(scriptName, text, placeholders);
    }

    /**
     * The statements of a script.
     *
     * @param placeholders Flyway's own placeholders by name, e.g. {@code flyway:defaultSchema}
     */
    static List<SqlStatement> of(MigrationScript script, Map<String, String> placeholders) {
        return FlywayInternals.split(script.file().displayPath(), script.text().orElseThrow(), placeholders);
    }

    /** Runs one statement of a script; a {@code COPY … FROM STDIN} gets its rows through the driver's CopyManager. */
    static void execute(Statement statement, SqlStatement sql) throws SQLException {
        if (sql.copyData() == null) {
            statement.execute(sql.sql());
            return;
        }
        try {
            statement.getConnection().unwrap(PGConnection.class).getCopyAPI().copyIn(sql.sql(),
                    new StringReader(sql.copyData()));
        } catch (IOException e) {
            throw new SQLException("Could not send the rows of " + sql.sql() + ": " + e.getMessage(), "58030", e);
        }
    }

    /** True when every statement may run in one transaction. */
    static boolean transactional(List<SqlStatement> statements) {
        return statements.stream().allMatch(SqlStatement::transactional);
    }

    /**
     * In a script that mixes the two kinds, the first statement that must run outside a transaction: such a script
     * can run neither in one transaction nor statement by statement without leaving half of it applied.
     */
    static Optional<SqlStatement> mixedOutlier(List<SqlStatement> statements) {
        if (transactional(statements) || statements.stream().noneMatch(SqlStatement::transactional)) {
            return Optional.empty();
        }
        return statements.stream().filter(statement -> !statement.transactional()).findFirst();
    }
}
