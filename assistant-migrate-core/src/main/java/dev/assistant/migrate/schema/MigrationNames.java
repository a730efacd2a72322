package dev.assistant.migrate.schema;

import dev.assistant.migrate.api.Hints;
import dev.assistant.migrate.api.MigrationEngineException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Names of new migrations: a UTC timestamp version, so that two branches never pick the same number, and a slug of
 * the message.
 */
public final class MigrationNames {

    public static final int MAX_SLUG_LENGTH = 100;
    private static final DateTimeFormatter VERSION = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
            .withZone(ZoneOffset.UTC);

    private MigrationNames() {
    }

    /** {@code yyyyMMddHHmmss} in UTC. */
    public static String version(Instant now) {
        return VERSION.format(now);
    }

    /**
     * Lower case, every run of characters other than letters and digits made one {@code _}, no {@code _} at either
     * end, at most 100 characters.
     *
     * @throws MigrationEngineException for an empty message, one with only symbols, one with path separators, or one
     *     with a line break or another control character
     */
    public static String slug(String message, Hints hints) {
        if (message == null || message.isBlank()) {
            throw new MigrationEngineException("Say what the migration does: "
                    + hints.createMigration("add user timezone") + ".", true);
        }
        requireOneLineOfText(message, hints);
        if (message.contains("/") || message.contains("\\")) {
            throw new MigrationEngineException("The message '" + message + "' contains a path separator; it names"
                    + " the file, which is always written to the migrations directory. Describe the change in words,"
                    + " e.g. \"add user timezone\".", true);
        }
        String slug = message.toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "_")
                .replaceAll("^_+|_+$", "");
        if (slug.isEmpty()) {
            throw new MigrationEngineException("The message '" + message + "' has no letters or digits to name the"
                    + " file by; describe the change in words, e.g. \"add user timezone\".", true);
        }
        if (slug.length() > MAX_SLUG_LENGTH) {
            slug = slug.substring(0, MAX_SLUG_LENGTH).replaceAll("_+$", "");
        }
        return slug;
    }

    /**
     * The message names the files and opens both scripts, so it is one line of text: a line break would end the
     * header's comment, and other control characters have no business in a file name or a script.
     */
    private static void requireOneLineOfText(String message, Hints hints) {
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            if (isControl(c)) {
                String before = message.substring(0, i).strip();
                throw new MigrationEngineException("The message given by " + hints.setting(Hints.Setting.MESSAGE)
                        + " has " + describe(c) + (before.isEmpty() ? " at its start" : " after '" + shorten(before) + "'")
                        + ". It names the files and opens both scripts, so it must be one line of plain text: give a"
                        + " one-line description, e.g. "
                        + hints.setting(Hints.Setting.MESSAGE, "\"add user timezone\"") + ".", true);
            }
        }
    }

    /** ISO control characters (C0, DEL, C1) and the Unicode line and paragraph separators. */
    static boolean isControl(char c) {
        return Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
    }

    private static String describe(char c) {
        String code = String.format("U+%04X", (int) c);
        return switch (c) {
            case '\n', '\u0085', '\u2028', '\u2029' -> "a line break (" + code + ")";
            case '\r' -> "a carriage return (" + code + ")";
            case '\t' -> "a tab (" + code + ")";
            case '\u0000' -> "a NUL character (" + code + ")";
            default -> "a control character (" + code + ")";
        };
    }

    private static String shorten(String text) {
        String printable = text.codePoints().map(c -> isControl((char) c) ? ' ' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return printable.length() <= 60 ? printable : "…" + printable.substring(printable.length() - 60);
    }
}
