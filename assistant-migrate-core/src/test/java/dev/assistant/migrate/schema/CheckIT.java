package dev.assistant.migrate.schema;

import static dev.assistant.migrate.engine.TestHints.HINTS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assistant.db.testing.ScratchDatabase;
import dev.assistant.db.testing.ScratchDatabaseExtension;
import dev.assistant.migrate.api.AssistantMigrate;
import dev.assistant.migrate.api.CheckReport;
import dev.assistant.migrate.api.CheckRequest;
import dev.assistant.migrate.api.DowngradeRequest;
import dev.assistant.migrate.api.MigrateRequest;
import dev.assistant.migrate.api.ModelSource;
import dev.assistant.migrate.api.Problem;
import dev.assistant.migrate.api.ScriptLocation;
import dev.assistant.migrate.api.StatusRequest;
import dev.assistant.migrate.api.Workspace;
import dev.assistant.migrate.engine.RecordingLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * check as CI runs it, through the façade: every fault of a history in one run, comment-only versions, changes made
 * by hand to the database it runs against, and what its messages say.
 */
class CheckIT {

    @RegisterExtension
    static final ScratchDatabaseExtension DB = new ScratchDatabaseExtension();

    @TempDir
    Path work;

    private Path scripts;
    private Workspace workspace;
    private final RecordingLog log = new RecordingLog();

    @BeforeEach
    void emptyDatabase() throws IOException, SQLException {
        ScratchDatabase database = DB.database();
        execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
        scripts = Files.createDirectories(work.resolve("migrations"));
        workspace = new Workspace(database.settings(), List.of(new ScriptLocation.Directory(scripts)));
    }

    @Test
    void everyFaultOfTheHistoryInOneRun() throws IOException {
        write("V1__notes.sql", "CREATE TABLE notes (id integer PRIMARY KEY);\n");
        write("U1__notes.sql", "DROP TABLE notes;\n");
        write("V2__tags.sql", "CREATE TABLE tags (id integer PRIMARY KEY, name text);\n");
        write("U2__tags.sql", "DROP TABLE tags;\nCREATE TABLE leftover (id integer);\n");
        write("V3__body.sql", "ALTER TABLE notes ADD COLUMN body text;\n");
        write("V4__index.sql", "CREATE INDEX notes_body ON notes (body);\n");
        write("U4__index.sql", "DROP INDEX no_such_index;\n");
        write("V5__handmade.sql", "ALTER TABLE handmade ADD COLUMN x integer;\n");
        write("U5__handmade.sql", "ALTER TABLE handmade DROP COLUMN x;\n");
        write("V6__later.sql", "CREATE TABLE later (id integer PRIMARY KEY);\n");
        write("U6__later.sql", "DROP TABLE later;\n");

        CheckReport report = check(Optional.of(model("""
                @Entity @Table(name = "notes", indexes = @Index(name = "notes_body", columnList = "body"))
                public class Note {
                    @Id Integer id;
                    @Column(length = org.hibernate.Length.LONG32) String body;
                    String title;
                }
                // ---
                @Entity @Table(name = "tags")
                public class Tag {
                    @Id Integer id;
                    @Column(length = org.hibernate.Length.LONG32) String name;
                }
                """)));

        assertThat(report.problems()).extracting(Problem::describe).anySatisfy(line -> assertThat(line).isEqualTo(
                "U2__tags.sql: undo does not restore the schema. After V2__tags.sql and then U2__tags.sql, the schema"
                        + " differs from the one before the migration: needs drop table leftover. Fix: Make"
                        + " U2__tags.sql reverse everything V2__tags.sql does; {create ...} writes both from the"
                        + " model."));
        assertThat(report.problems()).extracting(Problem::describe)
                .anySatisfy(line -> assertThat(line).startsWith("V3__body.sql: has no undo script (irreversible)."))
                .anySatisfy(line -> assertThat(line).startsWith("U4__index.sql: undo does not restore the schema."
                        + " Run right after V4__index.sql, it fails: line 1 (DROP INDEX no_such_index): index"
                        + " \"no_such_index\" does not exist (SQL state 42704)."))
                .anySatisfy(line -> assertThat(line).startsWith("V5__handmade.sql: fails when the migrations are"
                        + " replayed on an empty database. Applied after the migrations before it to an empty"
                        + " database, it fails: line 1 (ALTER TABLE handmade ADD COLUMN x integer): relation"
                        + " \"handmade\" does not exist (SQL state 42P01). Not replayed after it: V6__later.sql."))
                .anySatisfy(line -> assertThat(line).contains("needs: add column notes.title character varying(255). Partial:"
                        + " compared with the schema up to V4__index.sql, where the replay stopped."));
        assertThat(report.problems()).hasSize(5);
        assertThat(log.info()).contains(
                "Undo not verified for 1 migration without an undo script: V3__body.sql.",
                "Not replayed: V6__later.sql, because V5__handmade.sql fails before it.",
                "Model drift compared with the schema up to V4__index.sql only: the replay stopped at"
                        + " V5__handmade.sql.");
    }

