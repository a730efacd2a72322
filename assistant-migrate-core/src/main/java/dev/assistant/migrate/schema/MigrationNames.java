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
     * @throws MigrationEngineException for an empty message, one with only symbols, or one with path separators
     */
    public static String slug(String message, Hints hints) {
        if (message == null || message.isBlank()) {
            throw new MigrationEngineException("Say what the migration does: "
                    + hints.createMigration("add user timezone") + ".", true);
        }
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
}
