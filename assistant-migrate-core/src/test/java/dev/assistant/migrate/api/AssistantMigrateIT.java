package dev.assistant.migrate.api;

import static dev.assistant.migrate.engine.TestHints.HINTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assistant.db.testing.ScratchDatabase;
import dev.assistant.db.testing.ScratchDatabaseExtension;
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
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The façade as a front end uses it: one request, one call. Each goal does its work once — it reads the scripts
 * once, makes one connection of its own and configures Flyway once — which its debug log shows.
 */
class AssistantMigrateIT {

    @RegisterExtension
    static final ScratchDatabaseExtension DB = new ScratchDatabaseExtension();

    @TempDir
    Path scripts;

    private Workspace workspace;

    @BeforeEach
    void twoMigrationsAndAnEmptyDatabase() throws IOException, SQLException {
        ScratchDatabase database = DB.database();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
        }
        for (String table : List.of("one", "two")) {
            String version = table.equals("one") ? "1" : "2";
            write("V" + version + "__" + table + ".sql", "CREATE TABLE " + table + " (id integer PRIMARY KEY);\n");
            write("U" + version + "__" + table + ".sql", "DROP TABLE " + table + ";\n");
        }
        workspace = new Workspace(database.settings(), List.of(new ScriptLocation.Directory(scripts)));
    }

    @Test
    void everyGoalReadsTheScriptsOnceConnectsOnceAndConfiguresFlywayOnce() {
        assertDoneOnce(core -> core.migrate(MigrateRequest.latest(workspace)));
        assertDoneOnce(core -> core.status(new StatusRequest(workspace)));
        assertDoneOnce(core -> core.history(new HistoryRequest(workspace)));
        assertDoneOnce(core -> core.downgrade(new DowngradeRequest(workspace, "-1", false, null)));
        assertDoneOnce(core -> core.check(new CheckRequest(workspace, Optional.empty(), null)));
    }

    @Test
    void checkReplaysOnTheShadowDatabaseFromTheOneReadingOfTheScripts() {
        RecordingLog log = new RecordingLog();

        CheckReport report = new AssistantMigrate(log, HINTS).check(new CheckRequest(workspace, Optional.empty(),
                null));

        assertThat(report.pending()).extracting(PendingMigration::version).containsExactly("1", "2");
        assertThat(report.problems()).isEmpty();
        assertThat(log.lines()).filteredOn(line -> line.contains("Read 2 migrations")).hasSize(1);
        assertThat(log.lines()).anyMatch(line -> line.startsWith("DEBUG [shadow] Replayed 2 migrations with their"
                + " undo scripts on one connection"));
        assertThat(log.lines()).filteredOn(line -> line.contains("Configured Flyway")).hasSize(1);
        assertThat(log.info()).contains("Model drift not checked: no compiled @Entity classes were found. Compile"
                + " them with {build model}, or name them with {MODEL_CLASSES}.");
    }

    @Test
    void migrateAndDowngradeSayFirstWhatTheyWorkOn() {
        RecordingLog log = new RecordingLog();
        AssistantMigrate core = new AssistantMigrate(log, HINTS);
        String database = workspace.connection().maskedUrl();

        MigrateResult migrated = core.migrate(new MigrateRequest(workspace, "latest", false, null));
        DowngradeResult downgraded = core.downgrade(new DowngradeRequest(workspace, "BASE", false, null));

        assertThat(migrated.applied()).extracting(MigrateResult.Applied::label).containsExactly("V1 one", "V2 two");
        assertThat(downgraded.current()).isEmpty();
        assertThat(log.info()).first().isEqualTo("Migrating " + database + " from " + scripts);
        assertThat(log.info()).contains("Downgrading " + database + " to base");
        assertThat(database).contains(":****@");
    }

    @Test
    void whatTheUserTypedIsCheckedAndTheFixIsTheFrontEndsCommand() {
        AssistantMigrate core = new AssistantMigrate(EngineLog.SILENT, HINTS);

        assertThatThrownBy(() -> core.downgrade(new DowngradeRequest(workspace, " ", false, null)))
                .isInstanceOf(MigrationEngineException.class)
                .hasMessageContaining("downgrade needs a target")
                .hasMessageContaining("{downgrade -1}");
        assertThatThrownBy(() -> core.migrate(new MigrateRequest(workspace, "abc", false, null)))
                .hasMessageContaining("'abc' is not a migrate target");
        core.migrate(MigrateRequest.latest(workspace));
        assertThatThrownBy(() -> core.migrate(new MigrateRequest(workspace, "1", false, null)))
                .hasMessageContaining("To go back: {downgrade 1}.");
    }

    @Test
    void aPairCreatedFromAMessageWithAPlaceholderApplies() {
        AssistantMigrate core = new AssistantMigrate(EngineLog.SILENT, HINTS);

        core.create(new CreateRequest(workspace, "per ${tenant} schema", false, scripts, Optional.empty(), null));
        MigrateResult migrated = core.migrate(MigrateRequest.latest(workspace));

        assertThat(migrated.applied()).extracting(MigrateResult.Applied::label).hasSize(3)
                .last().asString().endsWith("per tenant schema");
    }

    private void assertDoneOnce(Function<AssistantMigrate, ?> goal) {
        RecordingLog log = new RecordingLog();
        goal.apply(new AssistantMigrate(log, HINTS));
        assertThat(log.lines()).as(log.all()).filteredOn(line -> line.startsWith("DEBUG Read ")).hasSize(1);
        assertThat(log.lines()).as(log.all()).filteredOn(line -> line.startsWith("DEBUG Connected to ")).hasSize(1);
        assertThat(log.lines()).as(log.all()).filteredOn(line -> line.startsWith("DEBUG Configured Flyway "))
                .hasSize(1);
    }

    private void write(String name, String sql) throws IOException {
        Files.writeString(scripts.resolve(name), sql, StandardCharsets.UTF_8);
    }
}
