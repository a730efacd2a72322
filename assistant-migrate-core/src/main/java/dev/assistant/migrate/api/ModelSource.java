package dev.assistant.migrate.api;

import dev.assistant.migrate.schema.ModelClasses;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the compiled entity classes are: the core loads them only when a goal needs them (autogenerate, drift).
 *
 * @param roots directories or jar files whose {@code @Entity}, {@code @MappedSuperclass} and {@code @Embeddable}
 *     classes make the model, e.g. {@code assistant-db-model/target/classes} or {@code assistant-db-model.jar}
 * @param classpath further directories or jars those classes need, e.g. their module's dependencies
 */
public record ModelSource(List<Path> roots, List<Path> classpath) {

    public ModelSource {
        roots = List.copyOf(roots);
        classpath = List.copyOf(classpath);
    }

    public static ModelSource of(List<Path> roots) {
        return new ModelSource(roots, List.of());
    }

    /** True when a directory or jar holds a compiled class annotated {@code @Entity}: a quick look, nothing kept. */
    public static boolean holdsEntities(Path root) {
        return ModelClasses.holdsEntities(root);
    }
}
