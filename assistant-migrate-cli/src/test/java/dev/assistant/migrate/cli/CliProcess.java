package dev.assistant.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the jar that {@code package} built as a process of its own, as a production host runs it: {@code java -jar},
 * or {@code java -cp} with more jars, in a working directory, with an environment that holds no database settings but
 * those given. Every run is checked for the secrets it was told of: no password on standard output or error, ever.
 */
final class CliProcess {

    /** Cheaper start-up for the tests' many short runs; what the tool does is the same. */
    private static final List<String> JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    private static final List<String> DATABASE_VARIABLES = List.of("DATABASE_URL", "POSTGRES_USER",
            "POSTGRES_PASSWORD", "POSTGRES_HOST", "POSTGRES_PORT", "POSTGRES_DB");

    /** What a run printed, and how it ended. */
    record Result(List<String> command, int exitCode, String out, String err) {

        @Override
        public String toString() {
            return String.join(" ", command) + "\n-> exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private final Path workingDirectory;
    private final Map<String, String> environment = new HashMap<>();
    private final List<Path> classPath = new ArrayList<>();
    private final List<String> secrets = new ArrayList<>();
    private final Map<Process, Path[]> outputs = new HashMap<>();

    private CliProcess(Path workingDirectory) {
        this.workingDirectory = workingDirectory;
    }

    /** The jar built by this module's {@code package}, as failsafe was told. */
    static Path jar() {
        return requiredFile("assistant.cli.jar");
    }

    /** The migrations module's jar, as released. */
    static Path migrationsJar() {
        return requiredFile("assistant.migrations.jar");
    }

    private static Path requiredFile(String property) {
        String value = System.getProperty(property);
        assertThat(value).as("system property " + property + " (set by failsafe: run these tests with mvn verify)")
                .isNotBlank();
        Path file = Path.of(value);
        assertThat(file).as(property).isRegularFile();
        return file;
    }

    static CliProcess in(Path workingDirectory) {
        return new CliProcess(workingDirectory);
    }

    CliProcess env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** Runs {@code java -cp <tool jar>:<jar> Main} instead of {@code java -jar}. */
    CliProcess withOnClassPath(Path jar) {
        classPath.add(jar);
        return this;
    }

    /** A password that no output may contain, as written or percent-encoded. */
    CliProcess secret(String password) {
        secrets.add(password);
        return this;
    }

    Result run(String... arguments) {
        Process process = start(arguments);
        return finish(process, arguments);
    }

    /** Starts the run and returns; {@link #finish} waits for it. For runs that must overlap. */
    Process start(String... arguments) {
        ProcessBuilder builder = new ProcessBuilder(command(arguments)).directory(workingDirectory.toFile());
        DATABASE_VARIABLES.forEach(builder.environment()::remove);
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().putAll(environment);
        try {
            Path output = Files.createTempFile("cli-out", ".txt");
            Path errors = Files.createTempFile("cli-err", ".txt");
            builder.redirectOutput(output.toFile()).redirectError(errors.toFile());
            Process process = builder.start();
            outputs.put(process, new Path[] {output, errors});
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Result finish(Process process, String... arguments) {
        try {
            if (!process.waitFor(180, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("assistant-migrate " + String.join(" ", arguments)
                        + " did not finish within 180 s");
            }
            Path[] files = outputs.remove(process);
            Result result = new Result(command(arguments), process.exitValue(),
                    Files.readString(files[0], StandardCharsets.UTF_8),
                    Files.readString(files[1], StandardCharsets.UTF_8));
            Files.delete(files[0]);
            Files.delete(files[1]);
            for (String secret : secrets) {
                assertThat(result.out() + result.err()).as("no password in the output of %s", result)
                        .doesNotContain(secret)
                        .doesNotContain(URLEncoder.encode(secret, StandardCharsets.UTF_8));
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private List<String> command(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        if (classPath.isEmpty()) {
            command.add("-jar");
            command.add(jar().toString());
        } else {
            List<String> entries = new ArrayList<>(List.of(jar().toString()));
            classPath.forEach(entry -> entries.add(entry.toString()));
            command.add("-cp");
            command.add(String.join(File.pathSeparator, entries));
            command.add(Main.class.getName());
        }
        command.addAll(List.of(arguments));
        return command;
    }
}
