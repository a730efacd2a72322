package dev.assistant.migrate.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Runs Maven in a process of its own, as a user would, in a small project directory: the one way the tests (outside
 * the invoker projects) and the benchmarks run the plugin's goals. {@code assistant-migrate:<goal>} stands for the
 * plugin of this build. Under Failsafe, Maven resolves from the repository the invoker tests install the plugin into
 * and falls back to the developer's own, with the invoker tests' settings.xml; elsewhere (the benchmarks, after make
 * build) it uses the local repository of the Maven that runs it.
 *
 * <pre>{@code MavenRun.Result result = MavenRun.in(project).environment(Map.of("DATABASE_URL", url))
 *         .run("assistant-migrate:status");}</pre>
 */
public final class MavenRun {

    private static final String PREFIX = "assistant-migrate:";
    private static final String POM = """
            <project xmlns="http://maven.apache.org/POM/4.0.0">
              <modelVersion>4.0.0</modelVersion>
              <groupId>dev.assistant.it</groupId>
              <artifactId>%s</artifactId>
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

    /** The outcome of one run: exit code, everything it printed, its wall time, and its peak memory when measured. */
    public record Result(int exitCode, String output, double seconds, double peakMegabytes) {

        public boolean failed() {
            return exitCode != 0;
        }

        /** The message of the failure, as Maven prints it after "Failed to execute goal ...: ". */
        public String failureMessage() {
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

        public boolean hasStackTrace() {
            return output.lines().anyMatch(line -> line.startsWith("\tat ") || line.matches("\\s+at [a-z]+\\..*"));
        }
    }

    private final Path project;
    private Map<String, String> environment = Map.of();
    private String extraSettings = "";
    private Duration timeout = Duration.ofMinutes(2);
    private boolean measured;

    private MavenRun(Path project) {
        this.project = project;
    }

    /** A run in {@code project}, which {@link #project(Path)} can prepare. */
    public static MavenRun in(Path project) {
        return new MavenRun(project);
    }

    /**
     * Makes {@code directory} a project that declares the plugin of this build, with a {@code .mvn} of its own (so
     * that it is the top of its build) and the usual migrations directory.
     */
    public static Path project(Path directory) {
        try {
            Files.createDirectories(directory.resolve(".mvn"));
            Files.createDirectories(directory.resolve("src/main/resources/db/migration"));
            Files.writeString(directory.resolve("pom.xml"), POM.formatted(directory.getFileName(), pluginVersion()),
                    StandardCharsets.UTF_8);
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Environment variables of the run; the connection variables of the caller's own environment never pass. */
    public MavenRun environment(Map<String, String> variables) {
        this.environment = Map.copyOf(variables);
        return this;
    }

    /** More settings.xml content, such as {@code <servers>}. */
    public MavenRun settings(String content) {
        this.extraSettings = content;
        return this;
    }

    public MavenRun timeout(Duration limit) {
        this.timeout = limit;
        return this;
    }

    /** Measures the peak resident memory of the Maven process too, through /usr/bin/time where it exists. */
    public MavenRun measured() {
        this.measured = true;
        return this;
    }

    public Result run(String... arguments) {
        String mavenHome = System.getProperty("maven.home");
        if (mavenHome == null || mavenHome.isBlank()) {
            throw new IllegalStateException("This runs Maven; run it through Maven (make test, make bench), which"
                    + " tells it where Maven is.");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(mavenHome, "bin", "mvn").toString(), "-B"));
        String repository = System.getProperty("assistant.it.repository");
        if (repository != null) {
            command.addAll(List.of("-s", writeSettings().toString(), "-Dmaven.repo.local=" + repository));
        } else if (System.getProperty("maven.repo.local") != null) {
            command.add("-Dmaven.repo.local=" + System.getProperty("maven.repo.local"));
        }
        for (String argument : arguments) {
            command.add(argument.startsWith(PREFIX) ? "dev.assistant:assistant-migrate-maven-plugin:"
                    + pluginVersion() + argument.substring(PREFIX.length() - 1) : argument);
        }
        Map<String, String> variables = new HashMap<>(System.getenv());
        List.of("DATABASE_URL", "POSTGRES_USER", "POSTGRES_PASSWORD", "POSTGRES_HOST", "POSTGRES_PORT", "POSTGRES_DB",
                "MAVEN_ARGS", "MAVEN_OPTS").forEach(variables::remove);
        variables.putAll(environment);
        return process(command, project, variables, timeout, measured);
    }

    /**
     * Runs any command to its end with exactly the {@code environment} given and captures what it printed; measured,
     * under /usr/bin/time for its peak resident memory. Fails when it does not end within {@code timeout}.
     */
    public static Result process(List<String> command, Path directory, Map<String, String> environment,
            Duration timeout, boolean measured) {
        try {
            Path timeOutput = Files.createTempFile("time-", ".txt");
            try {
                boolean gnuTime = measured && Files.isExecutable(Path.of("/usr/bin/time"));
                List<String> wrapped = new ArrayList<>();
                if (gnuTime) {
                    wrapped.addAll(List.of("/usr/bin/time", "-f", "%M", "-o", timeOutput.toString()));
                }
                wrapped.addAll(command);
                ProcessBuilder builder = new ProcessBuilder(wrapped).directory(directory.toFile())
                        .redirectErrorStream(true);
                builder.environment().clear();
                builder.environment().putAll(environment);
                long start = System.nanoTime();
                Process process = builder.start();
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(String.join(" ", command) + " did not finish within "
                            + timeout.toSeconds() + " s:\n" + output);
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                double megabytes = 0;
                if (gnuTime) {
                    String kilobytes = Files.readString(timeOutput).strip();
                    megabytes = Double.parseDouble(kilobytes.substring(kilobytes.lastIndexOf('\n') + 1).strip())
                            / 1024;
                }
                return new Result(process.exitValue(), output, seconds, megabytes);
            } finally {
                Files.deleteIfExists(timeOutput);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The invoker tests' settings.xml, which resolves from the developer's own repository first, with any extra
     * content; written next to the project, not in it, so that the project's files stay as they were.
     */
    private Path writeSettings() {
        Path file = project.resolveSibling(project.getFileName() + "-settings.xml");
        try {
            String settings = Files.readString(Path.of(System.getProperty("assistant.it.settings")),
                    StandardCharsets.UTF_8)
                    .replace("@localRepositoryUrl@", Path.of(System.getProperty("assistant.user.repository")).toUri()
                            .toString())
                    .replace("</settings>", extraSettings + "</settings>");
            Files.writeString(file, settings, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The version of this build's plugin, from its descriptor on the class path (target/classes). */
    static String pluginVersion() {
        try (InputStream descriptor = MavenRun.class.getClassLoader().getResourceAsStream("META-INF/maven/plugin.xml")) {
            if (descriptor == null) {
                throw new IllegalStateException("No plugin descriptor on the class path; build the plugin first"
                        + " (mvn process-classes).");
            }
            for (Node node = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(descriptor)
                    .getDocumentElement().getFirstChild(); node != null; node = node.getNextSibling()) {
                if ("version".equals(node.getNodeName())) {
                    return node.getTextContent().strip();
                }
            }
            throw new IllegalStateException("The plugin descriptor names no version.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("Cannot read the plugin descriptor: " + e.getMessage(), e);
        }
    }
}
