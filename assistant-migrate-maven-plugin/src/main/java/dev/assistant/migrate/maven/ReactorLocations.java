package dev.assistant.migrate.maven;

import dev.assistant.migrate.api.Hints;
import dev.assistant.migrate.api.ScriptLocation;
import java.io.Closeable;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;

/**
 * Finds the migration scripts without configuration. In order: {@code assistant.locations} when given; the
 * {@code db/migration} folder of this project's resources; for an aggregator (packaging {@code pom}, which has no
 * class path of its own) the folders of its reactor modules, so that a goal run from the reactor root finds the
 * migrations module; otherwise {@code db/migration} on this project's runtime class path, so that a module which
 * depends on the migrations jar (the service) reads exactly what it ships with.
 */
final class ReactorLocations implements Closeable {

    static final String MIGRATION_FOLDER = "db/migration";

    private final List<ScriptLocation> locations;
    private final URLClassLoader classLoader;

    private ReactorLocations(List<ScriptLocation> locations, URLClassLoader classLoader) {
        this.locations = List.copyOf(locations);
        this.classLoader = classLoader;
    }

    static ReactorLocations resolve(List<String> configured, MavenSession session, MavenProject project)
            throws MojoFailureException {
        Path base = Path.of(session.getExecutionRootDirectory());
        if (configured != null && !configured.isEmpty()) {
            List<ScriptLocation> locations = new ArrayList<>();
            URLClassLoader loader = null;
            for (String spec : configured) {
                if (spec.isBlank()) {
                    continue;
                }
                if (spec.trim().startsWith(ScriptLocation.CLASSPATH_PREFIX) && loader == null) {
                    loader = runtimeClassLoader(project);
                }
                locations.add(ScriptLocation.parse(spec, base, loader));
            }
            if (locations.isEmpty()) {
                throw new MojoFailureException("-D" + PluginProperties.LOCATIONS + " is empty, so there is nothing to"
                        + " read the migrations from. Name the directory that holds the V*.sql scripts ("
                        + MavenHints.INSTANCE.setting(Hints.Setting.LOCATIONS, "<directory>") + ", or classpath:<path>),"
                        + " or leave the property out to use the project's own.");
            }
            return new ReactorLocations(locations, loader);
        }
        List<Path> own = migrationFolders(project);
        if (!own.isEmpty()) {
            return new ReactorLocations(directories(own), null);
        }
        Set<Path> reactor = new LinkedHashSet<>();
        if ("pom".equals(project.getPackaging())) {
            for (MavenProject module : session.getAllProjects()) {
                reactor.addAll(migrationFolders(module));
            }
        }
        if (reactor.isEmpty() && "pom".equals(project.getPackaging())) {
            for (String module : project.getModules()) {
                Path folder = project.getBasedir().toPath().resolve(module)
                        .resolve("src/main/resources").resolve(MIGRATION_FOLDER).normalize();
                if (Files.isDirectory(folder)) {
                    reactor.add(folder);
                }
            }
        }
        if (!reactor.isEmpty()) {
            return new ReactorLocations(directories(reactor), null);
        }
        URLClassLoader loader = runtimeClassLoader(project);
        if (loader.findResource(MIGRATION_FOLDER) != null) {
            return new ReactorLocations(List.of(new ScriptLocation.Classpath(MIGRATION_FOLDER, loader)), loader);
        }
        closeQuietly(loader);
        throw new MojoFailureException("No migrations found: no module of this build has src/main/resources/"
                + MIGRATION_FOLDER + ", and " + MIGRATION_FOLDER + " is not on the runtime class path of "
                + project.getArtifactId() + ". Run from the reactor root, or set "
                + MavenHints.INSTANCE.setting(Hints.Setting.LOCATIONS, "<directory>") + " (or classpath:<path>).");
    }

    private static List<Path> migrationFolders(MavenProject project) {
        List<Path> folders = new ArrayList<>();
        for (Resource resource : project.getResources()) {
            Path folder = Path.of(resource.getDirectory()).resolve(MIGRATION_FOLDER);
            if (Files.isDirectory(folder)) {
                folders.add(folder.normalize());
            }
        }
        return folders;
    }

    private static List<ScriptLocation> directories(Iterable<Path> folders) {
        List<ScriptLocation> locations = new ArrayList<>();
        folders.forEach(folder -> locations.add(new ScriptLocation.Directory(folder)));
        return locations;
    }

    private static URLClassLoader runtimeClassLoader(MavenProject project) throws MojoFailureException {
        try {
            List<URL> urls = new ArrayList<>();
            for (String element : project.getRuntimeClasspathElements()) {
                urls.add(Path.of(element).toUri().toURL());
            }
            return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        } catch (DependencyResolutionRequiredException | MalformedURLException e) {
            throw new MojoFailureException("Cannot read the runtime class path of " + project.getArtifactId() + ": "
                    + e.getMessage(), e);
        }
    }

    List<ScriptLocation> locations() {
        return locations;
    }

    /** The first directory on disk, where new migrations are written. */
    Path writableDirectory() throws MojoFailureException {
        for (ScriptLocation location : locations) {
            if (location instanceof ScriptLocation.Directory directory) {
                return directory.path();
            }
        }
        throw new MojoFailureException("New migrations are written to a directory, but the migrations are read from "
                + locations.get(0).describe() + ". Run from the reactor root or set "
                + MavenHints.INSTANCE.setting(Hints.Setting.LOCATIONS, "<directory>") + ".");
    }

    private static void closeQuietly(URLClassLoader loader) {
        try {
            loader.close();
        } catch (IOException ignored) {
            // nothing was loaded from it
        }
    }

    @Override
    public void close() {
        if (classLoader != null) {
            closeQuietly(classLoader);
        }
    }
}