    @Test
    void pendingMigrationsOnAFreshDatabaseAreOneFinding() throws IOException {
        for (String table : List.of("one", "two", "three")) {
            String version = String.valueOf(List.of("one", "two", "three").indexOf(table) + 1);
            write("V" + version + "__" + table + ".sql", "CREATE TABLE " + table + " (id integer PRIMARY KEY);\n");
            write("U" + version + "__" + table + ".sql", "DROP TABLE " + table + ";\n");
        }

        CheckReport report = check(Optional.empty());

        assertThat(report.findings()).containsExactly(
                "pending: all 3 migrations (V1__one.sql … V3__three.sql); this database has none applied");
    }

    @Test
    void whatIsNotCheckedIsSaidAtTheDefaultLevel() throws IOException {
        write("V1__one.sql", "CREATE TABLE one (id integer PRIMARY KEY);\n");
        write("U1__one.sql", "DROP TABLE one;\n");
        Files.createDirectories(scripts.resolve("other"));
        write("other/V1__again.sql", "CREATE TABLE again (id integer PRIMARY KEY);\n");
        workspace = new Workspace(workspace.connection(), List.of(new ScriptLocation.Directory(scripts),
                new ScriptLocation.Directory(scripts.resolve("other"))));

        check(Optional.empty());

        assertThat(log.info()).contains("Replay, undo scripts, model drift and changes made outside migrations not"
                + " checked: the scripts have 1 error (V1: version used by more than one file).");
    }

    @Test
    void aCommentOnlyMigrationIsAVersionThatChangesNothing() throws IOException {
        write("V1__notes.sql", "CREATE TABLE notes (id integer PRIMARY KEY);\n");
        write("U1__notes.sql", "DROP TABLE notes;\n");
        write("V2__merge.sql", "-- Merges the branches 'tags' and 'notes'; nothing to do.\n");
        write("U2__merge.sql", "-- nothing to undo\n");
        AssistantMigrate core = new AssistantMigrate(log, HINTS);

        core.migrate(MigrateRequest.latest(workspace));
        CheckReport report = check(Optional.empty());

        assertThat(core.status(new StatusRequest(workspace)).current()).get()
                .satisfies(current -> assertThat(current.version()).isEqualTo("2"));
        assertThat(report.problems()).extracting(Problem::describe).containsExactly(
                "V2__merge.sql: holds only comments: a version that changes nothing. " + scripts.resolve(
                        "V2__merge.sql") + " has no SQL statement; migrate records version 2 and changes nothing, as"
                        + " Flyway does. Fix: None needed for a merge or a placeholder; if its SQL is missing, write"
                        + " it before any database applies version 2.");
        assertThat(log.info()).noneMatch(line -> line.startsWith("Replay") || line.startsWith("Not replayed"));
        core.downgrade(new DowngradeRequest(workspace, "-1", false, null));
        assertThat(core.status(new StatusRequest(workspace)).current()).get()
                .satisfies(current -> assertThat(current.version()).isEqualTo("1"));
    }

    @Test
    void aReplayedCreateThatFailsNamesTheMigrationThatCreatedItFirst() throws IOException {
        write("V1__notes.sql", "CREATE TABLE notes (id integer PRIMARY KEY);\n");
        write("U1__notes.sql", "DROP TABLE notes;\n");
        write("V2__tags.sql", "CREATE TABLE tags (id integer PRIMARY KEY);\n");
        write("U2__tags.sql", "DROP TABLE tags;\n");
        write("V3__notes_again.sql", "-- copied from another branch\nCREATE TABLE notes (id integer PRIMARY KEY);\n");
        write("U3__notes_again.sql", "DROP TABLE notes;\n");

        CheckReport report = check(Optional.empty());

        assertThat(report.problems()).extracting(Problem::detail).contains("Applied after the migrations before it"
                + " to an empty database, it fails: line 2 (CREATE TABLE notes (id integer PRIMARY KEY)): relation"
                + " \"notes\" already exists (SQL state 42P07); V1__notes.sql already creates it.");
    }

