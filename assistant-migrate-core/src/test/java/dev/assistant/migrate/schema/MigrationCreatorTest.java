package dev.assistant.migrate.schema;

import static dev.assistant.migrate.engine.TestHints.HINTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assistant.db.config.ConnectionSettingsResolver;
import dev.assistant.migrate.api.CreateResult;
import dev.assistant.migrate.api.EngineLog;
import dev.assistant.migrate.api.MigrationEngineException;
import dev.assistant.migrate.api.ScriptLocation;
import dev.assistant.migrate.api.Workspace;
import dev.assistant.migrate.engine.EngineSettings;
import dev.assistant.migrate.engine.MigrationEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The templates create writes: names, versions and what happens when two runs meet. No database is needed. */
class MigrationCreatorTest {

    private static final Instant NOW = Instant.parse("2026-11-24T15:30:05Z");

    @TempDir
    Path migrations;

    private MigrationCreator creator() {
        Workspace workspace = new Workspace(ConnectionSettingsResolver.create().environment(Map.of()).resolve(),
                List.of(new ScriptLocation.Directory(migrations)));
        return new MigrationCreator(new MigrationEngine(new EngineSettings(workspace, Duration.ofSeconds(1),
                EngineLog.SILENT, HINTS)), null);
    }

    private CreateResult create(String message) {
        return creator().create(new MigrationCreator.Request(message, false, migrations, NOW, Optional.empty()));
    }

    private List<String> files() throws IOException {
        try (Stream<Path> files = Files.list(migrations)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aPairIsNamedByTheUtcSecondAndTheMessage() throws IOException {
        CreateResult result = create("add user timezone");
        assertThat(result.upgrade().orElseThrow()).hasFileName("V20261124153005__add_user_timezone.sql");
        assertThat(files()).containsExactly("U20261124153005__add_user_timezone.sql",
                "V20261124153005__add_user_timezone.sql");
        assertThat(Files.readString(result.upgrade().orElseThrow()))
                .contains("Reverse it in U20261124153005__add_user_timezone.sql");
    }

    @Test
    void aSecondRunInTheSameSecondTakesTheNextSecond() throws IOException {
        create("add thing");
        CreateResult second = create("add other thing");
        assertThat(second.upgrade().orElseThrow()).hasFileName("V20261124153006__add_other_thing.sql");
        assertThat(Files.readString(second.downgrade().orElseThrow()))
                .contains("Undoes V20261124153006__add_other_thing.sql");
        assertThat(files()).hasSize(4);
    }

    private static MigrationCreator.NewPair pair(String slug) {
        return new MigrationCreator.NewPair(slug, new MigrationCreator.PairTexts() {
            @Override
            public String upgrade(String downgradeName) {
                return "-- undone by " + downgradeName + "\nSELECT 1;\n";
            }

            @Override
            public String downgrade(String upgradeName) {
                return "-- undoes " + upgradeName + "\nSELECT 1;\n";
            }
        });
    }

    @Test
    void theMigrationsOfOneChangeShareItsSecondInTheOrderTheyRun() throws IOException {
        List<Path> written = creator().writePairs(migrations, NOW, List.of(pair("add_owner"),
                pair("add_owner_validate"), pair("add_owner_indexes")));
        assertThat(written).extracting(file -> file.getFileName().toString()).containsExactly(
                "V20261124153005__add_owner.sql", "U20261124153005__add_owner.sql",
                "V20261124153005.1__add_owner_validate.sql", "U20261124153005.1__add_owner_validate.sql",
                "V20261124153005.2__add_owner_indexes.sql", "U20261124153005.2__add_owner_indexes.sql");
        assertThat(Files.readString(written.get(4))).contains("undone by U20261124153005.2__add_owner_indexes.sql");
        // Flyway's order is the order they run in, before anything of the next second
        assertThat(Stream.of("20261124153006", "20261124153005.2", "20261124153005", "20261124153005.1")
                .map(org.flywaydb.core.api.MigrationVersion::fromVersion).sorted().map(Object::toString).toList())
                .containsExactly("20261124153005", "20261124153005.1", "20261124153005.2", "20261124153006");
    }

    @Test
    void aSecondWhoseSubVersionsAreTakenIsSkippedWhole() throws IOException {
        Files.writeString(migrations.resolve("V20261124153005.1__other.sql"), "SELECT 1;\n");
        List<Path> written = creator().writePairs(migrations, NOW, List.of(pair("a"), pair("a_indexes")));
        assertThat(written.get(0)).hasFileName("V20261124153006__a.sql");
        assertThat(written.get(2)).hasFileName("V20261124153006.1__a_indexes.sql");
    }

    @Test
    void runsAtTheSameMomentEachTakeTheirOwnVersionInOrder() throws Exception {
        int runs = 8;
        ExecutorService pool = Executors.newFixedThreadPool(runs);
        try {
            List<Callable<CreateResult>> tasks = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                String message = "change " + i;
                tasks.add(() -> create(message));
            }
            for (Future<CreateResult> future : pool.invokeAll(tasks)) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        List<String> versions = files().stream().filter(name -> name.startsWith("V"))
                .map(name -> name.substring(1, name.indexOf("__"))).sorted().toList();
        assertThat(versions).containsExactly("20261124153005", "20261124153006", "20261124153007", "20261124153008",
                "20261124153009", "20261124153010", "20261124153011", "20261124153012");
        assertThat(files()).hasSize(2 * runs);
    }

    @Test
    void aVersionTakenByAnUndoScriptAloneIsSkippedToo() throws IOException {
        Files.writeString(migrations.resolve("U20261124153005__orphan.sql"), "SELECT 1;\n");
        assertThat(create("add thing").upgrade().orElseThrow()).hasFileName("V20261124153006__add_thing.sql");
    }

    @Test
    void aMessageWithALineBreakWritesNothing() throws IOException {
        assertThatThrownBy(() -> create("add thing\nDROP TABLE users; --"))
                .isInstanceOf(MigrationEngineException.class)
                .hasMessageContaining("{MESSAGE}");
        assertThat(files()).isEmpty();
    }
}
