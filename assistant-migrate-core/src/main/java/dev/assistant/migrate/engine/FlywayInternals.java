package dev.assistant.migrate.engine;

import dev.assistant.migrate.api.MigrationEngineException;
import dev.assistant.migrate.api.SqlStatement;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.resource.LoadableResource;
import org.flywaydb.core.api.resource.Resource;
import org.flywaydb.core.internal.exception.FlywayMigrateException;
import org.flywaydb.core.internal.parser.ParsingContext;
import org.flywaydb.core.internal.sqlscript.FlywaySqlScriptException;
import org.flywaydb.core.internal.sqlscript.SqlStatementIterator;
import org.flywaydb.database.postgresql.PostgreSQLParser;

/**
 * Everything the engine takes from Flyway's internal packages, which may change in any release: its PostgreSQL script
 * parser, and the details its failures carry. No other class imports {@code org.flywaydb.core.internal}.
 */
final class FlywayInternals {

    /** The statement a migration failed at, from Flyway's failure. */
    record FailedStatement(Optional<String> fileName, Optional<String> path, int line, String sql, String message) {
    }

    /** The migration a failure happened in, and whether it ran inside a transaction (then it was rolled back). */
    record FailedMigration(Optional<String> script, boolean transactional) {
    }

    private FlywayInternals() {
    }

    /**
     * Splits a script into statements exactly as Flyway does when it applies a migration, so that undo scripts run
     * (and their errors are located) the same way as the migrations they reverse.
     *
     * @param placeholders Flyway's own placeholders ({@code flyway:defaultSchema} …) as Flyway would set them
     */
    static List<SqlStatement> split(String scriptName, String text, Map<String, String> placeholders) {
        ParsingContext context = new ParsingContext();
        context.getPlaceholders().putAll(placeholders);
        PostgreSQLParser parser = new PostgreSQLParser(new FluentConfiguration(), context);
        List<SqlStatement> statements = new ArrayList<>();
        try (SqlStatementIterator iterator = parser.parse(new InMemoryResource(scriptName, text))) {
            while (iterator.hasNext()) {
                org.flywaydb.core.internal.sqlscript.SqlStatement statement = iterator.next();
                statements.add(new SqlStatement(statement.getLineNumber(), statement.getSql(),
                        statement.canExecuteInTransaction()));
            }
        } catch (FlywayException e) {
            throw new MigrationEngineException("Cannot parse " + scriptName + ": " + e.getMessage(), true, e);
        }
        return statements;
    }

    static Optional<FailedStatement> failedStatement(Throwable failure) {
        FlywaySqlScriptException script = FlywayFailures.find(failure, FlywaySqlScriptException.class);
        if (script == null) {
            return Optional.empty();
        }
        Resource resource = script.getResource();
        return Optional.of(new FailedStatement(
                Optional.ofNullable(resource).map(Resource::getFilename),
                Optional.ofNullable(resource).map(Resource::getAbsolutePathOnDisk),
                script.getLineNumber(), script.getStatement(), String.valueOf(script.getMessage())));
    }

    static Optional<FailedMigration> failedMigration(Throwable failure) {
        FlywayMigrateException migrate = FlywayFailures.find(failure, FlywayMigrateException.class);
        if (migrate == null) {
            return Optional.empty();
        }
        return Optional.of(new FailedMigration(Optional.ofNullable(migrate.getMigration()).map(MigrationInfo::getScript),
                migrate.isExecutableInTransaction()));
    }

    private static final class InMemoryResource extends LoadableResource {
        private final String name;
        private final String text;

        InMemoryResource(String name, String text) {
            this.name = name;
            this.text = text;
        }

        @Override
        public Reader read() {
            return new StringReader(text);
        }

        @Override
        public String getAbsolutePath() {
            return name;
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return name;
        }

        @Override
        public String getFilename() {
            return name;
        }

        @Override
        public String getRelativePath() {
            return name;
        }
    }
}
