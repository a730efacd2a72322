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
 * @param project the project directory messages name the roots relative to; null to name them as given
 */
public record ModelSource(List<Path> roots, List<Path> classpath, Path project) {

    public ModelSource {
        roots = List.copyOf(roots);
        classpath = List.copyOf(classpath);
    }

    public ModelSource(List<Path> roots, List<Path> classpath) {
        this(roots, classpath, null);
    }

    public static ModelSource of(List<Path> roots) {
        return new ModelSource(roots, List.of());
    }

    /** The same classes, named in messages relative to {@code project}. */
    public ModelSource relativeTo(Path project) {
        return new ModelSource(roots, classpath, project);
    }

    /** A root as messages name it: relative to the project when it lies inside it. */
    public String describe(Path root) {
        if (project != null && root.toAbsolutePath().normalize().startsWith(project.toAbsolutePath().normalize())) {
            String relative = project.toAbsolutePath().normalize().relativize(root.toAbsolutePath().normalize())
                    .toString();
            return relative.isEmpty() ? "." : relative;
        }
        return root.toString();
    }

    /** True when a directory or jar holds a compiled class annotated {@code @Entity}: a quick look, nothing kept. */
    public static boolean holdsEntities(Path root) {
        return ModelClasses.holdsEntities(root);
    }
}
