package dev.assistant.migrate.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.assistant.migrate.api.MigrationEngineException;
import dev.assistant.migrate.api.ProblemsFoundException;
import dev.assistant.migrate.api.ScriptLocation;
import dev.assistant.migrate.api.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What migrate cannot read, it says, and what was meant to be a migration stops it: it never reports "up to date"
 * over scripts it skipped. A location that is not there is an error.
 */
class UnreadableScriptsIT extends EngineTestCase {

    private MigrationEngine engineOver(List<ScriptLocation> locations) {
        return new MigrationEngine(new EngineSettings(new Workspace(fixture.connection(), locations), null,
                fixture.log(), TestHints.HINTS));
    }

    @Test
    void scriptsNamedLikeMigrationsButNotAsOneStopMigrateNamingEach() {
        fixture.table("1", "one")
                .write("V__no_version.sql", "CREATE TABLE a (id int);")
                .write("V3__.sql", "CREATE TABLE b (id int);")
                .write("v4__lower.sql", "CREATE TABLE c (id int);")
                .write("V5__upper_suffix.SQL", "CREATE TABLE d (id int);");

        assertThatThrownBy(() -> fixture.engine().migrate(MigrateTarget.latest(), false))
                .isInstanceOf(ProblemsFoundException.class)
                .hasMessageContaining("migrate stopped before changing anything: 4 problems")
                .hasMessageContaining("V__no_version.sql: named like a migration")
                .hasMessageContaining("it has no version before the double underscore")
                .hasMessageContaining("V3__.sql: named like a migration")
                .hasMessageContaining("it has no description after the double underscore")
                .hasMessageContaining("git mv v4__lower.sql V4__lower.sql")
                .hasMessageContaining("git mv V5__upper_suffix.SQL V5__upper_suffix.sql");
        assertThat(fixture.historyVersions()).isEmpty();
    }

    @Test
    void aDanglingLinkAndAPipeNamedLikeMigrationsStopMigrateWithoutHanging() throws Exception {
        fixture.table("1", "one");
        Files.createSymbolicLink(scripts.resolve("V2__linked.sql"), scripts.resolve("gone/V2__linked.sql"));
        Process mkfifo = new ProcessBuilder("mkfifo", scripts.resolve("V3__pipe.sql").toString()).start();
        assertThat(mkfifo.waitFor()).isZero();

        assertTimeoutPreemptively(Duration.ofSeconds(60), () ->
                assertThatThrownBy(() -> fixture.engine().migrate(MigrateTarget.latest(), false))
                        .isInstanceOf(ProblemsFoundException.class)
                        .hasMessageContaining("V2__linked.sql: named like a migration, but cannot be read")
                        .hasMessageContaining("is a link to " + scripts.resolve("gone/V2__linked.sql")
                                + ", which does not exist")
                        .hasMessageContaining("V3__pipe.sql: named like a migration, but cannot be read")
                        .hasMessageContaining("is not a regular file (a named pipe, socket or device)"));
        assertThat(fixture.historyVersions()).isEmpty();
    }

    @Test
    void otherEntriesThatAreNotReadAreSaidInMigratesOutput() throws IOException {
        fixture.table("1", "one").write("seed_data.sql", "INSERT INTO one VALUES (1);");
        Files.createSymbolicLink(scripts.resolve("notes.txt"), scripts.resolve("nowhere.txt"));

        fixture.engine().migrate(MigrateTarget.latest(), false);

        assertThat(fixture.historyVersions()).containsExactly("1");
        assertThat(fixture.log().lines())
                .anyMatch(line -> line.startsWith("WARN seed_data.sql: ") && line.contains("is not read"))
                .anyMatch(line -> line.startsWith("WARN notes.txt: ") && line.contains("which does not exist"));
    }

    @Test
    void aNulByteStopsMigrate() {
        fixture.table("1", "one").write("V2__nul.sql", "CREATE TABLE two (id int);\nSELECT '\u0000';\n")
                .write("U2__nul.sql", "DROP TABLE two;");

        assertThatThrownBy(() -> fixture.engine().migrate(MigrateTarget.latest(), false))
                .isInstanceOf(ProblemsFoundException.class)
                .hasMessageContaining("V2__nul.sql: holds a NUL byte")
                .hasMessageContaining("on line 2");
        assertThat(fixture.historyVersions()).isEmpty();
    }

    @Test
    void locationsThatAreMissingOrNotDirectoriesAreErrors() throws IOException {
        fixture.table("1", "one");
        ClassLoader loader = getClass().getClassLoader();

        assertThatThrownBy(() -> engineOver(List.of(new ScriptLocation.Classpath("db/no_such_folder", loader)))
                .migrate(MigrateTarget.latest(), false))
                .isInstanceOf(MigrationEngineException.class)
                .hasMessageContaining("Nothing on the class path is at classpath:db/no_such_folder")
                .hasMessageContaining("{LOCATIONS}");
        assertThatThrownBy(() -> engineOver(List.of(new ScriptLocation.Directory(scripts.resolve("V1__one.sql"))))
                .migrate(MigrateTarget.latest(), false))
                .hasMessageContaining("V1__one.sql is a file, not a directory");
        Path link = Files.createSymbolicLink(scripts.resolve("dangling-migrations"), scripts.resolve("gone"));
        assertThatThrownBy(() -> engineOver(List.of(new ScriptLocation.Directory(link)))
                .migrate(MigrateTarget.latest(), false))
                .hasMessageContaining("is a link to " + scripts.resolve("gone") + ", which does not exist");
        assertThatThrownBy(() -> engineOver(List.of()).migrate(MigrateTarget.latest(), false))
                .hasMessageContaining("No migration location is given: name the directory");
        assertThat(fixture.historyVersions()).isEmpty();
    }
}
