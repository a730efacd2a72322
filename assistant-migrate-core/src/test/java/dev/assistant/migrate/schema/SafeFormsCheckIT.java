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
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
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

    @Test
    void everyStepOfASafeChangeUndoesExactlyWhatItDid() throws Exception {
        Path file = Path.of(getClass().getClassLoader().getResource(
                "autogenerate-corpus/97-change-on-delete-on-rows.case").toURI());
        CorpusCase safe = CorpusCase.read(file);
        Path scripts = Files.createDirectories(work.resolve("migrations"));
        Files.writeString(scripts.resolve("V1__before.sql"), safe.before() + "\n", StandardCharsets.UTF_8);
        Files.writeString(scripts.resolve("U1__before.sql"), "DROP TABLE notes;\nDROP TABLE authors;\n",
                StandardCharsets.UTF_8);
        Path classes = work.resolve("classes");
        safe.compileModel(classes);
        Workspace workspace = new Workspace(DB.database().settings(), List.of(new ScriptLocation.Directory(scripts)));
        AssistantMigrate core = new AssistantMigrate(EngineLog.SILENT, HINTS);
        Optional<ModelSource> model = Optional.of(ModelSource.of(List.of(classes)));
        core.migrate(new MigrateRequest(workspace, null, false, null));

        CreateResult created = core.create(new CreateRequest(workspace, "cascade notes", true, scripts, model, null));
        assertThat(created.files()).extracting(path -> path.getFileName().toString().replaceAll("\\d{14}", "<ts>"))
                .containsExactly("V<ts>__cascade_notes_unvalidate.sql", "U<ts>__cascade_notes_unvalidate.sql",
                        "V<ts>.1__cascade_notes.sql", "U<ts>.1__cascade_notes.sql",
                        "V<ts>.2__cascade_notes_validate.sql", "U<ts>.2__cascade_notes_validate.sql");
        core.migrate(new MigrateRequest(workspace, null, false, null));

        CheckReport report = core.check(new CheckRequest(workspace, model, null));
        assertThat(report.problems()).extracting(Problem::detail).isEmpty();
        assertThat(report.passed()).isTrue();
    }
}
