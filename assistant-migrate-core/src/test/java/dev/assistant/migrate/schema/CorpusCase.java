package dev.assistant.migrate.schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * One case of the autogenerate corpus (src/test/resources/autogenerate-corpus): the schema before (SQL, with the rows
 * the tables hold), the entity model after (Java sources, compiled here as a user's build would), what autogenerate is
 * expected to find, and what must hold of the rows. Sections, each a {@code ## name} line, in any order:
 * <ul>
 * <li>{@code expect}: an operation each line must be like (by substring), or with a leading {@code !} that no
 * operation may be like; or {@code nothing};</li>
 * <li>{@code before}: SQL run as the first migration;</li>
 * <li>{@code model}: the entity classes, separated by {@code // ---} lines;</li>
 * <li>{@code renames}: {@code assistant.renames} entries, one a line;</li>
 * <li>{@code warns}: lines that must be among what {@code create} prints;</li>
 * <li>{@code rows}: blocks of {@code before: SELECT ...}, optionally {@code after: SELECT ...} (after the migration;
 * the same query when absent) and {@code undone: SELECT ...} (after the undo, which must give back at least the rows
 * {@code before} gave; {@code -} when the undo cannot bring them back);</li>
 * <li>{@code limit}: a stated limit: the migration is expected to fail on these rows, for the reason given.</li>
 * </ul>
 */
public record CorpusCase(String name, String title, List<String> expected, String before, List<String> modelSources,
        List<String> renames, List<String> warns, List<RowCheck> rows, String limit) {

    private static final Pattern CLASS_NAME = Pattern.compile("public (?:abstract )?class (\\w+)");
    private static final String IMPORTS = """
            import jakarta.persistence.*;
            import java.math.BigDecimal;
            import java.time.*;
            import java.util.*;

            """;

    /** Rows that must survive: the query before the migration, after it, and after its undo. */
    record RowCheck(String before, String after, String undone) {
    }

    CorpusCase(String name, List<String> expected, String before, List<String> modelSources) {
        this(name, name, expected, before, modelSources, List.of(), List.of(), List.of(), null);
    }

    /** True when autogenerate must find nothing: the model and the schema agree. */
    boolean expectsNothing() {
        return expected.equals(List.of("nothing"));
    }

    /** True when the tables hold rows before the migration. */
    boolean holdsRows() {
        return before.toUpperCase(Locale.ROOT).contains("INSERT INTO");
    }

    public static CorpusCase read(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Map<String, String> sections = sections(text);
            String name = file.getFileName().toString().replace(".case", "");
            String title = text.lines().findFirst().orElse("# " + name).replaceFirst("^#\\s*", "");
            List<String> sources = List.of(sections.getOrDefault("model", "").split("(?m)^// ---$")).stream()
                    .map(String::strip).filter(source -> !source.isEmpty()).toList();
            return new CorpusCase(name, title, lines(sections.get("expect")), sections.getOrDefault("before", ""),
                    sources, lines(sections.get("renames")), lines(sections.get("warns")),
                    rowChecks(sections.get("rows")), sections.get("limit"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> sections(String text) {
        Map<String, String> sections = new LinkedHashMap<>();
        String current = null;
        StringBuilder body = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("## ")) {
                if (current != null) {
                    sections.put(current, body.toString().strip());
                }
                current = line.substring(3).strip();
                body = new StringBuilder();
            } else if (current != null) {
                body.append(line).append('\n');
            }
        }
        if (current != null) {
            sections.put(current, body.toString().strip());
        }
        return sections;
    }

    private static List<String> lines(String section) {
        return section == null ? List.of()
                : section.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    private static List<RowCheck> rowChecks(String section) {
        List<RowCheck> checks = new ArrayList<>();
        if (section == null) {
            return checks;
        }
        for (String block : section.split("\n\\s*\n")) {
            Map<String, String> parts = new LinkedHashMap<>();
            for (String line : lines(block)) {
                int colon = line.indexOf(':');
                parts.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            }
            String before = parts.get("before");
            checks.add(new RowCheck(before, parts.getOrDefault("after", before), parts.getOrDefault("undone", before)));
        }
        return checks;
    }

    /** The package the case's entities are compiled into. */
    public String packageName() {
        return "corpus." + name.replaceAll("[^a-zA-Z0-9]+", "_").toLowerCase(Locale.ROOT).replaceAll("^(\\d)", "c$1");
    }

    /** Compiles the model against the test class path into {@code output}. */
    public void compileModel(Path output) throws IOException {
        compileAll(List.of(this), output, output.resolveSibling(output.getFileName() + "-src"));
    }

    /**
     * Compiles the models of all cases in one compiler run into {@code output} (a package each), so that each case's
     * classes can then be loaded from {@link #classesIn(Path, Path)}.
     */
    static void compileAll(Collection<CorpusCase> cases, Path output, Path sources) throws IOException {
        List<Path> files = new ArrayList<>();
        for (CorpusCase corpusCase : cases) {
            Path directory = Files.createDirectories(sources.resolve(corpusCase.packageName().replace('.', '/')));
            for (String source : corpusCase.modelSources()) {
                Matcher className = CLASS_NAME.matcher(source);
                if (!className.find()) {
                    throw new IllegalArgumentException(corpusCase.name() + ": a model source without 'public class'");
                }
                Path file = directory.resolve(className.group(1) + ".java");
                try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    writer.write("package " + corpusCase.packageName() + ";\n\n" + IMPORTS + source + "\n");
                }
                files.add(file);
            }
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
                StringBuilder errors = new StringBuilder("the corpus models do not compile:");
                for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
                    errors.append('\n').append(diagnostic);
                }
                throw new IllegalStateException(errors.toString());
            }
        }
    }

    /** Copies this case's compiled package out of {@code compiled} into a class directory of its own. */
    Path classesIn(Path compiled, Path directory) throws IOException {
        String path = packageName().replace('.', '/');
        Path from = compiled.resolve(path);
        Path to = directory.resolve(path);
        Files.createDirectories(to);
        try (Stream<Path> classes = Files.list(from)) {
            for (Path file : classes.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
        return directory;
    }
}
