package dev.assistant.db.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The variables declared in a {@code .env} file, read as python-dotenv and docker compose read it, and nothing else:
 * neither the process environment nor system properties are mixed in or changed.
 *
 * <p>The format: {@code KEY=value} lines, optionally after {@code export} and a space or tab; blank lines and lines
 * starting with {@code #} are skipped; a UTF-8 byte order mark is skipped. An unquoted value ends at the end of the
 * line or at a {@code #} that follows whitespace (a comment), and is trimmed. A value in single quotes is taken
 * literally ({@code \'} for a quote); one in double quotes understands {@code \"}, {@code \\}, {@code \n}, {@code \r}
 * and {@code \t}; both may span lines. {@code ${VAR}} is not expanded. A line with a key alone sets nothing.
 *
 * <p>What would be read otherwise than meant fails, naming the file and line and never the value: a quote that is
 * never closed, text after a closing quote, a line that is not {@code KEY=value}, bytes that are not UTF-8, and a
 * connection key set twice to different values (python-dotenv and compose take the last; which one is meant cannot be
 * guessed, and taking the wrong one connects somewhere else).
 */
final class DotenvFile {

    private static final char BYTE_ORDER_MARK = '\uFEFF';
    private static final String HIDDEN = " The line is not shown because it may hold a secret.";

    /** One {@code KEY=value} of the file and the line it starts on. */
    private record Definition(String key, String value, int line) {
    }

    private final Path path;
    private final List<Definition> definitions;

    private DotenvFile(Path path, List<Definition> definitions) {
        this.path = path;
        this.definitions = List.copyOf(definitions);
    }

    /** Reads the file; a missing file has no variables. */
    static DotenvFile read(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        if (Files.isSymbolicLink(absolute) && !Files.exists(absolute)) {
            throw new InvalidConnectionSettingsException(absolute + " is a link to " + target(absolute) + ", which does"
                    + " not exist. Point it at the .env file, or remove it.");
        }
        if (!Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
            return new DotenvFile(absolute, List.of());
        }
        if (Files.isDirectory(absolute)) {
            throw new InvalidConnectionSettingsException(absolute + " is a directory; connection settings are read"
                    + " from a file of that name. Remove or rename the directory, or make it a file of KEY=value"
                    + " lines.");
        }
        if (!Files.isRegularFile(absolute)) {
            throw new InvalidConnectionSettingsException(absolute + " is not a regular file (a pipe or a device?);"
                    + " connection settings are read from a file of KEY=value lines. Replace it with one.");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(absolute);
        } catch (IOException e) {
            throw new InvalidConnectionSettingsException("Cannot read " + absolute + ": " + e.getMessage() + ".");
        }
        return new DotenvFile(absolute, new Parser(absolute, decode(absolute, bytes)).parse());
    }

    /** Every variable with a value; where a key is set twice, the last one, as python-dotenv and compose do. */
    Map<String, String> variables() {
        Map<String, String> variables = new LinkedHashMap<>();
        definitions.forEach(definition -> variables.put(definition.key(), definition.value()));
        return Map.copyOf(variables);
    }

    /** Fails when one of {@code keys} is set twice to different values. */
    void requireOneValueEach(Collection<String> keys) {
        for (String key : keys) {
            List<Definition> ofKey = definitions.stream().filter(definition -> definition.key().equals(key)).toList();
            if (ofKey.stream().map(Definition::value).distinct().count() > 1) {
                List<String> lines = ofKey.stream().map(definition -> Integer.toString(definition.line())).toList();
                throw new InvalidConnectionSettingsException(path + ": " + key + " is set on lines "
                        + String.join(", ", lines.subList(0, lines.size() - 1)) + " and " + lines.get(lines.size() - 1)
                        + ", to different values. Keep one: which is meant cannot be guessed, and the wrong one"
                        + " connects to another database. The values are not shown because they may be secret.");
            }
        }
    }

    String describe() {
        return path.toString();
    }

    private static String target(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            return "a file";
        }
    }

    /** Strict UTF-8, naming the line of the first byte that is not; without the byte order mark. */
    private static String decode(Path path, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new InvalidConnectionSettingsException(path + ":" + line + ": not valid UTF-8. Save the file as"
                    + " UTF-8." + HIDDEN);
        }
        decoder.flush(out);
        String text = out.flip().toString().replace("\r\n", "\n");
        return !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text;
    }

    /** One pass over the text, keeping the line each statement starts on. */
    private static final class Parser {
        private final Path path;
        private final String text;
        private int position;
        private int line = 1;

        Parser(Path path, String text) {
            this.path = path;
            this.text = text;
        }

        List<Definition> parse() {
            List<Definition> definitions = new ArrayList<>();
            while (!atEnd()) {
                skipBlanks();
                if (atEnd()) {
                    break;
                }
                if (peek() == '\n' || peek() == '#') {
                    skipRestOfLine();
                    continue;
                }
                int statementLine = line;
                if (text.startsWith("export", position) && position + 6 < text.length()
                        && (text.charAt(position + 6) == ' ' || text.charAt(position + 6) == '\t')) {
                    position += 6;
                    skipBlanks();
                }
                int keyStart = position;
                while (!atEnd() && isKeyCharacter(peek())) {
                    position++;
                }
                String key = text.substring(keyStart, position);
                skipBlanks();
                if (key.isEmpty() || !atEnd() && peek() != '=' && peek() != '\n') {
                    throw malformed(statementLine, "expected KEY=value (a value with # in it goes in quotes)");
                }
                if (atEnd() || peek() == '\n') {
                    skipRestOfLine();
                    continue;
                }
                position++;
                skipBlanks();
                String value = !atEnd() && (peek() == '"' || peek() == '\'') ? quoted(key, statementLine)
                        : unquoted();
                definitions.add(new Definition(key, value, statementLine));
                skipRestOfLine();
            }
            return definitions;
        }

        private String quoted(String key, int statementLine) {
            char quote = text.charAt(position++);
            StringBuilder value = new StringBuilder();
            while (true) {
                if (atEnd()) {
                    throw new InvalidConnectionSettingsException(path + ":" + statementLine + ": the value of " + key
                            + " opens a " + (quote == '"' ? "double" : "single") + " quote that is never closed. End"
                            + " it with " + quote + " (write a " + quote + " inside it as \\" + quote + ")." + HIDDEN);
                }
                char c = text.charAt(position++);
                if (c == quote) {
                    break;
                }
                if (c == '\n') {
                    line++;
                }
                if (c == '\\' && !atEnd()) {
                    char next = peek();
                    String unescaped = quote == '\'' ? (next == '\'' || next == '\\' ? String.valueOf(next) : null)
                            : switch (next) {
                                case '"', '\\' -> String.valueOf(next);
                                case 'n' -> "\n";
                                case 'r' -> "\r";
                                case 't' -> "\t";
                                default -> null;
                            };
                    if (unescaped != null) {
                        value.append(unescaped);
                        position++;
                        continue;
                    }
                }
                value.append(c);
            }
            skipBlanks();
            if (!atEnd() && peek() != '\n' && peek() != '#') {
                throw malformed(line, "there is text after the closing quote of the value of " + key + "; put all of the"
                        + " value inside the quotes");
            }
            return value.toString();
        }

        private String unquoted() {
            int start = position;
            while (!atEnd() && peek() != '\n'
                    && !(peek() == '#' && (position == start || Character.isWhitespace(text.charAt(position - 1))))) {
                position++;
            }
            return text.substring(start, position).strip();
        }

        private InvalidConnectionSettingsException malformed(int atLine, String hint) {
            return new InvalidConnectionSettingsException(path + ":" + atLine + ": malformed line in .env: " + hint
                    + "." + HIDDEN);
        }

        private static boolean isKeyCharacter(char c) {
            return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '.'
                    || c == '-';
        }

        private boolean atEnd() {
            return position >= text.length();
        }

        private char peek() {
            return text.charAt(position);
        }

        private void skipBlanks() {
            while (!atEnd() && (peek() == ' ' || peek() == '\t' || peek() == '\r')) {
                position++;
            }
        }

        private void skipRestOfLine() {
            while (!atEnd() && peek() != '\n') {
                position++;
            }
            if (!atEnd()) {
                position++;
                line++;
            }
        }
    }
}
