package dev.assistant.migrate.engine;

import dev.assistant.db.config.ConnectionSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The real psql binary running a script file, as a DBA would run it. */
public final class Psql {

    /** What psql printed (both streams) and its exit code: 0 done, 3 a statement of the script failed. */
    public record Run(int exitCode, String output) {
    }

    private Psql() {
    }

    /** {@code psql -X [-1] [options] -v ON_ERROR_STOP=1 -f <file>}, the password in PGPASSWORD. */
    public static Run file(ConnectionSettings settings, Path file, boolean singleTransaction, String... options) {
        List<String> command = new ArrayList<>(List.of(binary().toString(), "-X"));
        if (singleTransaction) {
            command.add("-1");
        }
        command.addAll(List.of(options));
        command.addAll(List.of("-v", "ON_ERROR_STOP=1", "-h", settings.host(), "-p", String.valueOf(settings.port()),
                "-U", settings.user(), "-d", settings.database(), "-f", file.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", settings.password());
        builder.environment().remove("PGOPTIONS");
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("psql did not finish in 120 s: " + output);
            }
            return new Run(process.exitValue(), output);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** psql of the newest installed PostgreSQL, else the one on the PATH; a test that needs it fails without it. */
    private static Path binary() {
        try (var versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(version -> version.resolve("bin/psql")).filter(Files::isExecutable).sorted()
                    .reduce((first, second) -> second).orElse(Path.of("psql"));
        } catch (IOException e) {
            return Path.of("psql");
        }
    }
}
