package dev.assistant.migrate.engine;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Pattern;
import org.flywaydb.core.api.MigrationVersion;

/** Version strings as users type them: {@code 3}, {@code 1.2}, {@code 20261124153000}. */
final class Versions {

    private static final Pattern VERSION = Pattern.compile("\\d+(\\.\\d+)*");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
            .withZone(ZoneOffset.UTC);

    private Versions() {
    }

    /** A fresh version as {@code create} names them: the UTC time of now, {@code yyyyMMddHHmmss}. */
    static String timestamp() {
        return timestamp(0);
    }

    /** The fresh version {@code seconds} after now's, for several at once. */
    static String timestamp(int seconds) {
        return TIMESTAMP.format(Instant.now().plusSeconds(seconds));
    }

    /** The version, or empty when the text is not one (signs, letters, empty parts). */
    static Optional<MigrationVersion> parse(String text) {
        if (text == null || !VERSION.matcher(text.trim()).matches()) {
            return Optional.empty();
        }
        return Optional.of(MigrationVersion.fromVersion(text.trim()));
    }
}
