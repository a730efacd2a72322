package dev.assistant.migrate.cli;

import dev.assistant.migrate.api.Hints;
import dev.assistant.migrate.api.ScriptLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the migration scripts are read from, without configuration. In order: {@code --locations}; else
 * {@code db/migration} on the class path, which is where the released migrations jar keeps them (production:
 * {@code java -cp assistant-migrate-cli.jar:assistant-db-migrations.jar …}); else, in development, the
 * {@code src/main/resources/db/migration} of the working directory, or of the modules right under it (the reactor
 * root).
 */
final class MigrationLocations {

    static final String CLASSPATH_FOLDER = "db/migration";
    static final String SOURCE_FOLDER = "src/main/resources/db/migration";

    private MigrationLocations() {
    }

    /** @param configured the values of {@code --locations}, each a comma-separated list; null when not given */
    static List<ScriptLocation> resolve(List<String> configured, ProcessContext context) {
        if (configured != null && !configured.isEmpty()) {
            List<ScriptLocation> locations = configured.stream()
                    .flatMap(given -> Arrays.stream(given.split(",")))
                    .filter(spec -> !spec.isBlank())
                    .map(spec -> ScriptLocation.parse(spec, context.workingDirectory(), context.classLoader()))
                    .toList();
            if (locations.isEmpty()) {
                throw CliFailure.usage(OptionNames.LOCATIONS + " names no location. Give directories or classpath:"
                        + " paths, comma-separated, or leave it out.");
            }
            return locations;
        }
        if (context.classLoader().getResource(CLASSPATH_FOLDER) != null) {
            return List.of(new ScriptLocation.Classpath(CLASSPATH_FOLDER, context.classLoader()));
        }
        Path own = context.workingDirectory().resolve(SOURCE_FOLDER);
        if (Files.isDirectory(own)) {
            return List.of(new ScriptLocation.Directory(own));
        }
        List<ScriptLocation> modules = new ArrayList<>();
        for (Path module : subdirectories(context.workingDirectory())) {
            Path folder = module.resolve(SOURCE_FOLDER);
            if (Files.isDirectory(folder)) {
                modules.add(new ScriptLocation.Directory(folder));
            }
        }
        if (!modules.isEmpty()) {
            return modules;
        }
        throw CliFailure.problems("No migrations found: " + CLASSPATH_FOLDER + " is not on the class path, and "
                + context.workingDirectory() + " has no " + SOURCE_FOLDER + ", nor a module with one. Put the"
                + " migrations jar on the class path (java -cp assistant-migrate-cli.jar:assistant-db-migrations.jar "
                + Main.class.getName() + " …), or name the scripts with " + CliHints.INSTANCE.setting(
                        Hints.Setting.LOCATIONS, "<directory>") + " (or classpath:<path>).");
    }

    static List<Path> subdirectories(Path directory) {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(Files::isDirectory)
                    .filter(entry -> !entry.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
