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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/** Reads every {@code .sql} file of a location, once, in a stable order: a directory on disk, or a class path. */
final class ScriptScanner {

    private final Hints hints;

    ScriptScanner(Hints hints) {
        this.hints = hints;
    }

    List<ScriptFile> scan(ScriptLocation location) {
        if (location instanceof ScriptLocation.Directory directory) {
            return scanDirectory(directory.path());
        }
        return scanClasspath((ScriptLocation.Classpath) location);
    }

    private List<ScriptFile> scanDirectory(Path path) {
        if (!Files.isDirectory(path)) {
            throw MigrationCatalog.missingDirectory(path, hints);
        }
        try (Stream<Path> files = Files.walk(path)) {
            List<Path> sqlFiles = files
                    .filter(Files::isRegularFile)
                    .filter(file -> file.getFileName().toString().endsWith(".sql"))
                    .sorted()
                    .toList();
            List<ScriptFile> scripts = new ArrayList<>(sqlFiles.size());
            for (Path file : sqlFiles) {
                scripts.add(new ScriptFile(
                        file.getFileName().toString(), file.toAbsolutePath().toString(), file, Files.readAllBytes(file)));
            }
            return scripts;
        } catch (IOException e) {
            throw new MigrationEngineException("Cannot read the migrations directory " + path + ": " + e.getMessage(),
                    false, e);
        }
    }

    private List<ScriptFile> scanClasspath(ScriptLocation.Classpath location) {
        List<ScriptFile> scripts = new ArrayList<>();
        try {
            for (URL root : Collections.list(location.classLoader().getResources(location.path()))) {
                switch (root.getProtocol()) {
                    case "file" -> scripts.addAll(scanDirectory(Path.of(root.toURI())));
                    case "jar" -> scripts.addAll(scanJar(root, location.path()));
                    default -> throw new MigrationEngineException(
                            "Cannot list " + root + ": only directories and jar files are supported.", true);
                }
            }
        } catch (IOException | URISyntaxException e) {
            throw new MigrationEngineException("Cannot read " + location.describe() + ": " + e.getMessage(), false, e);
        }
        scripts.sort(Comparator.comparing(ScriptFile::displayPath));
        return scripts;
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
                if (entry.isDirectory() || !name.startsWith(path + "/") || !name.endsWith(".sql")) {
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
