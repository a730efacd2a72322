package dev.assistant.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assistant.db.testing.Jdbc;
import dev.assistant.db.testing.ScratchDatabase;
import dev.assistant.db.testing.TestDatabaseServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tool over a fleet, as a production Job runs it: {@code java -jar … apply --urls-file fleet.txt}, three databases
 * with a role and password of their own written into the file, the second broken (at version 1, with a table made by
 * hand that V2 creates). The summary on standard output, the failure on standard error, exit codes, every database
 * afterwards, and no password in any output.
 */
class FleetCliIT {

    private static final List<ScratchDatabase> DATABASES = new ArrayList<>();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path project;

    @BeforeAll
    static void threeDatabases() throws IOException {
        for (int i = 0; i < 3; i++) {
            DATABASES.add(TestDatabaseServer.get().createScratch("cli_fleet" + i));
        }
        Path migrations = Files.createDirectories(project.resolve("src/main/resources/db/migration"));
        for (int version = 1; version <= 2; version++) {
            Files.writeString(migrations.resolve("V" + version + "__t" + version + ".sql"),
                    "CREATE TABLE t" + version + " (id integer PRIMARY KEY);\n", StandardCharsets.UTF_8);
            Files.writeString(migrations.resolve("U" + version + "__t" + version + ".sql"),
                    "DROP TABLE t" + version + ";\n", StandardCharsets.UTF_8);
        }
        List<String> lines = new ArrayList<>(List.of("# tenants, each with its own role"));
        DATABASES.forEach(database -> lines.add(database.url()));
        Files.write(project.resolve("fleet.txt"), lines, StandardCharsets.UTF_8);
    }

    @AfterAll
    static void dropThem() {
        DATABASES.forEach(ScratchDatabase::close);
    }

    private static CliProcess cli() {
        CliProcess process = CliProcess.in(project);
        DATABASES.forEach(database -> process.secret(database.password()));
        return process;
    }

    @Test
    void applyCurrentCheckAndDowngradeOverTheFleet() throws IOException, SQLException {
        cli().env("DATABASE_URL", DATABASES.get(1).url()).run("apply", "--target", "1");
        try (Connection connection = DATABASES.get(1).connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE t2 (made_by_hand text)");
        }

        CliProcess.Result apply = cli().run("apply", "--urls-file", "fleet.txt", "--parallel", "2");
        assertThat(apply.exitCode()).as(apply.toString()).isEqualTo(ExitCode.PROBLEMS);
        List<String> table = apply.out().lines().toList();
        assertThat(table.get(0)).matches("Database +Before → after +Applied +Time +Result");
        assertThat(table.get(2)).startsWith(location(0)).contains("none → 2").endsWith("applied 2");
        assertThat(table.get(3)).startsWith(location(1)).contains("FAILED: Migration V2__t2.sql failed");
        assertThat(table.get(4)).startsWith(location(2)).endsWith("applied 2");
        assertThat(table.get(5)).startsWith("migrate: 2 of 3 databases ok, 1 failed, 2 at a time, in ");
        assertThat(apply.err()).contains("[" + DATABASES.get(0).name() + "] Applied V2 t2 (",
                "error: migrate failed on 1 of 3 databases:", "  - " + location(1) + ": Migration V2__t2.sql failed");
        assertThat(history(0)).containsExactly("1", "2");
        assertThat(history(1)).containsExactly("1");
        assertThat(history(2)).containsExactly("1", "2");

        CliProcess.Result current = cli().run("current", "--urls-file", "fleet.txt", "--format", "json");
        assertThat(current.exitCode()).as(current.toString()).isZero();
        JsonNode json = JSON.readTree(current.out());
        assertThat(json.get("report").asText()).isEqualTo("fleet-status");
        assertThat(json.get("databases").findValuesAsText("database"))
                .containsExactly(location(0), location(1), location(2));
        assertThat(json.get("databases").get(1).get("status").get("pending").findValuesAsText("version"))
                .containsExactly("2");

        CliProcess.Result inline = cli().run("current", "--urls", DATABASES.get(0).url() + "," + DATABASES.get(2).url());
        assertThat(inline.exitCode()).as(inline.toString()).isZero();
        assertThat(inline.err()).contains("warning: the passwords in --urls can be read by every user of this machine");
        assertThat(inline.out()).contains("status: 2 of 2 databases ok");

        CliProcess.Result unreachable = cli().run("current", "--urls", "postgresql://app:pw@127.0.0.1:1/nowhere");
        assertThat(unreachable.exitCode()).as("no server answered: may pass later. %s", unreachable)
                .isEqualTo(ExitCode.COULD_NOT_RUN);
        assertThat(unreachable.err()).contains("  - postgresql://127.0.0.1:1/nowhere: No PostgreSQL server answers");

        CliProcess.Result check = cli().run("check", "--urls-file", "fleet.txt");
        assertThat(check.exitCode()).as(check.toString()).isEqualTo(ExitCode.PROBLEMS);
        assertThat(check.out()).contains("Migration check failed: 2 findings in", "pending: V2 t2 (V2__t2.sql)",
                "changed outside migrations");
        assertThat(check.out().lines().filter(line -> line.endsWith("passed"))).hasSize(2);

        CliProcess.Result downgrade = cli().run("downgrade", "base", "--urls-file", "fleet.txt", "--fail-fast",
                "--parallel", "1");
        assertThat(downgrade.exitCode()).as(downgrade.toString()).isZero();
        assertThat(downgrade.out()).contains("downgrade: 3 of 3 databases ok, 1 at a time, in ");
        for (int i = 0; i < 3; i++) {
            assertThat(history(i)).as("database %d", i).isEmpty();
        }
    }

    private static String location(int index) {
        return DATABASES.get(index).settings().location();
    }

    private static List<String> history(int index) {
        return Jdbc.strings(DATABASES.get(index).settings(), "SELECT version FROM flyway_schema_history WHERE"
                + " success AND version IS NOT NULL ORDER BY installed_rank");
    }
}
