package dev.assistant.migrate.api;

import dev.assistant.migrate.schema.ModelClasses;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where the compiled entity classes are: the core loads them only when a goal needs them (autogenerate, drift).
 *
 * @param roots directories or jar files whose {@code @Entity}, {@code @MappedSuperclass} and {@code @Embeddable}
 *     classes make the model, e.g. {@code assistant-db-model/target/classes} or {@code assistant-db-model.jar}
 * @param classpath further directories or jars those classes need, e.g. their module's dependencies
 * @param project the project directory messages name the roots relative to; null to name them as given
 * @param namingStrategy how the entities' names become table and column names, as the application's Hibernate is
 *     configured: null or {@value #HIBERNATE_NAMING} for Hibernate's own, {@value #SPRING_NAMING} for Spring Boot's
 *     defaults (camelCase to snake_case, join tables named after the owning table and attribute), or the class name of a {@code PhysicalNamingStrategy} on the model's class
 *     path
 */
public record ModelSource(List<Path> roots, List<Path> classpath, Path project, String namingStrategy) {

    /** Hibernate's own naming: the names as written in the entities. */
    public static final String HIBERNATE_NAMING = "hibernate";
    /** Spring Boot's default physical naming: {@code firstName} becomes {@code first_name}. */
    public static final String SPRING_NAMING = "spring";

    public ModelSource {
        roots = List.copyOf(roots);
        classpath = List.copyOf(classpath);
        namingStrategy = namingStrategy == null || namingStrategy.isBlank() ? null : namingStrategy.strip();
    }

    public ModelSource(List<Path> roots, List<Path> classpath, Path project) {
        this(roots, classpath, project, null);
    }

    public ModelSource(List<Path> roots, List<Path> classpath) {
        this(roots, classpath, null);
    }

    /** The same classes, read with {@code strategy} for their names (see {@link #namingStrategy()}). */
    public ModelSource withNamingStrategy(String strategy) {
        return new ModelSource(roots, classpath, project, strategy);
    }

    /**
     * The class name of the physical naming strategy Hibernate is to use, or empty for Hibernate's own naming.
     */
    public Optional<String> physicalNamingStrategyClass() {
        if (namingStrategy == null || namingStrategy.equalsIgnoreCase(HIBERNATE_NAMING)) {
            return Optional.empty();
        }
        return Optional.of(namingStrategy.equalsIgnoreCase(SPRING_NAMING)
                ? "org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy" : namingStrategy);
    }

    /** Whether the names follow Spring Boot's defaults, implicit (join tables) as well as physical. */
    public boolean springNaming() {
        return SPRING_NAMING.equalsIgnoreCase(namingStrategy);
    }

    public static ModelSource of(List<Path> roots) {
        return new ModelSource(roots, List.of());
    }

    /** The same classes, named in messages relative to {@code project}. */
    public ModelSource relativeTo(Path project) {
        return new ModelSource(roots, classpath, project, namingStrategy);
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
