package dev.assistant.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assistant.db.testing.Jdbc;
import dev.assistant.db.testing.ScratchDatabase;
import dev.assistant.db.testing.ScratchDatabaseExtension;
import dev.assistant.migrate.schema.CorpusCase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tool as production runs it: {@code java -jar} in a process of its own, configured by DATABASE_URL, against a
 * real database. Each command's outcome on standard output, progress and errors on standard error, its exit code, the
 * database afterwards, and never the password (the scratch database's, random), in any output.
 */
class CliIT {

    @RegisterExtension
    static final ScratchDatabaseExtension DB = new ScratchDatabaseExtension();

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path project;

    private Path migrations;

    @BeforeEach
    void emptyDatabaseAndProject() throws SQLException, IOException {
        try (Connection connection = DB.database().connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
        }
        migrations = Files.createDirectories(project.resolve("src/main/resources/db/migration"));
    }

    private CliProcess cli() {
        ScratchDatabase database = DB.database();
        return CliProcess.in(project).env("DATABASE_URL", database.url()).secret(database.password());
    }

    private void table(int version) throws IOException {
        Files.writeString(migrations.resolve("V" + version + "__t" + version + ".sql"),
                "CREATE TABLE t" + version + " (id integer PRIMARY KEY);\n", StandardCharsets.UTF_8);
        Files.writeString(migrations.resolve("U" + version + "__t" + version + ".sql"),
                "DROP TABLE t" + version + ";\n", StandardCharsets.UTF_8);
    }

    private static List<String> history() {
        return Jdbc.strings(DB.database().settings(), "SELECT coalesce(version, 'R') || CASE WHEN success THEN '' ELSE"
                + " '!' END FROM flyway_schema_history ORDER BY installed_rank");
    }

    private static List<String> tables() {
        return Jdbc.strings(DB.database().settings(), "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
                + " AND tablename <> 'flyway_schema_history' ORDER BY 1");
    }

    @Test
    void appliesShowsAndUndoesWithAProgressLinePerMigration() throws IOException {
        table(1);
        table(2);
        table(3);

        CliProcess.Result apply = cli().run("apply");
        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        assertThat(apply.err().lines()).as(apply.toString()).satisfiesExactly(
                line -> assertThat(line).startsWith("Migrating postgresql://" + DB.database().user() + ":****@")
                        .endsWith(" from " + migrations),
                line -> assertThat(line).startsWith("Applied V1 t1 ("),
                line -> assertThat(line).startsWith("Applied V2 t2 ("),
                line -> assertThat(line).startsWith("Applied V3 t3 ("));
        assertThat(apply.out()).startsWith("Applied 3 migrations in ").contains("Now at version 3 (t3), applied ");
        assertThat(history()).containsExactly("1", "2", "3");

        CliProcess.Result current = cli().run("current");
        assertThat(current.exitCode()).as(current.toString()).isZero();
        assertThat(current.out()).contains("Scripts:  " + migrations, "Current:  version 3 (t3)", "Up to date.");

        CliProcess.Result downgrade = cli().run("downgrade", "-1");
        assertThat(downgrade.exitCode()).as(downgrade.toString()).isZero();
        assertThat(downgrade.err()).contains("Undid V3 t3 (");
        assertThat(downgrade.out()).contains("Undid 1 migration in ", "Now at version 2 (t2)");
        assertThat(history()).containsExactly("1", "2");

        CliProcess.Result status = cli().run("status", "--format", "json");
        assertThat(status.exitCode()).as("status exits 0 with migrations pending: %s", status).isZero();
        JsonNode statusJson = JSON.readTree(status.out());
        assertThat(status.out().strip()).startsWith("{").endsWith("}");
        assertThat(statusJson.get("report").asText()).isEqualTo("status");
        assertThat(statusJson.get("current").get("version").asText()).isEqualTo("2");
        assertThat(statusJson.get("pending").get(0).get("version").asText()).isEqualTo("3");
        assertThat(statusJson.get("upToDate").asBoolean()).isFalse();

        CliProcess.Result history = cli().run("history", "--format", "json");
        JsonNode historyJson = JSON.readTree(history.out());
        assertThat(history.out().strip()).startsWith("{").endsWith("}");
        assertThat(historyJson.get("applied").findValuesAsText("version")).containsExactly("1", "2");
        assertThat(historyJson.get("pending").findValuesAsText("script")).containsExactly("V3__t3.sql");

        CliProcess.Result plan = cli().run("downgrade", "base", "--dry-run");
        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        assertThat(plan.out()).contains("Dry run: would undo 2 migrations", "DROP TABLE t2;", "DROP TABLE t1;",
                "Nothing was changed.");
        assertThat(history()).containsExactly("1", "2");
    }

    @Test
    void withSqlItWritesThePsqlScriptOfTheRunAndAppliesNothing() throws IOException {
        table(1);
        table(2);
        table(3);
        assertThat(cli().run("apply", "--target", "1").exitCode()).isZero();

        CliProcess.Result toOutput = cli().run("apply", "--sql", "-");

        assertThat(toOutput.exitCode()).as(toOutput.toString()).isZero();
        assertThat(toOutput.out()).startsWith("-- Migration script written by assistant-migrate ")
                .contains("-- From version 1 (t1) to version 3 (t3): 2 migrations to apply:", "CREATE TABLE t2",
                        "'3', 't3', 'SQL', 'V3__t3.sql'")
                .doesNotContain("Wrote the migration script");
        assertThat(toOutput.err()).contains("Wrote the migration script of 2 migrations for postgresql://"
                + DB.database().user() + ":****@", "to standard output; nothing was applied:",
                "  psql -X -v ON_ERROR_STOP=1 -h ", " -f <file>");

        CliProcess.Result toFile = cli().run("apply", "--sql", "out/migrate.sql", "--target", "2");

        assertThat(toFile.exitCode()).as(toFile.toString()).isZero();
        Path file = project.resolve("out/migrate.sql");
        assertThat(toFile.out()).contains("Wrote the migration script of 1 migration for ",
                "to " + file + "; nothing was applied:", " -f " + file);
        assertThat(Files.readString(file)).contains("-- From version 1 (t1) to version 2 (t2): 1 migration to"
                + " apply:").doesNotContain("V3__t3.sql");
        assertThat(history()).containsExactly("1");
        assertThat(tables()).containsExactly("t1");
    }

    @Test
    void aFailedMigrationIsAProblemFoundAndLeavesTheDatabaseAsItWas() throws IOException {
        table(1);
        Files.writeString(migrations.resolve("V2__broken.sql"), "-- a typo\nCREATE TABLE broken (id integr);\n",
                StandardCharsets.UTF_8);
        Files.writeString(migrations.resolve("U2__broken.sql"), "DROP TABLE broken;\n", StandardCharsets.UTF_8);

        CliProcess.Result apply = cli().run("apply");

        assertThat(apply.exitCode()).as(apply.toString()).isEqualTo(ExitCode.PROBLEMS);
        assertThat(apply.out()).isEmpty();
        assertThat(apply.err()).contains("Applied V1 t1 (", "error: Migration V2__broken.sql failed",
                "File:      " + migrations.resolve("V2__broken.sql") + ":2", "SQL state: 42704",
                "type \"integr\" does not exist")
                .doesNotContain("\tat ");
        assertThat(history()).containsExactly("1");
        assertThat(tables()).containsExactly("t1");
    }

    @Test
    void checkAndCreateWorkFromTheCompiledEntityModel() throws IOException {
        compileNotesModel(project.resolve("target/classes"));

        CliProcess.Result drift = cli().run("check");
        assertThat(drift.exitCode()).as(drift.toString()).isEqualTo(ExitCode.PROBLEMS);
        assertThat(drift.out()).startsWith("Migration check failed: ").contains("notes");
        assertThat(drift.err()).as("Hibernate's and Flyway's logging stays in the verbose output")
                .doesNotContain("HHH", "[hibernate]", "[flyway]", "SLF4J");

        CliProcess.Result create = cli().run("create", "--autogenerate", "--message", "create notes");
        assertThat(create.exitCode()).as(create.toString()).isZero();
        assertThat(create.out()).contains("Created " + migrations.resolve("V"), "__create_notes.sql",
                "review both files, then apply them: `assistant-migrate apply`.");
        try (Stream<Path> files = Files.list(migrations)) {
            Path upgrade = files.filter(file -> file.getFileName().toString().startsWith("V")).findFirst()
                    .orElseThrow();
            assertThat(Files.readString(upgrade)).contains("CREATE TABLE notes");
        }

        CliProcess.Result apply = cli().run("apply", "--quiet");
        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        assertThat(apply.err()).as("--quiet prints no progress").isEmpty();
        assertThat(tables()).containsExactly("notes");

        CliProcess.Result check = cli().run("check", "--verbose");
        assertThat(check.exitCode()).as(check.toString()).isZero();
        assertThat(check.out()).startsWith("Migration check passed for postgresql://");
        assertThat(check.err()).as("Hibernate's logging is routed (the service file of the jar) into the debug lines")
                .contains("debug: [hibernate] ", "debug: [flyway] ")
                .doesNotContain("SLF4J");

        CliProcess.Result template = cli().run("create", "-m", "backfill notes");
        assertThat(template.exitCode()).as(template.toString()).isZero();
        assertThat(template.out()).contains("__backfill_notes.sql", "Write the change and its undo, then apply them:"
                + " `assistant-migrate apply`.");
    }

    /** The entity model of the autogenerate corpus' first case, a table {@code notes}, compiled as a build would. */
    private static void compileNotesModel(Path classes) throws IOException {
        Path caseFile = Files.createTempFile("notes", ".case");
        try (InputStream in = CliIT.class.getClassLoader()
                .getResourceAsStream("autogenerate-corpus/01-create-table.case")) {
            assertThat(in).isNotNull();
            Files.write(caseFile, in.readAllBytes());
        }
        CorpusCase.read(caseFile).compileModel(classes);
        Files.delete(caseFile);
    }

    @Test
    void noPasswordInAnyOutputAtAnyLevelOrFailure() throws IOException {
        table(1);
        ScratchDatabase database = DB.database();

        assertThat(cli().run("apply", "--verbose").exitCode()).isZero();
        assertThat(cli().run("current", "--verbose").out()).contains(":****@");
        assertThat(cli().run("history", "--verbose", "--format", "json").exitCode()).isZero();
        assertThat(cli().run("downgrade", "-1", "--dry-run", "--verbose").exitCode()).isZero();

        CliProcess.Result inUrl = CliProcess.in(project).secret(database.password())
                .run("current", "--url", database.url());
        assertThat(inUrl.exitCode()).as(inUrl.toString()).isZero();
        assertThat(inUrl.err()).startsWith("warning: the password in --url can be read by every user of this machine"
                + " (ps)");

        String wrong = "Wr0ng" + database.password();
        CliProcess.Result rejected = CliProcess.in(project).secret(database.password()).secret(wrong)
                .env("DATABASE_URL", database.url().replace(":" + database.password() + "@", ":" + wrong + "@"))
                .run("current", "--verbose");
        assertThat(rejected.exitCode()).as(rejected.toString()).isEqualTo(ExitCode.PROBLEMS);
        assertThat(rejected.err()).contains("rejected the password for user '" + database.user() + "' (SQL state"
                + " 28P01). The password came from the environment (DATABASE_URL / POSTGRES_*)");
    }

    @Test
    void adoptsAHandBuiltDatabaseThenRepairsAReviewedEditOnlyWhenTold() throws IOException, SQLException {
        try (Connection connection = DB.database().connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE notes (id bigserial PRIMARY KEY, body text NOT NULL)");
        }

        CliProcess.Result neither = cli().run("baseline");
        assertThat(neither.exitCode()).as(neither.toString()).isEqualTo(ExitCode.USAGE);

        CliProcess.Result baseline = cli().run("baseline", "--message", "adopt notes");
        assertThat(baseline.exitCode()).as(baseline.toString()).isZero();
        assertThat(history()).singleElement().asString().matches("\\d{14}");
        String version = history().get(0);
        assertThat(baseline.out()).contains("Created " + migrations.resolve("V" + version + "__adopt_notes.sql"),
                "is now at version " + version + " (adopt notes), recorded as Flyway's baseline; no script ran there.",
                "Migrations after it apply on top: `assistant-migrate apply`");
        assertThat(Files.readString(migrations.resolve("V" + version + "__adopt_notes.sql")))
                .contains("CREATE TABLE notes (");

        CliProcess.Result again = cli().run("baseline", "--message", "adopt notes");
        assertThat(again.exitCode()).as(again.toString()).isEqualTo(ExitCode.PROBLEMS);
        assertThat(again.err()).contains("already has a schema history, 1 row in public.flyway_schema_history, the"
                + " newest V" + version + " (adopt notes, BASELINE");

        Path later = migrations.resolve("V99991231235959__note_title.sql");
        Files.writeString(later, "ALTER TABLE notes ADD COLUMN title text;\n", StandardCharsets.UTF_8);
        Files.writeString(migrations.resolve("U99991231235959__note_title.sql"),
                "ALTER TABLE notes DROP COLUMN title;\n", StandardCharsets.UTF_8);
        assertThat(cli().run("apply").exitCode()).isZero();
        Files.writeString(later, "-- reviewed: the column holds the title\nALTER TABLE notes ADD COLUMN title text;\n",
                StandardCharsets.UTF_8);

        CliProcess.Result look = cli().run("repair");
        assertThat(look.exitCode()).as(look.toString()).isZero();
        assertThat(look.out()).contains("Dry run: repair would change ", "checksums", "V99991231235959 (note title)",
                "Nothing was changed.", "To make these changes, name them: `assistant-migrate repair checksums`.");

        CliProcess.Result bogus = cli().run("repair", "everything");
        assertThat(bogus.exitCode()).as(bogus.toString()).isEqualTo(ExitCode.PROBLEMS);
        assertThat(bogus.err()).contains("'everything' is not something repair changes");

        CliProcess.Result repair = cli().run("repair", "checksums");
        assertThat(repair.exitCode()).as(repair.toString()).isZero();
        assertThat(repair.out()).contains("Changed 1 history row in one transaction.");
        assertThat(cli().run("current").out()).contains("Problems: none", "Up to date.");

        CliProcess.Result downgrade = cli().run("downgrade", "base");
        assertThat(downgrade.exitCode()).as(downgrade.toString()).isZero();
        assertThat(downgrade.out()).contains("Undid 1 migration");
        assertThat(history()).containsExactly(version);
        assertThat(tables()).containsExactly("notes");
    }

    @Test
    void theJarKnowsItsVersionAndEndsWithTheDocumentedExitCodes() {
        CliProcess.Result version = cli().run("--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("assistant-migrate " + System.getProperty("assistant.version", ""))
                .doesNotContain("development build");

        CliProcess.Result usage = cli().run("apply", "--no-such-option");
        assertThat(usage.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(usage.err()).startsWith("error: Unknown option: --no-such-option");

        CliProcess.Result unreachable = CliProcess.in(project)
                .env("DATABASE_URL", "postgresql://u:Pw12345678@127.0.0.1:1/db").secret("Pw12345678").run("current");
        assertThat(unreachable.exitCode()).as(unreachable.toString()).isEqualTo(ExitCode.COULD_NOT_RUN);
        assertThat(unreachable.err()).startsWith("error: No PostgreSQL server answers at 127.0.0.1:1");
    }
}
