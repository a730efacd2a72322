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
    private static final Pattern MIGRATION_LIKE = Pattern.compile("(?i)[vur].*\\.sql");

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

    /** True for a {@code .sql} file whose name starts like a migration but does not parse as one. */
    public static boolean looksLikeMigration(String fileName) {
        return MIGRATION_LIKE.matcher(fileName).matches() && parse(fileName).isEmpty();
    }

    private static String describe(String raw) {
        return raw.replace('_', ' ').trim();
    }

    /** {@code V1.2} or {@code R}, as the tables and messages show it. */
    public String label() {
        return version == null ? kind.prefix() + "__" + description.replace(' ', '_') : kind.prefix() + version;
    }
}
