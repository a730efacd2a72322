package dev.assistant.migrate.maven;

import dev.assistant.migrate.api.ModelSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;

/**
 * Finds the compiled entity classes of the build without configuration: {@code assistant.modelClasses} when given;
 * otherwise every output directory of the reactor (or, run with {@code --non-recursive}, of the modules the root
 * lists) that holds an {@code @Entity} class. Their modules' runtime class paths come along when Maven resolved them.
 * Messages name them relative to the directory Maven runs in.
 */
final class ReactorModel {

    private ReactorModel() {
    }

    /** The entity classes, or empty when the build has none compiled (and none were configured). */
    static Optional<ModelSource> find(List<String> configured, MavenSession session, MavenProject project) {
        Path base = Path.of(session.getExecutionRootDirectory());
        if (configured != null && !configured.isEmpty()) {
            List<Path> directories = configured.stream().filter(s -> !s.isBlank())
                    .map(s -> base.resolve(s.trim()).normalize()).toList();
            return Optional.of(ModelSource.of(directories).relativeTo(base));
        }
        Set<Path> directories = new LinkedHashSet<>();
        List<Path> classpath = new ArrayList<>();
        for (MavenProject module : session.getAllProjects()) {
            Path output = Path.of(module.getBuild().getOutputDirectory());
            if (ModelSource.holdsEntities(output)) {
                directories.add(output);
                classpath.addAll(runtimeClasspath(module, output));
            }
        }
        if (directories.isEmpty()) {
            for (String module : project.getModules()) {
                Path output = project.getBasedir().toPath().resolve(module).resolve("target/classes").normalize();
                if (ModelSource.holdsEntities(output)) {
                    directories.add(output);
                }
            }
        }
        if (directories.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ModelSource(List.copyOf(directories), classpath, base));
    }

    /**
     * What autogenerate needs: the entity classes, else the output directories of the build, so that the core's
     * failure names where it looked.
     */
    static ModelSource require(List<String> configured, MavenSession session, MavenProject project) {
        return find(configured, session, project).orElse(ModelSource.of(defaultDirectories(session, project))
                .relativeTo(Path.of(session.getExecutionRootDirectory())));
    }

    private static List<Path> defaultDirectories(MavenSession session, MavenProject project) {
        List<Path> directories = new ArrayList<>();
        for (MavenProject module : session.getAllProjects()) {
            directories.add(Path.of(module.getBuild().getOutputDirectory()));
        }
        for (String module : project.getModules()) {
            directories.add(project.getBasedir().toPath().resolve(module).resolve("target/classes").normalize());
        }
        return directories;
    }

    private static List<Path> runtimeClasspath(MavenProject module, Path output) {
        try {
            return module.getRuntimeClasspathElements().stream()
                    .map(Path::of)
                    .filter(path -> !path.equals(output))
                    .toList();
        } catch (DependencyResolutionRequiredException notResolved) {
            return List.of();
        }
    }
}
