package dev.assistant.migrate.engine;

import dev.assistant.migrate.api.Hints;
import dev.assistant.migrate.api.MigrationEngineException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.api.MigrationVersion;

/**
 * How far {@code downgrade} goes back: {@code -N} undoes the last N applied migrations, a version undoes everything
 * applied above it, {@code base} undoes everything.
 */
public sealed interface DowngradeTarget {

    String BASE = "base";
    String USAGE = "-N (undo the last N migrations, e.g. -1), a version to go back to (e.g. 3), or `base`"
            + " (undo everything)";

    /** The last {@code count} applied migrations. */
    record Steps(int count) implements DowngradeTarget {
        @Override
        public String toString() {
            return "-" + count;
        }
    }

    /** Everything applied above {@code version}, which stays applied. */
    record ToVersion(MigrationVersion version) implements DowngradeTarget {
        @Override
        public String toString() {
            return version.toString();
        }
    }

    /** Everything. */
    record Base() implements DowngradeTarget {
        @Override
        public String toString() {
            return BASE;
        }
    }

    Pattern STEPS = Pattern.compile("-(\\d{1,9})");

    static DowngradeTarget parse(String text, Hints hints) {
        if (text == null || text.isBlank()) {
            throw new MigrationEngineException("downgrade needs a target: " + USAGE + "; e.g. " + hints.downgrade("-1")
                    + ".", true);
        }
        String trimmed = text.trim();
        if (trimmed.equalsIgnoreCase(BASE)) {
            return new Base();
        }
        Matcher steps = STEPS.matcher(trimmed);
        if (steps.matches()) {
            int count = Integer.parseInt(steps.group(1));
            if (count == 0) {
                throw new MigrationEngineException("'" + text + "' would undo nothing: give " + USAGE + ".", true);
            }
            return new Steps(count);
        }
        if (trimmed.startsWith("+")) {
            throw new MigrationEngineException("'" + text + "' points forward; downgrade only goes back. Give " + USAGE
                    + ", or use migrate to go forward.", true);
        }
        return Versions.parse(trimmed).<DowngradeTarget>map(ToVersion::new).orElseThrow(() ->
                new MigrationEngineException("'" + text + "' is not a downgrade target: give " + USAGE + ".", true));
    }
}
