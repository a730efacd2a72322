package dev.assistant.db.config;

import io.github.cdimascio.dotenv.Dotenv;
import io.github.cdimascio.dotenv.DotenvEntry;
import io.github.cdimascio.dotenv.DotenvException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The variables declared in a {@code .env} file, read with dotenv-java and nothing else: neither the process
 * environment nor system properties are mixed in or changed.
 */
final class DotenvFile {

    private final Path path;
    private final Map<String, String> variables;

    private DotenvFile(Path path, Map<String, String> variables) {
        this.path = path;
        this.variables = variables;
    }

    /** Reads the file; a missing file has no variables. */
    static DotenvFile read(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        if (!Files.isRegularFile(absolute)) {
            return new DotenvFile(absolute, Map.of());
        }
        try {
            Dotenv dotenv = Dotenv.configure()
                    .directory(absolute.getParent().toString())
                    .filename(absolute.getFileName().toString())
                    .load();
            Map<String, String> variables = new LinkedHashMap<>();
            for (DotenvEntry entry : dotenv.entries(Dotenv.Filter.DECLARED_IN_ENV_FILE)) {
                variables.put(entry.getKey(), entry.getValue());
            }
            return new DotenvFile(absolute, Map.copyOf(variables));
        } catch (DotenvException e) {
            throw malformed(absolute, e);
        }
    }

    Map<String, String> variables() {
        return variables;
    }

    String describe() {
        return path.toString();
    }

    /**
     * dotenv-java names the malformed entry by its text, which may hold a secret, and not by its line: find the line,
     * and say what is wrong with it without quoting it.
     */
    private static InvalidConnectionSettingsException malformed(Path path, DotenvException e) {
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            return new InvalidConnectionSettingsException("Cannot read " + path + ": " + unreadable.getMessage());
        }
        String message = String.valueOf(e.getMessage());
        String entry = message.replaceFirst("^Malformed entry(, unmatched quotes)?\\s?", "");
        String firstLineOfEntry = entry.contains("\n") ? entry.substring(0, entry.indexOf('\n')) : entry;
        int lineNumber = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank() && lines.get(i).equals(firstLineOfEntry)) {
                lineNumber = i + 1;
                break;
            }
        }
        String line = lineNumber == 0 ? "" : lines.get(lineNumber - 1).strip();
        String hint;
        if (line.startsWith("export ")) {
            hint = "remove the `export` prefix: write KEY=value";
        } else if (message.contains("unmatched quotes")) {
            hint = "a quoted value must end with the quote it starts with";
        } else {
            hint = "expected KEY=value (a value with # in it goes in double quotes)";
        }
        return new InvalidConnectionSettingsException(path + (lineNumber == 0 ? "" : ":" + lineNumber)
                + ": malformed line in .env: " + hint + ". The line is not shown because it may hold a secret.");
    }
}
