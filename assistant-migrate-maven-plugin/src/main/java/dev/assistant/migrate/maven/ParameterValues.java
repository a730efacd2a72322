package dev.assistant.migrate.maven;

import java.time.Duration;
import java.util.Locale;
import org.apache.maven.plugin.MojoFailureException;

/**
 * Flags and numbers read from the text the user gave. Maven's own conversion names the Java field in its error
 * ({@code Cannot convert 'abc' to int for parameter lockTimeout}) and turns any word but {@code true} into
 * {@code false}, so that {@code -Dassistant.dryRun=yes} would really change the database; here a bad value is an
 * error that names the property.
 */
final class ParameterValues {

    private ParameterValues() {
    }

    /** {@code true} or {@code false} in any case; empty or unset is {@code false}. */
    static boolean flag(String value, String property) throws MojoFailureException {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new MojoFailureException("-D" + property + "=" + value + " is neither true nor false. Give"
                    + " -D" + property + "=true, or leave it out for false.");
        };
    }

    /** A whole number, 1 or more; empty or unset is {@code defaultCount}. */
    static int count(String value, String property, int defaultCount) throws MojoFailureException {
        if (value == null || value.isBlank()) {
            return defaultCount;
        }
        try {
            int count = Integer.parseInt(value.trim());
            if (count >= 1) {
                return count;
            }
        } catch (NumberFormatException e) {
            // reported below with the rule
        }
        throw new MojoFailureException("-D" + property + "=" + value + " is not a number of databases to work on at"
                + " once. Give a whole number, 1 or more, e.g. -D" + property + "=8 (the default is " + defaultCount
                + ").");
    }

    /** A whole number of seconds, 0 or more; empty or unset is {@code defaultSeconds}. */
    static Duration seconds(String value, String property, int defaultSeconds) throws MojoFailureException {
        if (value == null || value.isBlank()) {
            return Duration.ofSeconds(defaultSeconds);
        }
        try {
            long seconds = Long.parseLong(value.trim());
            if (seconds >= 0 && seconds <= Integer.MAX_VALUE) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException e) {
            // reported below with the rule
        }
        throw new MojoFailureException("-D" + property + "=" + value + " is not a number of seconds. Give a whole"
                + " number, 0 or more, e.g. -D" + property + "=120 (the default is " + defaultSeconds + ").");
    }
}
