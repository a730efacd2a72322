package dev.assistant.migrate.engine;

import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.resource.LoadableResource;
import org.flywaydb.core.internal.parser.ParsingContext;
import org.flywaydb.core.internal.sqlscript.SqlStatement;
import org.flywaydb.core.internal.sqlscript.SqlStatementIterator;
import org.flywaydb.database.postgresql.PostgreSQLParser;

/**
 * Splits a script into statements exactly as Flyway does when it applies a migration, so that undo scripts are run
 * (and their errors located) the same way as the migrations they reverse. This is the only class that touches
 * Flyway's internal parser.
 */
public final class SqlStatements {

    /** One statement of a script, with the line it starts on and whether it may run inside a transaction. */
    public record Statement(int line, String sql, boolean transactional) {
    }

    private SqlStatements() {
    }

    public static List<Statement> parse(String scriptName, String text) {
        PostgreSQLParser parser = new PostgreSQLParser(new FluentConfiguration(), new ParsingContext());
        List<Statement> statements = new ArrayList<>();
        try (SqlStatementIterator iterator = parser.parse(new InMemoryResource(scriptName, text))) {
            while (iterator.hasNext()) {
                SqlStatement statement = iterator.next();
                statements.add(new Statement(statement.getLineNumber(), statement.getSql(),
                        statement.canExecuteInTransaction()));
            }
        } catch (FlywayException e) {
            throw new MigrationEngineException("Cannot parse " + scriptName + ": " + e.getMessage(), true, e);
        }
        return statements;
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
