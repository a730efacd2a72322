package dev.assistant.migrate.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assistant.db.testing.ScratchDatabaseExtension;
import dev.assistant.migrate.schema.SchemaOperation.AddForeignKey;
import dev.assistant.migrate.schema.SchemaOperation.AlterColumnNullability;
import dev.assistant.migrate.schema.SchemaOperation.CheckValidation;
import dev.assistant.migrate.schema.SchemaOperation.CreateIndex;
import dev.assistant.migrate.schema.SchemaOperation.ForeignKeyValidation;
import dev.assistant.migrate.schema.SchemaOperation.NotNullValidation;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the safe forms autogenerate writes really do on PostgreSQL, statement by statement, read from {@code pg_locks}
 * and from what the server says: which lock each statement takes on the table, whether it reads the rows, and that
 * writes go on meanwhile. The statements are the renderer's own, so that a change to them is checked here.
 */
class SafeFormLocksIT {

    @RegisterExtension
    static final ScratchDatabaseExtension DB = new ScratchDatabaseExtension();

    /** The modes that conflict with the ROW EXCLUSIVE lock of INSERT, UPDATE and DELETE: they stop writes. */
    private static final Set<String> BLOCKING_WRITES = Set.of("ShareLock", "ShareRowExclusiveLock", "ExclusiveLock",
            "AccessExclusiveLock");

    private static final ForeignKeyDef AUTHOR = new ForeignKeyDef("fk_notes_author_id", List.of("author_id"),
            "authors", List.of("id"), null);
    private static final ColumnDef NICKNAME = Samples.column("nickname", "character varying(255)", false);

    @BeforeEach
    void tablesWithRows() throws SQLException {
        try (Connection connection = DB.database().connect(); Statement statement = connection.createStatement()) {
            statement.execute("""
                    DROP TABLE IF EXISTS notes, authors, users;
                    CREATE TABLE authors (id integer PRIMARY KEY);
                    CREATE TABLE notes (id integer PRIMARY KEY, author_id integer, title text);
                    CREATE TABLE users (id integer PRIMARY KEY, nickname varchar(255), locale varchar(255));
                    INSERT INTO authors SELECT generate_series(1, 10);
                    INSERT INTO notes SELECT i, 1 + i % 10, 'note ' || i FROM generate_series(1, 1000) AS i;
                    INSERT INTO users SELECT i, 'user ' || i, 'en' FROM generate_series(1, 1000) AS i;
                    """);
        }
    }

