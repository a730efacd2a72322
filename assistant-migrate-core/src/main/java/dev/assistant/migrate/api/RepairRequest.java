package dev.assistant.migrate.api;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * {@code repair}: the rows of the schema history that need it, and, for each kind the user names, the change.
 *
 * @param workspace the database and the scripts the history is set against
 * @param fixes what may be changed; empty means: show what would change, change nothing
 * @param lockTimeout how long to wait for the migration lock; null means 60 seconds
 */
public record RepairRequest(Workspace workspace, Set<Fix> fixes, Duration lockTimeout) {

    /** What repair changes, each named by the user before it is changed. */
    public enum Fix {
        /** Remove the rows of failed migrations (success = false), which ran outside a transaction. */
        FAILED,
        /** Set the recorded checksum of an applied migration to its file's, after a deliberate, reviewed edit. */
        CHECKSUMS,
        /** Set the recorded description and script name of an applied migration to its file's, after a rename. */
        DESCRIPTIONS;

        /** The word the user types: {@code failed}, {@code checksums}, {@code descriptions}. */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public RepairRequest {
        Objects.requireNonNull(workspace, "workspace");
        fixes = fixes == null || fixes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(fixes));
    }

    /**
     * The fixes a user typed, comma-separated ({@code failed,checksums}); blank means none.
     *
     * @throws MigrationEngineException naming the words that are not fixes
     */
    public static Set<Fix> parse(String words, Hints hints) {
        Set<Fix> fixes = EnumSet.noneOf(Fix.class);
        if (words == null || words.isBlank()) {
            return fixes;
        }
        for (String word : words.split(",")) {
            String trimmed = word.strip().toLowerCase(Locale.ROOT);
            if (trimmed.isEmpty()) {
                continue;
            }
            Fix fix = null;
            for (Fix candidate : Fix.values()) {
                if (candidate.word().equals(trimmed)) {
                    fix = candidate;
                }
            }
            if (fix == null) {
                throw new MigrationEngineException("'" + word.strip() + "' is not something repair changes; name one"
                        + " or more of failed, checksums, descriptions, e.g. " + hints.repair("failed") + ".", true);
            }
            fixes.add(fix);
        }
        return fixes;
    }
}
