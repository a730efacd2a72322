package dev.assistant.migrate.schema;

import static dev.assistant.migrate.engine.TestHints.HINTS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assistant.db.testing.ScratchDatabaseExtension;
import dev.assistant.migrate.api.AssistantMigrate;
import dev.assistant.migrate.api.CheckReport;
import dev.assistant.migrate.api.CheckRequest;
import dev.assistant.migrate.api.CreateRequest;
import dev.assistant.migrate.api.CreateResult;
import dev.assistant.migrate.api.EngineLog;
import dev.assistant.migrate.api.MigrateRequest;
import dev.assistant.migrate.api.ModelSource;
import dev.assistant.migrate.api.Problem;
import dev.assistant.migrate.api.ScriptLocation;
import dev.assistant.migrate.api.Workspace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The migrations create writes for a change that needs the safe forms are a history check accepts: every step's
 * undo gives back the schema before that step (the stairway), and the model no longer drifts.
 */
class SafeFormsCheckIT {

    @RegisterExtension
    static final ScratchDatabaseExtension DB = new ScratchDatabaseExtension();

    @TempDir
    Path work;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "94-indexes-on-table-with-rows | DROP TABLE notes; | drop_indexes,indexes",
        "97-change-on-delete-on-rows | DROP TABLE notes; DROP TABLE authors; | unvalidate,,validate",
        "99-safe-forms-together | DROP TABLE tasks; DROP TABLE users; | ,validate,indexes"})
    void everyStepOfASafeChangeUndoesExactlyWhatItDid(String corpusCase, String undo, String steps) throws Exception {
        try (Connection connection = DB.database().connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
        }
        CorpusCase safe = CorpusCase.read(Path.of(getClass().getClassLoader().getResource(
                "autogenerate-corpus/" + corpusCase + ".case").toURI()));
        Path scripts = Files.createDirectories(work.resolve(corpusCase).resolve("migrations"));
        Files.writeString(scripts.resolve("V1__before.sql"), safe.before() + "\n", StandardCharsets.UTF_8);
        Files.writeString(scripts.resolve("U1__before.sql"), undo + "\n", StandardCharsets.UTF_8);
        Path classes = work.resolve(corpusCase).resolve("classes");
        safe.compileModel(classes);
        Workspace workspace = new Workspace(DB.database().settings(), List.of(new ScriptLocation.Directory(scripts)));
        AssistantMigrate core = new AssistantMigrate(EngineLog.SILENT, HINTS);
        Optional<ModelSource> model = Optional.of(ModelSource.of(List.of(classes)));
        core.migrate(new MigrateRequest(workspace, null, false, null));

        CreateResult created = core.create(new CreateRequest(workspace, "safe change", true, scripts, model, null));
        List<String> names = new ArrayList<>();
        String[] suffixes = steps.split(",", -1);
        for (int i = 0; i < suffixes.length; i++) {
            String version = "<ts>" + (i == 0 ? "" : "." + i);
            String slug = "safe_change" + (suffixes[i].isEmpty() ? "" : "_" + suffixes[i]);
            names.add("V" + version + "__" + slug + ".sql");
            names.add("U" + version + "__" + slug + ".sql");
        }
        assertThat(created.files()).extracting(path -> path.getFileName().toString().replaceAll("\\d{14}", "<ts>"))
                .containsExactlyElementsOf(names);
        core.migrate(new MigrateRequest(workspace, null, false, null));

        CheckReport report = core.check(new CheckRequest(workspace, model, null));
        assertThat(report.problems()).extracting(Problem::detail).isEmpty();
        assertThat(report.passed()).isTrue();
        assertThat(report.lint()).as("what the lock and rewrite lint finds in the generated safe forms: only the"
                        + " placeholder's backfill of NULLs, which runs under the lock of the change it belongs to")
                .extracting(finding -> finding.rule().id() + " " + finding.statement())
                .allMatch(finding -> finding.startsWith("lock-with-data-change UPDATE "));
    }
}
