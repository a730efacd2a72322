package dev.assistant.migrate.engine;

import java.util.Optional;
import java.util.regex.Pattern;
import org.flywaydb.core.api.MigrationVersion;

/** Version strings as users type them: {@code 3}, {@code 1.2}, {@code 20261124153000}. */
final class Versions {

    private static final Pattern VERSION = Pattern.compile("\\d+(\\.\\d+)*");

    private Versions() {
    }

    /** The version, or empty when the text is not one (signs, letters, empty parts). */
    static Optional<MigrationVersion> parse(String text) {
        if (text == null || !VERSION.matcher(text.trim()).matches()) {
            return Optional.empty();
        }
        return Optional.of(MigrationVersion.fromVersion(text.trim()));
    }
}
