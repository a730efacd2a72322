package dev.assistant.migrate.schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * One case of the autogenerate corpus (src/test/resources/autogenerate-corpus): the schema before (SQL), the entity
 * model after (Java sources, compiled here as a user's build would), and what autogenerate is expected to find.
 */
public record CorpusCase(String name, List<String> expected, String before, List<String> modelSources) {

    private static final Pattern CLASS_NAME = Pattern.compile("public class (\\w+)");
    private static final String IMPORTS = """
            import jakarta.persistence.*;
            import java.math.BigDecimal;
            import java.time.*;
            import java.util.*;

            """;

    public static CorpusCase read(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            String expect = section(text, "## expect", "## before");
            String before = section(text, "## before", "## model");
            String model = text.substring(text.indexOf("## model") + "## model".length()).strip();
            List<String> expected = expect.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
            List<String> sources = List.of(model.split("(?m)^// ---$"));
            String name = file.getFileName().toString().replace(".case", "");
            return new CorpusCase(name, expected, before, sources.stream().map(String::strip).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String section(String text, String start, String end) {
        return text.substring(text.indexOf(start) + start.length(), text.indexOf(end)).strip();
    }

    /** The package the case's entities are compiled into. */
    public String packageName() {
        return "corpus." + name.replaceAll("[^a-zA-Z0-9]+", "_").toLowerCase(Locale.ROOT).replaceAll("^(\\d)", "c$1");
    }

    /** Compiles the model against the test class path into {@code output}. */
    public void compileModel(Path output) throws IOException {
        Path sources = Files.createDirectories(output.resolveSibling(output.getFileName() + "-src"));
        List<Path> files = new ArrayList<>();
        for (String source : modelSources) {
            Matcher className = CLASS_NAME.matcher(source);
            if (!className.find()) {
                throw new IllegalArgumentException(name + ": a model source without 'public class'");
            }
            Path file = sources.resolve(className.group(1) + ".java");
            try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                writer.write("package " + packageName() + ";\n\n" + IMPORTS + source + "\n");
            }
            files.add(file);
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fileManager = compiler.getStandardFileManager(diagnostics, null,
                StandardCharsets.UTF_8)) {
            Files.createDirectories(output);
            boolean compiled = compiler.getTask(null, fileManager, diagnostics,
                    List.of("-d", output.toString(), "-classpath", System.getProperty("java.class.path"),
                            "-proc:none", "--release", "17"),
                    null, fileManager.getJavaFileObjectsFromPaths(files)).call();
            if (!compiled) {
                StringBuilder errors = new StringBuilder(name + ": the model does not compile:");
                for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
                    errors.append('\n').append(diagnostic);
                }
                throw new IllegalStateException(errors.toString());
            }
        }
    }
}
