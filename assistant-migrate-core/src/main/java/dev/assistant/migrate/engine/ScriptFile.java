package dev.assistant.migrate.engine;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One SQL file found in a migration location, read and decoded once: Flyway, the undo runner and the checks all work
 * from this text, never from the file again.
 */
public final class ScriptFile {

    private final String fileName;
    private final String displayPath;
    private final Path pathOnDisk;
    private final byte[] content;
    private final String text;

    /**
     * @param fileName the bare file name, e.g. {@code V2__add_index.sql}
     * @param displayPath how messages name it: the absolute path on disk, or the classpath entry and its jar
     * @param pathOnDisk the file on disk, when it is one (not inside a jar)
     * @param content the raw bytes
     */
    public ScriptFile(String fileName, String displayPath, Path pathOnDisk, byte[] content) {
        this.fileName = fileName;
        this.displayPath = displayPath;
        this.pathOnDisk = pathOnDisk;
        this.content = content;
        this.text = decode(content);
    }

    public String fileName() {
        return fileName;
    }

    public String displayPath() {
        return displayPath;
    }

    public Path pathOnDisk() {
        return pathOnDisk;
    }

    /** The content as text, or empty when it is not valid UTF-8. A leading byte-order mark is dropped. */
    public Optional<String> text() {
        return Optional.ofNullable(text);
    }

    private static String decode(byte[] content) {
        try {
            String decoded = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
            return decoded.startsWith("\uFEFF") ? decoded.substring(1) : decoded;
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** The 1-based line of the first NUL byte, or 0 when there is none. */
    public int firstNulLine() {
        int line = 1;
        for (byte b : content) {
            if (b == 0) {
                return line;
            }
            if (b == '\n') {
                line++;
            }
        }
        return 0;
    }

    /** The 1-based line of the first byte that is not valid UTF-8, for messages. */
    public int firstInvalidUtf8Line() {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int line = 1;
        int start = 0;
        for (int i = 0; i <= content.length; i++) {
            if (i == content.length || content[i] == '\n') {
                try {
                    decoder.reset().decode(ByteBuffer.wrap(content, start, i - start));
                } catch (CharacterCodingException e) {
                    return line;
                }
                line++;
                start = i + 1;
            }
        }
        return 1;
    }

    @Override
    public String toString() {
        return displayPath;
    }
}
