package dev.assistant.migrate.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * A generated set of migrations with their undo scripts, in one directory: {@code V<n>__<name>.sql} and
 * {@code U<n>__<name>.sql} for n = 1..count, in the order they apply.
 *
 * @param name how the report names the set
 * @param directory where its files are
 * @param scripts the pairs, in order
 */
record MigrationSet(String name, Path directory, List<Script> scripts) {

    /** One migration and its undo script. */
    record Script(int version, Path upgrade, Path undo) {
    }

    MigrationSet {
        scripts = List.copyOf(scripts);
    }

    int count() {
        return scripts.size();
    }

    /** The first {@code count} pairs, copied into a directory of their own next to this set's. */
    MigrationSet first(int count) throws IOException {
        Path target = directory.resolveSibling(directory.getFileName() + "-first-" + count);
        List<Script> copies = scripts.subList(0, count).stream()
                .map(script -> new Script(script.version(), copy(script.upgrade(), target), copy(script.undo(),
                        target)))
                .toList();
        return new MigrationSet(name, target, copies);
    }

    /** The versioned migrations alone (no undo scripts) in a directory of their own: what Flyway is given. */
    Path versionsOnly() throws IOException {
        Path target = directory.resolveSibling(directory.getFileName() + "-versions-only");
        scripts.forEach(script -> copy(script.upgrade(), target));
        return target;
    }

    /** The migrations as one psql script: each file in a transaction of its own, or all in one. */
    Path psqlScript(boolean transactionPerFile) throws IOException {
        StringBuilder script = new StringBuilder(transactionPerFile ? "" : "BEGIN;\n");
        for (Script pair : scripts) {
            script.append(transactionPerFile ? "BEGIN;\n\\i " + pair.upgrade() + "\nCOMMIT;\n"
                    : "\\i " + pair.upgrade() + "\n");
        }
        script.append(transactionPerFile ? "" : "COMMIT;\n");
        Path path = directory.resolveSibling(directory.getFileName() + (transactionPerFile ? "-psql-per-file.sql"
                : "-psql-single.sql"));
        Files.writeString(path, script);
        return path;
    }

    /** The undo scripts newest first, each with the removal of its history row, each in a transaction. */
    Path psqlUndoScript() throws IOException {
        StringBuilder script = new StringBuilder();
        for (int i = scripts.size() - 1; i >= 0; i--) {
            Script pair = scripts.get(i);
            script.append("BEGIN;\n\\i ").append(pair.undo()).append("\nDELETE FROM flyway_schema_history WHERE version"
                    + " = '").append(pair.version()).append("';\nCOMMIT;\n");
        }
        Path path = directory.resolveSibling(directory.getFileName() + "-psql-undo.sql");
        Files.writeString(path, script.toString());
        return path;
    }

    private static Path copy(Path file, Path directory) {
        try {
            Files.createDirectories(directory);
            return Files.copy(file, directory.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
