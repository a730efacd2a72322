package dev.assistant.migrate.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assistant.db.testing.Jdbc;
import dev.assistant.db.testing.ScratchDatabase;
import dev.assistant.db.testing.ScratchDatabaseExtension;
import dev.assistant.migrate.it.MavenRun;
import dev.assistant.migrate.schema.ColumnDef;
import dev.assistant.migrate.schema.MigrationScripts;
import dev.assistant.migrate.schema.SchemaChanges;
import dev.assistant.migrate.schema.SchemaOperation;
import dev.assistant.migrate.schema.TableDef;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A message that tries to be SQL cannot become SQL. {@code create} refuses one of more than one line (BadInputIT);
 * here the pairs are written by the scripts' own header code with such messages anyway, as any front end could, and
 * applied and undone untouched by real Maven runs: the table the messages try to drop is still there.
 */
class CreateMessageIT {

    @RegisterExtension
    static final ScratchDatabaseExtension DB = new ScratchDatabaseExtension();

    @TempDir
    Path work;

    private static final List<String> MESSAGES = List.of(
            "add thing\nDROP TABLE users; --",
            "add thing\rDROP TABLE users; --",
            "add thing\r\nDROP TABLE users; --",
            "add thing\u0000DROP TABLE users; --",
            "add thing */ DROP TABLE users; /*",
            "add thing /* DROP TABLE users; --",
            "add thing $$ DROP TABLE users; $$",
            "add thing\u2028DROP TABLE users; --",
            "add thing\u0085DROP TABLE users; --");

    @Test
    void theUntouchedPairsNeitherDropNorLeaveAnything() throws Exception {
        ScratchDatabase database = DB.database();
        Path project = MavenRun.project(work.resolve("project"));
        Path migrations = project.resolve("src/main/resources/db/migration");
        Files.writeString(migrations.resolve("V1__users.sql"), "CREATE TABLE users (id integer PRIMARY KEY);\n");
        Files.writeString(migrations.resolve("U1__users.sql"), "DROP TABLE users;\n");
        for (int i = 0; i < MESSAGES.size(); i++) {
            int version = i + 2;
            SchemaChanges changes = SchemaChanges.of(List.of(new SchemaOperation.CreateTable(new TableDef(
                    "thing_" + version, List.of(new ColumnDef("id", "integer", false, null, null)), null, null, null,
                    null))));
            String upgrade = "V" + version + "__add_thing.sql";
            String downgrade = "U" + version + "__add_thing.sql";
            Files.writeString(migrations.resolve(upgrade), MigrationScripts.upgrade(MESSAGES.get(i), downgrade,
                    "the model", changes), StandardCharsets.UTF_8);
            Files.writeString(migrations.resolve(downgrade), MigrationScripts.downgrade(MESSAGES.get(i), upgrade,
                    changes), StandardCharsets.UTF_8);
        }
        Files.writeString(project.resolve(".env"), "DATABASE_URL=" + database.url() + "\n");

        MavenRun.Result migrate = MavenRun.in(project).run("assistant-migrate:migrate");
        assertThat(migrate.failed()).as(migrate.output()).isFalse();
        assertThat(tables(database)).as(migrate.output()).contains("users", "thing_2", "thing_10");

        MavenRun.Result downgrade = MavenRun.in(project).run("assistant-migrate:downgrade",
                "-Dassistant.target=1");
        assertThat(downgrade.failed()).as(downgrade.output()).isFalse();
        assertThat(tables(database)).as(downgrade.output()).containsExactly("flyway_schema_history", "users");
    }

    /** A one-line message full of SQL (no '/', which create refuses as a path separator) stays in the comment. */
    @Test
    void aOneLineMessageOfSqlIsWrittenAsAComment() throws IOException {
        ScratchDatabase database = DB.database();
        Path project = MavenRun.project(work.resolve("create"));
        Files.writeString(project.resolve(".env"), "DATABASE_URL=" + database.url() + "\n");
        MavenRun.Result create = MavenRun.in(project).run("assistant-migrate:create",
                "-Dassistant.message=add thing'; DROP TABLE users; -- $$ *");
        assertThat(create.failed()).as(create.output()).isFalse();
        try (Stream<Path> files = Files.list(project.resolve("src/main/resources/db/migration"))) {
            List<Path> pair = files.toList();
            assertThat(pair).hasSize(2);
            for (Path file : pair) {
                assertThat(file.getFileName().toString()).endsWith("__add_thing_drop_table_users.sql");
                assertThat(Files.readAllLines(file)).allSatisfy(line -> assertThat(line).matches("(--.*)?"));
            }
        }
    }

    private static List<String> tables(ScratchDatabase database) {
        return Jdbc.strings(database.settings(),
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename");
    }
}
