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
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.resource.LoadableResource;
import org.flywaydb.core.internal.parser.ParsingContext;
import org.flywaydb.database.postgresql.PostgreSQLCopyParsedStatement;
import org.flywaydb.core.internal.sqlscript.SqlStatementIterator;
import org.flywaydb.database.postgresql.PostgreSQLParser;

/**
 * Everything the engine takes from Flyway's internal packages, which may change in any release: its PostgreSQL script
 * parser. No other class imports {@code org.flywaydb.core.internal}.
 */
final class FlywayInternals {

    private FlywayInternals() {
    }

    /**
     * Splits a script into statements exactly as Flyway's migrate does, with these values for Flyway's built-in
     * placeholders ({@code flyway:defaultSchema} …); {@link SqlStatements} is the way the engine calls it.
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
                        statement.canExecuteInTransaction(), copyData(statement)));
            }
        } catch (FlywayException e) {
            throw new MigrationEngineException("Cannot parse " + scriptName + ": " + e.getMessage(), true, e);
        }
        return statements;
    }

    /**
     * The rows of a {@code COPY … FROM STDIN}: Flyway's parser keeps them in its statement for its own executor, which
     * sends them through the driver's CopyManager; the engine's loop does the same with them.
     */
    private static String copyData(org.flywaydb.core.internal.sqlscript.SqlStatement statement) {
        if (!(statement instanceof PostgreSQLCopyParsedStatement)) {
            return null;
        }
        try {
            java.lang.reflect.Field field = PostgreSQLCopyParsedStatement.class.getDeclaredField("copyData");
            field.setAccessible(true);
            return (String) field.get(statement);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("This Flyway keeps the rows of COPY … FROM STDIN otherwise: " + e, e);
        }
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
