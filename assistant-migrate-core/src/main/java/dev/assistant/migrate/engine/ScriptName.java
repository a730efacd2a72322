package dev.assistant.migrate.engine;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.api.MigrationVersion;

/**
 * The parts of a migration file name: {@code V1.2__add_index.sql} is version {@code 1.2}, description
 * {@code add index}. Underscores inside the version stand for dots, as in Flyway.
 */
public record ScriptName(ScriptKind kind, MigrationVersion version, String description, String fileName) {

    private static final Pattern VERSIONED_OR_UNDO =
            Pattern.compile("([VU])(\\d+(?:[._]\\d+)*)__([^/\\\\]+)\\.sql");
    private static final Pattern REPEATABLE = Pattern.compile("R__([^/\\\\]+)\\.sql");
    /** V, U or R in either case, then a digit or an underscore, and .sql in any case: meant to be a migration. */
    private static final Pattern MIGRATION_LIKE = Pattern.compile("(?i)[vur][\\d_].*\\.sql");

    /** The parsed name, or empty when the file name is not one of the three forms. */
    public static Optional<ScriptName> parse(String fileName) {
        Matcher versioned = VERSIONED_OR_UNDO.matcher(fileName);
        if (versioned.matches()) {
            ScriptKind kind = versioned.group(1).equals("V") ? ScriptKind.VERSIONED : ScriptKind.UNDO;
            MigrationVersion version = MigrationVersion.fromVersion(versioned.group(2).replace('_', '.'));
            return Optional.of(new ScriptName(kind, version, describe(versioned.group(3)), fileName));
        }
        Matcher repeatable = REPEATABLE.matcher(fileName);
        if (repeatable.matches()) {
            return Optional.of(new ScriptName(ScriptKind.REPEATABLE, null, describe(repeatable.group(1)), fileName));
        }
        return Optional.empty();
    }

    /**
     * True for a file whose name was meant to be a migration's but does not parse as one: {@code v3__x.sql},
     * {@code V3_x.sql}, {@code V__x.sql}, {@code V3__.sql}, {@code V3__x.SQL}.
     */
    public static boolean looksLikeMigration(String fileName) {
        return MIGRATION_LIKE.matcher(fileName).matches() && parse(fileName).isEmpty();
    }

    /** What is wrong with a name that {@link #looksLikeMigration} but does not parse, as a phrase. */
    public static String whatIsWrong(String fileName) {
        if (Character.isLowerCase(fileName.charAt(0))) {
            return "its first letter must be a capital " + Character.toUpperCase(fileName.charAt(0));
        }
        if (!fileName.endsWith(".sql")) {
            return "its suffix must be .sql, in lower case";
        }
        String stem = fileName.substring(1, fileName.length() - ".sql".length());
        int separator = stem.indexOf("__");
        if (separator < 0) {
            return "it has no double underscore between version and description";
        }
        if (separator == 0 && fileName.charAt(0) != 'R') {
            return "it has no version before the double underscore";
        }
        if (separator > 0 && fileName.charAt(0) == 'R') {
            return "a repeatable migration (R__) has no version";
        }
        if (stem.substring(separator + 2).isBlank()) {
            return "it has no description after the double underscore";
        }
        return "its version must be digits separated by dots or underscores";
    }

    /** The name it was probably meant to have, when fixing the case of its letters makes it one. */
    public static Optional<String> suggestedName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String fixed = Character.toUpperCase(fileName.charAt(0)) + fileName.substring(1, dot)
                + fileName.substring(dot).toLowerCase(java.util.Locale.ROOT);
        return parse(fixed).isPresent() ? Optional.of(fixed) : Optional.empty();
    }

    private static String describe(String raw) {
        return raw.replace('_', ' ').trim();
    }

    /** {@code V1.2} or {@code R}, as the tables and messages show it. */
    public String label() {
        return version == null ? kind.prefix() + "__" + description.replace(' ', '_') : kind.prefix() + version;
    }
}
