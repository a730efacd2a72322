package dev.assistant.migrate.engine;

import dev.assistant.migrate.api.Hints;
import dev.assistant.migrate.api.MigrationEngineException;
import dev.assistant.migrate.api.ScriptLocation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Reads every {@code .sql} file of a location, once, in a stable order: a directory on disk (links followed), or a
 * class path. An entry it cannot read — a link to nothing, a named pipe or other special file, a file it may not
 * open — is not skipped in silence: it comes back as a {@link Skipped} entry for the catalog to report. A location
 * that is not there is an error, never an empty list.
 */
final class ScriptScanner {

    /** What one scan found: the files read, and the entries that could not be. */
    record Scan(List<ScriptFile> files, List<Skipped> skipped) {
    }

    /**
     * An entry of a location that was not read.
     *
     * @param fileName its name, e.g. {@code V3__index.sql}
     * @param displayPath where it is
     * @param why why it was not read, e.g. "is a link to V3.sql, which does not exist"
     */
    record Skipped(String fileName, String displayPath, String why) {
    }

    private final Hints hints;

    ScriptScanner(Hints hints) {
        this.hints = hints;
    }

    Scan scan(ScriptLocation location) {
        if (location instanceof ScriptLocation.Directory directory) {
            return scanDirectory(directory.path());
        }
        return scanClasspath((ScriptLocation.Classpath) location);
    }

    private Scan scanDirectory(Path path) {
        requireDirectory(path);
        List<ScriptFile> scripts = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        try (Stream<Path> entries = Files.walk(path, FileVisitOption.FOLLOW_LINKS)) {
            for (Path entry : entries.filter(entry -> !entry.equals(path)).sorted().toList()) {
                String name = entry.getFileName().toString();
                if (Files.isDirectory(entry)) {
                    continue;
                }
                String display = entry.toAbsolutePath().toString();
                if (!Files.isRegularFile(entry)) {
                    skipped.add(new Skipped(name, display, whyNotAFile(entry)));
                } else if (isSql(name)) {
                    try {
                        scripts.add(new ScriptFile(name, display, entry, Files.readAllBytes(entry)));
                    } catch (IOException e) {
                        skipped.add(new Skipped(name, display, "cannot be read: " + e.getMessage()));
                    }
                }
            }
            return new Scan(scripts, skipped);
        } catch (IOException | UncheckedIOException e) {
            throw new MigrationEngineException("Cannot read the migrations directory " + path + ": " + e.getMessage(),
                    false, e);
        }
    }

    private void requireDirectory(Path path) {
        if (Files.isDirectory(path)) {
            return;
        }
        if (Files.isSymbolicLink(path) && !Files.exists(path)) {
            throw new MigrationEngineException("The migrations directory " + path + " is a link to "
                    + linkTarget(path) + ", which does not exist. Point it at the directory that holds the V*.sql"
                    + " scripts, or set " + hints.setting(Hints.Setting.LOCATIONS) + ".", true);
        }
        if (Files.exists(path)) {
            throw new MigrationEngineException("The migrations location " + path + " is a file, not a directory."
                    + " Point " + hints.setting(Hints.Setting.LOCATIONS) + " at the directory that holds it (the"
                    + " V*.sql scripts are read from a directory, with all its subdirectories).", true);
        }
        throw MigrationCatalog.missingDirectory(path, hints);
    }

    /** Why an entry that is neither a directory nor a regular file was not read; it is never opened. */
    private static String whyNotAFile(Path entry) {
        if (Files.isSymbolicLink(entry) && !Files.exists(entry)) {
            return "is a link to " + linkTarget(entry) + ", which does not exist";
        }
        if (Files.exists(entry)) {
            return "is not a regular file (a named pipe, socket or device), so it is not read";
        }
        return "cannot be read";
    }

    private static String linkTarget(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException | UnsupportedOperationException e) {
            return "a path";
        }
    }

    /** {@code .sql} in any case: {@code V3__x.SQL} is read so that the catalog can say it is misnamed. */
    private static boolean isSql(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".sql");
    }

    private Scan scanClasspath(ScriptLocation.Classpath location) {
        List<ScriptFile> scripts = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        try {
            List<URL> roots = Collections.list(location.classLoader().getResources(location.path()));
            if (roots.isEmpty()) {
                throw new MigrationEngineException("Nothing on the class path is at " + location.describe()
                        + ", so there are no migrations to read there. Check the path (the migrations module ships"
                        + " them at classpath:db/migration), or point " + hints.setting(Hints.Setting.LOCATIONS)
                        + " at a directory.", true);
            }
            for (URL root : roots) {
                switch (root.getProtocol()) {
                    case "file" -> {
                        Scan scan = scanDirectory(Path.of(root.toURI()));
                        scripts.addAll(scan.files());
                        skipped.addAll(scan.skipped());
                    }
                    case "jar" -> scripts.addAll(scanJar(root, location.path()));
                    default -> throw new MigrationEngineException(
                            "Cannot list " + root + ": only directories and jar files are supported.", true);
                }
            }
        } catch (IOException | URISyntaxException e) {
            throw new MigrationEngineException("Cannot read " + location.describe() + ": " + e.getMessage(), false, e);
        }
        scripts.sort(Comparator.comparing(ScriptFile::displayPath));
        return new Scan(scripts, skipped);
    }

    private static List<ScriptFile> scanJar(URL root, String path) throws IOException {
        JarURLConnection connection = (JarURLConnection) root.openConnection();
        connection.setUseCaches(false);
        List<ScriptFile> scripts = new ArrayList<>();
        try (JarFile jar = connection.getJarFile()) {
            String jarName = Path.of(jar.getName()).getFileName().toString();
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                String name = entry.getName();
                if (entry.isDirectory() || !name.startsWith(path + "/") || !isSql(name)) {
                    continue;
                }
                try (InputStream in = jar.getInputStream(entry)) {
                    String fileName = name.substring(name.lastIndexOf('/') + 1);
                    scripts.add(new ScriptFile(fileName, ScriptLocation.CLASSPATH_PREFIX + name + " (in " + jarName
                            + ")", null, in.readAllBytes()));
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return scripts;
    }
}
