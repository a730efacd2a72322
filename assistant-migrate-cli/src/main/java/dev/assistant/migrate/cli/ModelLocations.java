package dev.assistant.migrate.cli;

import dev.assistant.migrate.api.ModelSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where the compiled entity classes are, for autogenerate and the drift check: {@code --model} (directories or jars);
 * else, in development, {@code target/classes} of the working directory or of the modules right under it, where they
 * hold an {@code @Entity} class (after {@code mvn compile}).
 */
final class ModelLocations {

    private static final String CLASSES = "target/classes";

    private ModelLocations() {
    }

    /** The entity classes, or empty when none were named and none are compiled here. */
    static Optional<ModelSource> find(List<Path> configured, ProcessContext context) {
        if (configured != null && !configured.isEmpty()) {
            return Optional.of(ModelSource.of(configured.stream().map(context::resolve).toList()));
        }
        List<Path> found = candidates(context).stream().filter(ModelSource::holdsEntities).toList();
        return found.isEmpty() ? Optional.empty() : Optional.of(ModelSource.of(found));
    }

    /** What autogenerate needs: the entity classes, else the places looked at, so that the failure names them. */
    static ModelSource require(List<Path> configured, ProcessContext context) {
        return find(configured, context).orElseGet(() -> {
            List<Path> existing = candidates(context).stream().filter(Files::isDirectory).toList();
            return ModelSource.of(existing.isEmpty() ? candidates(context).subList(0, 1) : existing);
        });
    }

    private static List<Path> candidates(ProcessContext context) {
        List<Path> candidates = new ArrayList<>();
        candidates.add(context.workingDirectory().resolve(CLASSES));
        for (Path module : MigrationLocations.subdirectories(context.workingDirectory())) {
            candidates.add(module.resolve(CLASSES));
        }
        return candidates;
    }
}
