package dev.assistant.migrate.schema;

import static dev.assistant.migrate.engine.TestHints.HINTS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assistant.db.testing.ScratchDatabaseExtension;
import dev.assistant.migrate.api.AssistantMigrate;
import dev.assistant.migrate.api.CheckReport;
import dev.assistant.migrate.api.CheckRequest;
import dev.assistant.migrate.api.EngineLog;
import dev.assistant.migrate.api.MigrateRequest;
import dev.assistant.migrate.api.ModelSource;
import dev.assistant.migrate.api.Problem;
import dev.assistant.migrate.api.ProblemKind;
import dev.assistant.migrate.api.ScriptLocation;
import dev.assistant.migrate.api.Workspace;
import dev.assistant.migrate.engine.RecordingLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * check on a real project (src/test/resources/real-corpora, whose README says where each comes from): their own
 * histories replayed from nothing, step by step, their entity models read from their released jars (or compiled from their sources), and a database
 * migrated with the same history by {@code migrate} standing for the live one.
 *
 * <p>What check must find there, and nothing else: the migrations without an undo script and the versions that
 * change nothing on PostgreSQL; no step that fails to replay; no change made outside migrations (the
 * replay builds, script by script, exactly what migrate built); and the model drift in {@code expected-drift.txt}
 * of each corpus, one finding per line, every one of them listed in docs/autogenerate.md ("Real projects") with a
 * verdict. The objects that exist only in SQL on purpose are kept out by the corpus's ignore patterns. Each project
 * is a subclass, its own test class. With {@code -DrealCorpora.regenerate=true} the test writes the drift it finds
 * into those files instead of comparing.
 */
abstract class RealCorpusCheck {

    @RegisterExtension
    static final ScratchDatabaseExtension DB = new ScratchDatabaseExtension();

    static final Path CORPORA = Path.of("src/test/resources/real-corpora");
    static final Path DOWNLOADED = Path.of("target/real-corpora");
    private static final boolean REGENERATE = Boolean.getBoolean("realCorpora.regenerate");

    /** A real project: where its history is, its model, and what exists only in its SQL on purpose. */
    record Corpus(String name, List<Path> locations, ModelSource model, List<String> ignore,
            int noOpVersions) {

        Path expectedDrift() {
            return CORPORA.resolve(name).resolve("expected-drift.txt");
        }
    }

    @BeforeEach
    void emptyDatabase() throws SQLException {
        try (Connection connection = DB.database().connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
        }
    }

    void verify(Corpus corpus) throws IOException {
        Workspace workspace = new Workspace(DB.database().settings(),
                corpus.locations().stream().<ScriptLocation>map(ScriptLocation.Directory::new).toList());
        new AssistantMigrate(EngineLog.SILENT, HINTS).migrate(MigrateRequest.latest(workspace));
        RecordingLog log = new RecordingLog();
        long start = System.nanoTime();
        CheckReport report = new AssistantMigrate(log, HINTS).check(new CheckRequest(workspace,
                Optional.of(corpus.model()), null, List.of(), corpus.ignore()));
        long millis = (System.nanoTime() - start) / 1_000_000;
        Files.write(Path.of("target/real-corpora-" + corpus.name() + ".txt"), lines(corpus, report, log, millis));
        List<String> drift = report.problems().stream().filter(p -> p.kind() == ProblemKind.MODEL_DRIFT)
                .map(p -> p.subject() + ": " + p.detail().substring(p.detail().indexOf(" needs: ") + 1))
                .sorted().toList();
        if (REGENERATE) {
            Files.write(corpus.expectedDrift(), drift, StandardCharsets.UTF_8);
        }

        assertThat(report.pending()).isEmpty();
        assertThat(report.problems()).extracting(Problem::kind)
                .isSubsetOf(ProblemKind.MISSING_UNDO, ProblemKind.NO_OP_MIGRATION, ProblemKind.MODEL_DRIFT);
        assertThat(report.problems()).filteredOn(p -> p.kind() == ProblemKind.NO_OP_MIGRATION)
                .hasSize(corpus.noOpVersions());
        assertThat(report.problems()).filteredOn(p -> p.kind() == ProblemKind.MISSING_UNDO)
                .hasSize(scripts(corpus, "V") - scripts(corpus, "U"));
        assertThat(drift).containsExactlyElementsOf(Files.readAllLines(corpus.expectedDrift(), StandardCharsets.UTF_8));
    }

    /** What check said, and how long it took, in target/real-corpora-<name>.txt. */
    private static List<String> lines(Corpus corpus, CheckReport report, RecordingLog log, long millis) {
        List<String> lines = new ArrayList<>();
        lines.add(corpus.name() + ": " + scripts(corpus, "V") + " migrations, check took " + millis + " ms");
        report.problems().stream().filter(p -> p.kind() != ProblemKind.MISSING_UNDO).map(Problem::describe)
                .forEach(lines::add);
        lines.addAll(log.info());
        lines.add("lint: " + report.lint().size() + " findings, by rule: " + report.lint().stream()
                .collect(java.util.stream.Collectors.groupingBy(f -> f.rule().id(), java.util.TreeMap::new,
                        java.util.stream.Collectors.counting())));
        report.lint().stream().map(f -> "lint " + f.describe()).forEach(lines::add);
        log.lines().stream().filter(line -> line.startsWith("DEBUG [shadow]")).forEach(lines::add);
        return lines;
    }

    /** How many scripts of the corpus's history start with {@code prefix}: "V" migrations, "U" undo scripts. */
    private static int scripts(Corpus corpus, String prefix) {
        int count = 0;
        for (Path location : corpus.locations()) {
            try (Stream<Path> files = Files.list(location)) {
                count += (int) files.filter(file -> file.getFileName().toString().startsWith(prefix)).count();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return count;
    }
}
