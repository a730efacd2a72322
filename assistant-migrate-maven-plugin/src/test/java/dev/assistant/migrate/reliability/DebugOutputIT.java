package dev.assistant.migrate.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assistant.db.testing.ScratchDatabase;
import dev.assistant.db.testing.ScratchDatabaseExtension;
import dev.assistant.migrate.it.MavenRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Every goal at every log level, with the password given every way: no output contains it. */
class DebugOutputIT {

    @RegisterExtension
    static final ScratchDatabaseExtension DB = new ScratchDatabaseExtension();

    @TempDir
    static Path work;

    @TestFactory
    Stream<DynamicTest> noGoalPrintsThePasswordAtAnyLogLevel() throws IOException {
        ScratchDatabase database = DB.database();
        String password = database.password();
        String url = database.url();
        String urlWithoutPassword = "postgresql://" + database.user() + "@" + database.settings().host() + ":"
                + database.settings().port() + "/" + database.name();
        Path connectionFile = work.resolve("connection.properties");
        Files.writeString(connectionFile, "url=" + urlWithoutPassword + "\npassword=" + password + "\n");
        Path urlsFile = work.resolve("fleet.txt");
        Files.writeString(urlsFile, "# one database\n" + url + "\n");
        record Way(String name, Map<String, String> environment, List<String> arguments) {
        }
        List<Way> ways = List.of(
                new Way("DATABASE_URL", Map.of("DATABASE_URL", url), List.of()),
                new Way("POSTGRES_PASSWORD", Map.of("DATABASE_URL", urlWithoutPassword, "POSTGRES_PASSWORD", password),
                        List.of()),
                new Way("-Dassistant.url", Map.of(), List.of("-Dassistant.url=" + url)),
                new Way("-Dassistant.password", Map.of(), List.of("-Dassistant.url=" + urlWithoutPassword,
                        "-Dassistant.password=" + password)),
                new Way("connectionFile", Map.of(), List.of("-Dassistant.connectionFile=" + connectionFile)),
                new Way("-Dassistant.urls", Map.of(), List.of("-Dassistant.urls=" + url)),
                new Way("-Dassistant.urls and -Dassistant.password", Map.of(), List.of("-Dassistant.urls="
                        + urlWithoutPassword, "-Dassistant.password=" + password)),
                new Way("urlsFile", Map.of(), List.of("-Dassistant.urlsFile=" + urlsFile)));
        List<List<String>> goals = List.of(
                List.of("assistant-migrate:migrate"),
                List.of("assistant-migrate:status"),
                List.of("assistant-migrate:status", "-Dassistant.format=json"),
                List.of("assistant-migrate:history"),
                List.of("assistant-migrate:check"),
                List.of("assistant-migrate:downgrade", "-Dassistant.target=base", "-Dassistant.dryRun=true"),
                List.of("assistant-migrate:downgrade", "-Dassistant.target=base"));
        Path project = MavenRun.project(work.resolve("project"));
        Files.writeString(project.resolve("src/main/resources/db/migration/V1__first.sql"),
                "CREATE TABLE first (id integer PRIMARY KEY);\n", StandardCharsets.UTF_8);
        Files.writeString(project.resolve("src/main/resources/db/migration/U1__first.sql"),
                "DROP TABLE first;\n", StandardCharsets.UTF_8);
        Stream<DynamicTest> everyWay = ways.stream().map(way -> run(project, password, way.name(), way.environment(),
                concat(List.of("assistant-migrate:migrate", "-X"), way.arguments())));
        Way viaEnvironment = ways.get(0);
        Stream<DynamicTest> everyGoal = goals.stream().map(goal -> run(project, password, viaEnvironment.name(),
                viaEnvironment.environment(), concat(goal, List.of("-X"))));
        return Stream.concat(everyWay, everyGoal);
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new java.util.ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static DynamicTest run(Path project, String password, String way, Map<String, String> environment,
            List<String> arguments) {
        return DynamicTest.dynamicTest(String.join(" ", arguments) + " (password from " + way + ")", () -> {
            MavenRun.Result result = MavenRun.in(project).environment(environment)
                    .run(arguments.toArray(String[]::new));
            assertThat(result.failed()).as(result.output()).isFalse();
            assertThat(result.output()).as("debug output of " + arguments).contains("[DEBUG]")
                    .doesNotContain(password);
        });
    }
}
