package dev.assistant.migrate.api;

import java.nio.file.Path;

/** A place migration scripts are read from: a directory on disk, or a path on a class path. The engine reads them. */
public sealed interface ScriptLocation {

    String FILESYSTEM_PREFIX = "filesystem:";
    String CLASSPATH_PREFIX = "classpath:";

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
        public String describe() {
            return path.toString();
        }
    }

    /**
     * A package path on a class path, e.g. the {@code db/migration} folder of the migrations jar: directories and jars
     * of {@code classLoader} are read.
     */
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
        public String describe() {
            return CLASSPATH_PREFIX + path;
        }
    }
}
