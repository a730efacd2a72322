package dev.assistant.migrate.schema;

import dev.assistant.db.config.ConnectionSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** {@code pg_dump --schema-only} of a database, when a pg_dump for the server's major version is installed. */
public final class PgDump {

    private PgDump() {
    }

    public static Optional<String> schemaOnly(ConnectionSettings settings) throws IOException, InterruptedException {
        Optional<Path> pgDump = find();
        if (pgDump.isEmpty()) {
            return Optional.empty();
        }
        ProcessBuilder builder = new ProcessBuilder(pgDump.get().toString(), "--schema-only", "--no-owner",
                "--no-privileges", "--host", settings.host(), "--port", String.valueOf(settings.port()),
                "--username", settings.user(), "--dbname", settings.database())
                .redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", settings.password());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("pg_dump failed: " + output);
        }
        return Optional.of(output.lines()
                .filter(line -> !line.startsWith("-- Dumped") && !line.startsWith("\\restrict")
                        && !line.startsWith("\\unrestrict"))
                .reduce("", (a, b) -> a + b + "\n"));
    }

    private static Optional<Path> find() throws IOException {
        Path versioned = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(versioned)) {
            try (Stream<Path> versions = Files.list(versioned)) {
                List<Path> dumps = versions.map(version -> version.resolve("bin/pg_dump"))
                        .filter(Files::isExecutable)
                        .sorted()
                        .toList();
                if (!dumps.isEmpty()) {
                    return Optional.of(dumps.get(dumps.size() - 1));
                }
            }
        }
        Path onPath = Path.of("/usr/bin/pg_dump");
        return Files.isExecutable(onPath) ? Optional.of(onPath) : Optional.empty();
    }
}
