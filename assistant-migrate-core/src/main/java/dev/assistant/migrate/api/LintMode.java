package dev.assistant.migrate.api;

import java.util.Locale;

/**
 * {@code assistant.lint}: whether check observes the locks and rewrites of the migrations, and whether what it finds
 * fails the build.
 */
public enum LintMode {
    /** Not observed, nothing reported. */
    OFF,
    /** Reported, every finding a warning: nothing fails the build. */
    WARN,
    /** Reported at each rule's severity: errors fail the build, warnings do not. The default. */
    ERROR;

    public static final LintMode DEFAULT = ERROR;

    /** @throws IllegalArgumentException for anything but off, warn or error (any case) */
    public static LintMode parse(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "off" -> OFF;
            case "warn" -> WARN;
            case "error" -> ERROR;
            default -> throw new IllegalArgumentException("off, warn or error");
        };
    }

    public ProblemKind.Severity severityOf(LintRule rule) {
        return this == ERROR ? rule.severity() : ProblemKind.Severity.WARNING;
    }
}
