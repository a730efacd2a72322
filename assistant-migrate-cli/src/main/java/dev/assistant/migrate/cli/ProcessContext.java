package dev.assistant.migrate.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What the process runs with: its environment variables, its working directory (where {@code .env}, relative paths
 * and, in development, the migrations are found), the class loader that holds its class path, and its two output
 * streams. Tests give their own.
 */
record ProcessContext(Map<String, String> environment, Path workingDirectory, ClassLoader classLoader,
        PrintWriter out, PrintWriter err) {

    ProcessContext {
        environment = Map.copyOf(environment);
        workingDirectory = workingDirectory.toAbsolutePath().normalize();
        Objects.requireNonNull(classLoader, "classLoader");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
    }

    /** Where a path given on the command line points: relative paths are taken from the working directory. */
    Path resolve(Path given) {
        return workingDirectory.resolve(given).normalize();
    }
}