    @Test
    void aForeignKeyAddedNotValidReadsNoRowAndItsValidationLetsWritesGoOn() throws SQLException {
        try (Connection connection = DB.database().connect(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO notes VALUES (1001, 99, 'dangling')");
            connection.setAutoCommit(false);
            // NOT VALID does not read the rows: the dangling one is not seen
            statement.execute(statementOf(new AddForeignKey("notes", AUTHOR, true)));
            assertThat(modes(statement, "notes")).contains("ShareRowExclusiveLock")
                    .doesNotContain("AccessExclusiveLock");
            connection.rollback();
            // the plain form reads them all, holding the same lock, which stops writes, throughout
            assertThatThrownBy(() -> statement.execute(statementOf(new AddForeignKey("notes", AUTHOR))))
                    .hasMessageContaining("violates foreign key constraint");
            connection.rollback();
            statement.execute("DELETE FROM notes WHERE id = 1001");
            statement.execute(statementOf(new AddForeignKey("notes", AUTHOR, true)));
            connection.commit();

            statement.execute(statementOf(new ForeignKeyValidation("notes", AUTHOR, true)));
            assertThat(modes(statement, "notes")).contains("ShareUpdateExclusiveLock")
                    .doesNotContainAnyElementsOf(BLOCKING_WRITES);
            assertThat(modes(statement, "authors")).doesNotContainAnyElementsOf(BLOCKING_WRITES);
            connection.commit();
            assertThat(strings(statement, "SELECT convalidated::text FROM pg_constraint"
                    + " WHERE conname = 'fk_notes_author_id'")).containsExactly("true");
        }
    }

    @Test
    void notNullGoesThroughACheckThatIsValidatedWithoutBlockingWritesAndThenSpareTheScan() throws SQLException {
        try (Connection connection = DB.database().connect(); Statement statement = connection.createStatement()) {
            statement.execute("UPDATE users SET nickname = NULL WHERE id = 7");
            connection.setAutoCommit(false);
            // the main migration: the NULLs filled, the check added NOT VALID
            for (String sql : statementsOf(new AlterColumnNullability("users", NICKNAME, true, false, true))) {
                statement.execute(sql);
            }
            connection.commit();

            // the validation migration
            statement.execute("SET LOCAL client_min_messages = debug1");
            statement.execute(statementOf(new CheckValidation("users", NICKNAME, true)));
            assertThat(modes(statement, "users")).contains("ShareUpdateExclusiveLock")
                    .doesNotContainAnyElementsOf(BLOCKING_WRITES);
            List<String> notNull = statementsOf(new NotNullValidation("users", NICKNAME, true));
            statement.clearWarnings();
            statement.execute(notNull.get(0));
            assertThat(notNull.get(0)).isEqualTo("ALTER TABLE users ALTER COLUMN nickname SET NOT NULL;");
            assertThat(warnings(statement)).as("PostgreSQL takes the valid check as proof")
                    .anyMatch(line -> line.contains("sufficient to prove that it does not contain nulls"));
            for (String sql : notNull.subList(1, notNull.size())) {
                statement.execute(sql);
            }
            // without a check, SET NOT NULL reads the rows under ACCESS EXCLUSIVE: the server does not say so
            statement.clearWarnings();
            statement.execute("ALTER TABLE users ALTER COLUMN locale SET NOT NULL");
            assertThat(warnings(statement)).noneMatch(line -> line.contains("sufficient to prove"));
            connection.commit();
            assertThat(strings(statement, "SELECT attname || ' ' || attnotnull FROM pg_attribute"
                    + " WHERE attrelid = 'users'::regclass AND attname = 'nickname'")).containsExactly("nickname true");
            assertThat(strings(statement, "SELECT conname FROM pg_constraint WHERE conrelid = 'users'::regclass"
                    + " AND contype = 'c'")).isEmpty();
        }
    }

    @Test
    void anIndexBuiltConcurrentlyLetsWritesGoOnWhileItWaits() throws Exception {
        try (Connection writer = DB.database().connect(); Connection builder = DB.database().connect();
                Connection observer = DB.database().connect(); Statement write = writer.createStatement();
                Statement observe = observer.createStatement()) {
            IndexDef index = new IndexDef("ix_notes_title", List.of(new IndexDef.IndexColumn("title", false)), false);
            String create = statementOf(new CreateIndex("notes", index, true));
            assertThat(create).isEqualTo("CREATE INDEX CONCURRENTLY ix_notes_title ON notes (title);");
            // a transaction that writes and stays open: the build waits for it
            writer.setAutoCommit(false);
            write.execute("INSERT INTO notes VALUES (2001, 1, 'open')");
            int builderPid = pid(builder);
            CompletableFuture<Void> build = CompletableFuture.runAsync(() -> {
                try (Statement statement = builder.createStatement()) {
                    statement.execute(create);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            List<String> held = List.of();
            for (int i = 0; i < 100 && !held.contains("ShareUpdateExclusiveLock"); i++) {
                TimeUnit.MILLISECONDS.sleep(50);
                held = strings(observe, "SELECT mode FROM pg_locks WHERE granted AND relation = 'notes'::regclass"
                        + " AND pid = " + builderPid);
            }
            assertThat(held).contains("ShareUpdateExclusiveLock").doesNotContainAnyElementsOf(BLOCKING_WRITES);
            assertThat(build).isNotDone();
            // meanwhile another session writes, without waiting
            observe.execute("SET lock_timeout = '2s'");
            observe.execute("INSERT INTO notes VALUES (2002, 1, 'meanwhile')");
            writer.commit();
            build.get(30, TimeUnit.SECONDS);
            assertThat(strings(observe, "SELECT indisvalid::text FROM pg_index"
                    + " WHERE indexrelid = 'ix_notes_title'::regclass")).containsExactly("true");
        }
    }

    @Test
    void aGeneratedScriptGivesUpOnALockHeldTooLongInsteadOfQueueingEveryQueryBehindIt() throws SQLException {
        SchemaChanges changes = SchemaChanges.of(List.of(new SchemaOperation.AddColumn("notes",
                Samples.column("body", "text", true), null)));
        String script = MigrationScripts.upgrade("note body", "U2__note_body.sql", "the model", changes);
        assertThat(script).contains("SET LOCAL lock_timeout = '" + MigrationScripts.LOCK_TIMEOUT + "';");
        try (Connection reader = DB.database().connect(); Connection migration = DB.database().connect();
                Statement read = reader.createStatement(); Statement apply = migration.createStatement()) {
            reader.setAutoCommit(false);
            read.executeQuery("SELECT count(*) FROM notes").close();
            migration.setAutoCommit(false);
            long start = System.nanoTime();
            assertThatThrownBy(() -> apply.execute(script)).isInstanceOf(SQLException.class)
                    .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("55P03");
            assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(30);
            migration.rollback();
            reader.rollback();
        }
    }

    /** The lock modes this session holds on a table. */
    private static Set<String> modes(Statement statement, String table) throws SQLException {
        return new TreeSet<>(strings(statement, "SELECT mode FROM pg_locks WHERE pid = pg_backend_pid()"
                + " AND relation = '" + table + "'::regclass"));
    }

    private static List<String> strings(Statement statement, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static int pid(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT pg_backend_pid()")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static List<String> warnings(Statement statement) throws SQLException {
        List<String> lines = new ArrayList<>();
        for (SQLWarning warning = statement.getWarnings(); warning != null; warning = warning.getNextWarning()) {
            lines.add(warning.getMessage());
        }
        return lines;
    }

    /** The statements the renderer writes for an operation, without its comments. */
    private static List<String> statementsOf(SchemaOperation operation) {
        return SqlRenderer.render(operation).stream().filter(line -> !line.startsWith("--")).toList();
    }

    private static String statementOf(SchemaOperation operation) {
        List<String> statements = statementsOf(operation);
        assertThat(statements).as(operation.describe()).hasSize(1);
        return statements.get(0);
    }
}
