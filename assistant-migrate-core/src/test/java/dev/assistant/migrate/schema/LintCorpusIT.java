package dev.assistant.migrate.schema;

import static dev.assistant.migrate.engine.TestHints.HINTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.assistant.db.testing.ScratchDatabaseExtension;
import dev.assistant.migrate.api.AssistantMigrate;
import dev.assistant.migrate.api.CheckReport;
import dev.assistant.migrate.api.CheckRequest;
import dev.assistant.migrate.api.EngineLog;
import dev.assistant.migrate.api.LintFinding;
import dev.assistant.migrate.api.LintMode;
import dev.assistant.migrate.api.LintRule;
import dev.assistant.migrate.api.MigrateRequest;
import dev.assistant.migrate.api.ModelSource;
import dev.assistant.migrate.api.Problem;
import dev.assistant.migrate.api.ProblemKind;
import dev.assistant.migrate.api.ScriptLocation;
import dev.assistant.migrate.api.StatusReport;
import dev.assistant.migrate.api.StatusRequest;
import dev.assistant.migrate.api.Workspace;
import dev.assistant.migrate.api.report.JsonReports;
import dev.assistant.migrate.api.report.TextReports;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The lint on its corpus (src/test/resources/lint-corpus): each case's migrations applied after a base whose tables
 * hold rows in the database check runs against; every trigger reported with exactly its rule, every safe rewrite with
 * nothing, on PostgreSQL itself.
 */
class LintCorpusIT {

    @RegisterExtension
    static final ScratchDatabaseExtension DB = new ScratchDatabaseExtension();

    private static final Path CORPUS = Path.of("src/test/resources/lint-corpus");
    private static final String MODEL = """
            @Entity @Table(name = "users")
            public class User {
                @Id Long id;
                @Column(nullable = false) String email;
                String name;
                Integer age;
                @Column(length = 50) String bio;
            }
            // ---
            @Entity @Table(name = "orders")
            public class Order {
                @Id Long id;
                @Column(name = "user_id", nullable = false) Long userId;
                @Column(precision = 10, scale = 2) java.math.BigDecimal amount;
            }
            """;

    @TempDir
    static Path classes;
    private static ModelSource model;

    @TempDir
    Path work;

    @BeforeAll
    static void compileModel() throws IOException {
        new CorpusCase("lint", List.of(), "", List.of(MODEL.split("(?m)^// ---$"))).compileModel(classes);
        model = ModelSource.of(List.of(classes));
    }

    @BeforeEach
    void emptyDatabase() throws SQLException {
        execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
    }

    static Stream<String> cases() throws IOException {
        try (Stream<Path> files = Files.list(CORPUS)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".sql"))
                    .filter(name -> !name.equals("base.sql")).map(name -> name.substring(0, name.length() - 4))
                    .sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void reportsExactlyTheExpectedRules(String name) throws IOException, SQLException {
        String text = Files.readString(CORPUS.resolve(name + ".sql"), StandardCharsets.UTF_8);
        CheckReport report = check(text.split("(?m)^-- next migration\\n"), LintMode.ERROR);

        assertThat(report.problems()).as("every migration replays").extracting(Problem::kind)
                .isSubsetOf(ProblemKind.MISSING_UNDO, ProblemKind.MODEL_DRIFT);
        assertThat(report.lint().stream().filter(f -> f.allowed().isEmpty()).map(f -> f.rule().id()).sorted())
                .as(name + ": " + report.lint().stream().map(LintFinding::describe).toList())
                .containsExactlyElementsOf(header(text, "expect"));
        assertThat(report.lint().stream().filter(f -> f.allowed().isPresent()).map(f -> f.rule().id()).sorted())
                .as(name).containsExactlyElementsOf(header(text, "accepted"));
        if (name.startsWith("safe-")) {
            assertThat(report.lint()).noneMatch(LintFinding::fails);
        }
    }

    @Test
    void aFindingNamesTheStatementWhatPostgresqlDidTheSizeHereAndTheSafePattern() throws IOException, SQLException {
        CheckReport report = check(new String[] {"SET lock_timeout = '5s';\n\nALTER TABLE users ALTER COLUMN age"
                + " TYPE bigint;\n"}, LintMode.ERROR);

        assertThat(report.lint()).singleElement().satisfies(finding -> {
            assertThat(finding.describe()).startsWith("V2__change.sql:3 [table-rewrite] ALTER TABLE users ALTER"
                    + " COLUMN age TYPE bigint: PostgreSQL rewrote users (a new data file) under ACCESS EXCLUSIVE"
                    + " (≈2000 rows, ").contains(" in " + DB.database().settings().database() + ").",
                    " Instead: " + LintRule.TABLE_REWRITE.safePattern());
            assertThat(finding.fails()).isTrue();
        });
        assertThat(report.passed()).isFalse();
        assertThat(report.findings()).anySatisfy(line -> assertThat(line).startsWith("V2__change.sql:3 [table-rewrite]"));
    }

