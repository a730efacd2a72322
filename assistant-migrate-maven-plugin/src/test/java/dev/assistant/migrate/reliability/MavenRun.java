package dev.assistant.migrate.reliability;

import dev.assistant.migrate.it.RepositorySettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a goal of the plugin in a Maven process of its own, as a user would: offline, against the repository the
 * invoker tests install the plugin into, in a small project directory.
 */
final class MavenRun {

    static final String POM = """
            <project xmlns="http://maven.apache.org/POM/4.0.0">
              <modelVersion>4.0.0</modelVersion>
              <groupId>dev.assistant.it</groupId>
              <artifactId>reliability</artifactId>
              <version>1.0</version>
              <packaging>pom</packaging>
              <build>
                <plugins>
                  <plugin>
                    <groupId>dev.assistant</groupId>
                    <artifactId>assistant-migrate-maven-plugin</artifactId>
                    <version>%s</version>
                  </plugin>
                </plugins>
              </build>
            </project>
            """;

    /** The outcome of one run: exit code and everything it printed. */
    record Result(int exitCode, String output) {

        boolean failed() {
            return exitCode != 0;
        }

        /** The message of the failure, as Maven prints it after "Failed to execute goal ...: ". */
        String failureMessage() {
            StringBuilder message = new StringBuilder();
            boolean inside = false;
            for (String line : output.lines().toList()) {
                if (line.startsWith("[ERROR] Failed to execute goal")) {
                    int start = line.indexOf(": ", line.indexOf(" on project "));
                    message.append(line.substring(start + 2));
                    inside = true;
                } else if (inside && line.startsWith("[ERROR] ") && !line.startsWith("[ERROR] -> [Help")
                        && !line.equals("[ERROR] ")) {
                    message.append('\n').append(line.substring("[ERROR] ".length()));
                } else if (inside) {
                    break;
                }
            }
            return message.toString().replaceAll(" -> \\[Help 1\\]$", "");
        }

        boolean hasStackTrace() {
            return output.lines().anyMatch(line -> line.startsWith("\tat ") || line.matches("\\s+at [a-z]+\\..*"));
        }
    }

    private static final String PREFIX = "assistant-migrate:";
    private static final String COORDINATES = "dev.assistant:assistant-migrate-maven-plugin:";

    private MavenRun() {
    }

    /** Written next to the project, not in it, so that the project's files stay as they were. */
    private static Path settings(Path project, String extraSettings) {
        Path file = project.resolveSibling(project.getFileName() + "-settings.xml");
        try {
            Files.writeString(file, RepositorySettings.xml(
                    Path.of(System.getProperty("assistant.user.repository")).toUri(), extraSettings),
                    StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A project directory with the plugin declared, a {@code .mvn} of its own, and migrations at the usual place. */
    static Path project(Path directory) {
        try {
            Files.createDirectories(directory.resolve(".mvn"));
            Files.createDirectories(directory.resolve("src/main/resources/db/migration"));
            Files.writeString(directory.resolve("pom.xml"),
                    POM.formatted(System.getProperty("assistant.plugin.version")), StandardCharsets.UTF_8);
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Result run(Path project, Map<String, String> environment, String... arguments) {
        return runWithSettings(project, environment, SETTINGS_BODY_NONE, arguments);
    }

    /** No extra settings: only the repository profile. */
    static final String SETTINGS_BODY_NONE = "";

    /**
     * Runs with extra settings.xml content (e.g. {@code <servers>}) next to the repository profile.
     */
    static Result runWithSettings(Path project, Map<String, String> environment, String extraSettings,
            String... arguments) {
        String mavenHome = System.getProperty("maven.home");
        if (mavenHome == null || mavenHome.isBlank()) {
            throw new IllegalStateException("These tests run Maven; run them through Maven (make test), which tells"
                    + " them where it is.");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(mavenHome, "bin", "mvn").toString(), "-B",
                "-s", settings(project, extraSettings).toString(),
                "-Dmaven.repo.local=" + System.getProperty("assistant.it.repository")));
        for (String argument : arguments) {
            command.add(argument.startsWith(PREFIX) ? COORDINATES + System.getProperty("assistant.plugin.version")
                    + argument.substring(PREFIX.length() - 1) : argument);
        }
        ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true);
        List.of("DATABASE_URL", "POSTGRES_USER", "POSTGRES_PASSWORD", "POSTGRES_HOST", "POSTGRES_PORT", "POSTGRES_DB",
                "MAVEN_ARGS", "MAVEN_OPTS").forEach(builder.environment()::remove);
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("Maven did not finish within 120 s:\n" + output);
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
