package dev.assistant.migrate.schema;

import static dev.assistant.migrate.engine.TestHints.HINTS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assistant.db.testing.ScratchDatabaseExtension;
import dev.assistant.migrate.api.AssistantMigrate;
import dev.assistant.migrate.api.CheckReport;
import dev.assistant.migrate.api.CheckRequest;
import dev.assistant.migrate.api.EngineLog;
import dev.assistant.migrate.api.Problem;
import dev.assistant.migrate.api.ScriptLocation;
import dev.assistant.migrate.api.Workspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stairway of check finds what an undo leaves different, whatever kind of object it is, reading only what each
 * step touched: dropped and renamed objects, foreign keys, sequences, views and functions, rows an undo leaves
 * behind, and scripts that must run outside a transaction.
 */
class StairwayIT {

    @RegisterExtension
    static final ScratchDatabaseExtension DB = new ScratchDatabaseExtension();

    private static final String BASE = """
            CREATE TABLE notes (id integer PRIMARY KEY, body text, author text);
            CREATE INDEX notes_author ON notes (author);
            CREATE TABLE tags (id integer PRIMARY KEY, note_id integer REFERENCES notes (id));
            CREATE SEQUENCE numbers;
            """;

    @TempDir
    Path scripts;

    private List<String> problems(String upgrade, String undo) throws IOException {
        write("V1__base.sql", BASE);
        write("U1__base.sql", "DROP TABLE tags; DROP TABLE notes; DROP SEQUENCE numbers;");
        write("V2__change.sql", upgrade);
        write("U2__change.sql", undo);
        Workspace workspace = new Workspace(DB.database().settings(), List.of(new ScriptLocation.Directory(scripts)));
        CheckReport report = new AssistantMigrate(EngineLog.SILENT, HINTS).check(new CheckRequest(workspace,
                Optional.empty(), null));
        return report.problems().stream().map(Problem::detail).toList();
    }

    private void write(String name, String sql) throws IOException {
        Files.writeString(scripts.resolve(name), sql, StandardCharsets.UTF_8);
    }

    private static String differs(String difference) {
        return "After V2__change.sql and then U2__change.sql, the schema differs from the one before the migration: "
                + difference + ".";
    }

    @Test
    void anUndoThatRestoresEverythingPasses() throws IOException {
        assertThat(problems("""
                ALTER TABLE notes RENAME COLUMN body TO text;
                ALTER TABLE notes ALTER COLUMN author SET NOT NULL;
                DROP INDEX notes_author;
                ALTER TABLE tags DROP CONSTRAINT tags_note_id_fkey;
                ALTER SEQUENCE numbers INCREMENT BY 5;
                CREATE VIEW note_texts AS SELECT text FROM notes;
                """, """
                DROP VIEW note_texts;
                ALTER SEQUENCE numbers INCREMENT BY 1;
                ALTER TABLE tags ADD CONSTRAINT tags_note_id_fkey FOREIGN KEY (note_id) REFERENCES notes (id);
                CREATE INDEX notes_author ON notes (author);
                ALTER TABLE notes ALTER COLUMN author DROP NOT NULL;
                ALTER TABLE notes RENAME COLUMN text TO body;
                """)).isEmpty();
    }

    @Test
    void aDroppedIndexTheUndoDoesNotRecreate() throws IOException {
        assertThat(problems("DROP INDEX notes_author;", "SELECT 1;"))
                .containsExactly(differs("needs create index notes_author on notes"));
    }

    @Test
    void aDroppedForeignKeyTheUndoDoesNotRestore() throws IOException {
        assertThat(problems("ALTER TABLE tags DROP CONSTRAINT tags_note_id_fkey;", "SELECT 1;"))
                .containsExactly(differs("needs add foreign key tags_note_id_fkey from tags to notes"));
    }

    @Test
    void aRenamedTableTheUndoDoesNotRenameBack() throws IOException {
        assertThat(problems("ALTER TABLE tags RENAME TO labels;", "SELECT 1;"))
                .singleElement().satisfies(detail -> assertThat(detail).contains("needs rename table labels to tags"));
    }

    @Test
    void aSequenceAViewAndAFunctionLeftBehind() throws IOException {
        assertThat(problems("""
                ALTER SEQUENCE numbers INCREMENT BY 5;
                CREATE VIEW note_ids AS SELECT id FROM notes;
                CREATE FUNCTION answer() RETURNS integer AS $$ SELECT 42 $$ LANGUAGE sql;
                """, "DROP VIEW note_ids;"))
                .singleElement().satisfies(detail -> assertThat(detail).contains("needs alter sequence numbers")
                        .contains("function answer() is left behind"));
    }

    @Test
    void rowsTheUndoLeavesBehindMakeTheMigrationFailAgain() throws IOException {
        assertThat(problems("CREATE TABLE kinds (id integer PRIMARY KEY); INSERT INTO notes VALUES (1, 'x', 'y');",
                "DROP TABLE kinds;"))
                .containsExactly("After V2__change.sql and then U2__change.sql, applying V2__change.sql again fails:"
                        + " line 1 (INSERT INTO notes VALUES (1, 'x', 'y')): duplicate key value violates unique"
                        + " constraint \"notes_pkey\" (detail: Key (id)=(1) already exists.) (SQL state 23505). The"
                        + " undo leaves something behind that the migration trips over (rows it inserted, for"
                        + " example).");
    }

    @Test
    void idsDrawnFromSequencesAreThoseMigrateGives() throws IOException {
        write("V3__first_note.sql", "INSERT INTO notes (id, body) VALUES (nextval('numbers'), 'first');");
        write("U3__first_note.sql", "DELETE FROM notes WHERE body = 'first';");
        write("V4__tag_it.sql", "INSERT INTO tags VALUES (1, 1);");
        write("U4__tag_it.sql", "DELETE FROM tags WHERE id = 1;");
        assertThat(problems("CREATE TABLE kinds (id integer PRIMARY KEY);", "DROP TABLE kinds;")).isEmpty();
    }

    @Test
    void scriptsThatMustRunOutsideATransactionAreVerifiedToo() throws IOException {
        assertThat(problems("CREATE INDEX CONCURRENTLY notes_body ON notes (body);",
                "DROP INDEX CONCURRENTLY notes_body;")).isEmpty();
        assertThat(problems("CREATE INDEX CONCURRENTLY notes_body ON notes (body);",
                "DROP INDEX CONCURRENTLY notes_author;"))
                .singleElement().satisfies(detail -> assertThat(detail).contains("needs drop index notes_body")
                        .contains("needs create index notes_author"));
    }

    @Test
    void flywaysPlaceholdersAreSetAsFlywaySetsThem() throws IOException {
        assertThat(problems("CREATE TABLE ${flyway:defaultSchema}.kinds (id integer);", "DROP TABLE kinds;"))
                .isEmpty();
    }
}
