package dev.assistant.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assistant.migrate.api.ScriptLocation;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the scripts come from without --locations: the class path first, then the working directory. */
class MigrationLocationsTest {

    @TempDir
    Path work;

    private ProcessContext context(ClassLoader classLoader) {
        return new ProcessContext(Map.of(), work, classLoader, new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()));
    }

    private ProcessContext context() {
        return context(ClassLoader.getPlatformClassLoader());
    }

    private Path folder(String relative) throws IOException {
        return Files.createDirectories(work.resolve(relative));
    }

    @Test
    void givenLocationsAreDirectoriesFromTheWorkingDirectoryOrClassPathPaths() {
        assertThat(MigrationLocations.resolve(List.of("sql", "filesystem:/opt/sql", "classpath:db/other"), context()))
                .containsExactly(new ScriptLocation.Directory(work.resolve("sql")),
                        new ScriptLocation.Directory(Path.of("/opt/sql")),
                        new ScriptLocation.Classpath("db/other", ClassLoader.getPlatformClassLoader()));
    }

    @Test
    void theMigrationsJarOnTheClassPathWinsOverTheWorkingDirectory() throws IOException {
        folder("src/main/resources/db/migration");
        Path jarContent = work.resolve("jar");
        Files.createDirectories(jarContent.resolve("db/migration"));
        try (URLClassLoader classPath = new URLClassLoader(new URL[] {jarContent.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            assertThat(MigrationLocations.resolve(null, context(classPath)))
                    .containsExactly(new ScriptLocation.Classpath("db/migration", classPath));
        }
    }

    @Test
    void inAModuleItsOwnResources() throws IOException {
        Path own = folder("src/main/resources/db/migration");
        folder("sub/src/main/resources/db/migration");
        assertThat(MigrationLocations.resolve(List.of(), context())).containsExactly(new ScriptLocation.Directory(own));
    }

    @Test
    void atTheRootOfAReactorTheModulesResourcesInOrder() throws IOException {
        Path second = folder("b-migrations/src/main/resources/db/migration");
        Path first = folder("a-migrations/src/main/resources/db/migration");
        folder(".hidden/src/main/resources/db/migration");
        folder("model/src/main/java");
        assertThat(MigrationLocations.resolve(null, context()))
                .containsExactly(new ScriptLocation.Directory(first), new ScriptLocation.Directory(second));
    }

    @Test
    void nowhereIsAProblemThatNamesTheWays() {
        assertThatThrownBy(() -> MigrationLocations.resolve(null, context()))
                .isInstanceOfSatisfying(CliFailure.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.PROBLEMS))
                .hasMessageContaining("java -cp assistant-migrate-cli.jar:assistant-db-migrations.jar"
                        + " dev.assistant.migrate.cli.Main")
                .hasMessageContaining("`--locations <directory>`");
    }
}
