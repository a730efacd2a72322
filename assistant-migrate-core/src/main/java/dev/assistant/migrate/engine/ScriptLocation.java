package dev.assistant.migrate.engine;

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

/** A place migration scripts are read from: a directory on disk, or a path on a class path. */
public sealed interface ScriptLocation {

    String FILESYSTEM_PREFIX = "filesystem:";
    String CLASSPATH_PREFIX = "classpath:";

    /** Every {@code .sql} file under the location, in a stable order. */
    List<ScriptFile> scan();

    /** How messages name the location. */
    String describe();

    /**
     * Parses {@code filesystem:<dir>}, {@code classpath:<path>} or a bare directory. Relative directories are
     * resolved against {@code baseDirectory}.
     */
    static ScriptLocation parse(String spec, Path baseDirectory, ClassLoader classLoader) {
        String trimmed = spec.trim();
        if (trimmed.startsWith(CLASSPATH_PREFIX)) {
            return new Classpath(trimmed.substring(CLASSPATH_PREFIX.length()), classLoader);
        }
        String directory = trimmed.startsWith(FILESYSTEM_PREFIX)
                ? trimmed.substring(FILESYSTEM_PREFIX.length())
                : trimmed;
        return new Directory(baseDirectory.resolve(directory).normalize());
    }

    /** A directory on disk, scanned recursively. It must exist. */
    record Directory(Path path) implements ScriptLocation {

        @Override
        public List<ScriptFile> scan() {
            if (!Files.isDirectory(path)) {
                throw new MigrationEngineException("The migrations directory " + path + " does not exist. Create it,"
                        + " or point -Dassistant.locations at the directory that holds the V*.sql scripts.", true);
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

        @Override
        public String describe() {
            return path.toString();
        }
    }

    /** A package path on a class path, e.g. the {@code db/migration} folder of the migrations jar. */
    record Classpath(String path, ClassLoader classLoader) implements ScriptLocation {

        public Classpath {
            path = stripSlashes(path);
        }

        private static String stripSlashes(String path) {
            String stripped = path;
            while (stripped.startsWith("/")) {
                stripped = stripped.substring(1);
            }
            while (stripped.endsWith("/")) {
                stripped = stripped.substring(0, stripped.length() - 1);
            }
            return stripped;
        }

        @Override
        public List<ScriptFile> scan() {
            List<ScriptFile> scripts = new ArrayList<>();
            try {
                for (URL root : Collections.list(classLoader.getResources(path))) {
                    switch (root.getProtocol()) {
                        case "file" -> scripts.addAll(new Directory(Path.of(root.toURI())).scan());
                        case "jar" -> scripts.addAll(scanJar(root));
                        default -> throw new MigrationEngineException(
                                "Cannot list " + root + ": only directories and jar files are supported.", true);
                    }
                }
            } catch (IOException | URISyntaxException e) {
                throw new MigrationEngineException("Cannot read " + describe() + ": " + e.getMessage(), false, e);
            }
            scripts.sort(Comparator.comparing(ScriptFile::displayPath));
            return scripts;
        }

        private List<ScriptFile> scanJar(URL root) throws IOException {
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
                        scripts.add(new ScriptFile(fileName, CLASSPATH_PREFIX + name + " (in " + jarName + ")", null,
                                in.readAllBytes()));
                    }
                }
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            return scripts;
        }

        @Override
        public String describe() {
            return CLASSPATH_PREFIX + path;
        }
    }
}