    @Test
    void warnReportsWithoutFailingAndOffObservesNothing() throws IOException, SQLException {
        String[] trigger = {"CREATE INDEX users_email ON users (email);\n"};

        CheckReport warned = check(trigger, LintMode.WARN);
        assertThat(warned.lint()).extracting(LintFinding::rule).containsExactly(LintRule.NON_CONCURRENT_INDEX);
        assertThat(warned.lint()).noneMatch(LintFinding::fails);

        execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
        assertThat(check(trigger, LintMode.OFF).lint()).isEmpty();
    }

    @Test
    void statusMarksThePendingMigrationsThatWouldBlockProduction() throws IOException, SQLException {
        Path scripts = Files.createDirectories(work.resolve("status"));
        Files.copy(CORPUS.resolve("base.sql"), scripts.resolve("V1__base.sql"));
        Workspace workspace = new Workspace(DB.database().settings(), List.of(new ScriptLocation.Directory(scripts)));
        AssistantMigrate core = new AssistantMigrate(EngineLog.SILENT, HINTS);
        core.migrate(MigrateRequest.latest(workspace));
        execute("INSERT INTO users SELECT i, 'u' || i, NULL, 1, NULL, NULL FROM generate_series(1, 100) i;"
                + " ANALYZE users;");
        Files.writeString(scripts.resolve("V2__email_index.sql"), "CREATE INDEX users_email ON users (email);\n");
        Files.writeString(scripts.resolve("V3__nickname.sql"), "SET lock_timeout = '5s';\n"
                + "ALTER TABLE users ADD COLUMN nickname text;\n");

        StatusReport report = core.status(new StatusRequest(workspace, LintMode.ERROR));

        assertThat(report.lint()).extracting(LintFinding::script, f -> f.rule().id(), LintFinding::size)
                .containsExactly(tuple("V2__email_index.sql", "non-concurrent-index", Optional.of("≈100 rows, "
                        + report.lint().get(0).size().orElseThrow().split(", ")[1])));
        assertThat(report.lintNotChecked()).isEmpty();
        assertThat(String.join("\n", TextReports.status(report, HINTS))).contains("Lint:     1 finding in the"
                + " pending migrations", "  - error: V2__email_index.sql:1 [non-concurrent-index]");
        assertThat(JsonReports.status(report)).contains("\"rule\" : \"non-concurrent-index\"");
        assertThat(core.status(new StatusRequest(workspace)).lint()).as("off unless asked").isEmpty();
    }

    /** Applies the base to the database check runs against, fills it, then checks with the case's migrations. */
    private CheckReport check(String[] migrations, LintMode mode) throws IOException, SQLException {
        Path scripts = Files.createDirectories(work.resolve("migrations-" + mode));
        Files.copy(CORPUS.resolve("base.sql"), scripts.resolve("V1__base.sql"));
        Workspace workspace = new Workspace(DB.database().settings(),
                List.of(new ScriptLocation.Directory(scripts)));
        new AssistantMigrate(EngineLog.SILENT, HINTS).migrate(MigrateRequest.latest(workspace));
        execute("INSERT INTO users SELECT i, 'u' || i || '@example.org', 'user ' || i, 30, 'bio', NULL"
                + " FROM generate_series(1, 2000) i; ANALYZE users;");
        for (int i = 0; i < migrations.length; i++) {
            Files.writeString(scripts.resolve("V" + (i + 2) + "__change.sql"), migrations[i], StandardCharsets.UTF_8);
        }
        return new AssistantMigrate(EngineLog.SILENT, HINTS).check(new CheckRequest(workspace, Optional.of(model),
                null, List.of(), List.of(), mode));
    }

    /** The rule ids a case's {@code -- <key>: a, b} line names, sorted; none for {@code none} or no such line. */
    private static List<String> header(String text, String key) {
        return text.lines().filter(line -> line.startsWith("-- " + key + ": ")).findFirst()
                .map(line -> line.substring(("-- " + key + ": ").length()).strip())
                .filter(list -> !list.equals("none"))
                .map(list -> Arrays.stream(list.split(",\\s*")).sorted().toList())
                .orElse(new ArrayList<>());
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = DB.database().connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