    @Test
    void changesMadeByHandToTheDatabaseAreFound() throws IOException {
        write("V1__notes.sql", """
                CREATE TABLE notes (id integer PRIMARY KEY, title text NOT NULL);
                CREATE INDEX notes_title ON notes (title);
                """);
        write("U1__notes.sql", "DROP TABLE notes;\n");
        write("V2__tags.sql", "CREATE TABLE tags (id integer PRIMARY KEY);\n");
        write("U2__tags.sql", "DROP TABLE tags;\n");
        new AssistantMigrate(log, HINTS).migrate(new MigrateRequest(workspace, "1", false, null));
        execute("ALTER TABLE notes ADD COLUMN nickname text; DROP INDEX notes_title;");

        CheckReport report = check(Optional.empty());

        assertThat(report.problems()).extracting(Problem::describe).containsExactlyInAnyOrder(
                "notes: changed outside migrations. The database has a change that the migrations up to version 1"
                        + " do not make: drop index notes_title of notes. Fix: Put it in a migration, so that every database"
                        + " gets it ({create ...}), or revert it on this database: CREATE INDEX notes_title ON"
                        + " notes (title);",
                "notes: changed outside migrations. The database has a change that the migrations up to version 1"
                        + " do not make: add column notes.nickname text. Fix: Put it in a migration, so that every"
                        + " database gets it ({create ...}), or revert it on this database: ALTER TABLE notes DROP"
                        + " COLUMN nickname;");
    }

    @Test
    void objectsThatExistOnlyInSqlAreKeptWhenIgnoredAndTheDriftSaysHow() throws IOException {
        write("V1__notes.sql", """
                CREATE TABLE notes (id integer PRIMARY KEY, body text);
                CREATE INDEX notes_body_search ON notes (body);
                CREATE TABLE queue_lock (name text PRIMARY KEY);
                """);
        write("U1__notes.sql", "DROP TABLE queue_lock; DROP TABLE notes;\n");
        new AssistantMigrate(log, HINTS).migrate(MigrateRequest.latest(workspace));
        execute("CREATE INDEX notes_by_hand ON notes (id, body)");
        ModelSource model = model("""
                @Entity @Table(name = "notes")
                public class Note {
                    @Id Integer id;
                    @Column(length = org.hibernate.Length.LONG32) String body;
                }
                """).relativeTo(work);

        CheckReport unfiltered = check(Optional.of(model));
        CheckReport filtered = new AssistantMigrate(log, HINTS).check(new CheckRequest(workspace, Optional.of(model),
                null, List.of(), List.of("queue_*", "*_search", "notes_by_hand")));

        assertThat(unfiltered.problems()).extracting(Problem::describe).contains(
                "notes: the entity model differs from what the migrations build. The model in model needs: drop"
                        + " index notes_body_search of notes. Fix: Generate the migration: {create ...}. If"
                        + " notes_body_search exists only in SQL on purpose, keep it out of the comparison:"
                        + " {IGNORE=notes_body_search}.");
        assertThat(unfiltered.problems()).extracting(Problem::subject).contains("queue_lock");
        assertThat(filtered.problems()).isEmpty();
        assertThat(filtered.passed()).isTrue();
    }

    private CheckReport check(Optional<ModelSource> model) {
        return new AssistantMigrate(log, HINTS).check(new CheckRequest(workspace, model, null));
    }

    private ModelSource model(String sources) throws IOException {
        CorpusCase model = new CorpusCase("check", List.of(), "", List.of(sources.split("(?m)^// ---$")));
        Path classes = work.resolve("model");
        model.compileModel(classes);
        return ModelSource.of(List.of(classes));
    }

    private void write(String name, String sql) throws IOException {
        Files.writeString(scripts.resolve(name), sql, StandardCharsets.UTF_8);
    }

    private static void execute(String sql) {
        try (Connection connection = DB.database().connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
