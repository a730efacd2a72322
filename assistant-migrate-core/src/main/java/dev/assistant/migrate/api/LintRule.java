package dev.assistant.migrate.api;

import java.util.Arrays;
import java.util.Optional;

/**
 * The lock and rewrite rules of {@code check}: each has a stable id (what an {@code -- assistant:allow <id> <reason>}
 * comment names), a severity under {@code assistant.lint=error}, and the safe pattern to use instead. The catalogue,
 * with an example and the PostgreSQL facts behind each, is docs/lint.md.
 */
public enum LintRule {
    TABLE_REWRITE("table-rewrite", ProblemKind.Severity.ERROR,
            "rewrites an existing table under ACCESS EXCLUSIVE",
            "Change it without a rewrite: add a new column, fill it in batches, switch the application over, then"
                    + " drop the old one; a default that is not volatile (a constant, now()) adds a column without a"
                    + " rewrite since PostgreSQL 11; varchar(n) to a longer varchar or to text, and numeric with a"
                    + " larger precision at the same scale, are catalog-only."),
    VALIDATION_UNDER_LOCK("validation-under-lock", ProblemKind.Severity.ERROR,
            "scans an existing table to validate a constraint while writes are blocked",
            "Add the constraint NOT VALID (a catalog change), then VALIDATE CONSTRAINT in a later migration, which"
                    + " scans under SHARE UPDATE EXCLUSIVE and blocks no reads or writes; for SET NOT NULL, first add"
                    + " CHECK (column IS NOT NULL) NOT VALID and validate it, then SET NOT NULL skips the scan"
                    + " (PostgreSQL 12+) and the check can be dropped."),
    NON_CONCURRENT_INDEX("non-concurrent-index", ProblemKind.Severity.ERROR,
            "builds an index on an existing table while writes are blocked",
            "CREATE INDEX CONCURRENTLY, alone in a migration of its own (it cannot run in a transaction); for a"
                    + " primary key or unique constraint, build the unique index concurrently, then ADD CONSTRAINT"
                    + " … USING INDEX."),
    ACCESS_EXCLUSIVE("access-exclusive", ProblemKind.Severity.WARNING,
            "works through an existing table under ACCESS EXCLUSIVE",
            "Keep ACCESS EXCLUSIVE to catalog-only changes: do the work on the rows outside the lock, in batches,"
                    + " and lock only for the final switch."),
    DROP_MAPPED("drop-mapped", ProblemKind.Severity.ERROR,
            "drops a table or column the entity model still maps",
            "Remove the mapping from the entity model and deploy the application first; drop the table or column"
                    + " in a later migration, once no running version reads it."),
    RENAME_MAPPED("rename-mapped", ProblemKind.Severity.ERROR,
            "renames a table or column the entity model maps",
            "Expand and contract: add the new column (or a view under the new name), write both, move the reads,"
                    + " then drop the old one in a later migration; the running application keeps its name until"
                    + " then."),
    LOCK_WITH_DATA_CHANGE("lock-with-data-change", ProblemKind.Severity.WARNING,
            "changes rows in the transaction that holds ACCESS EXCLUSIVE on an existing table",
            "Put the schema change and the data change in separate migrations, so that the lock is held for the"
                    + " catalog change alone; change large tables' rows in batches."),
    MISSING_LOCK_TIMEOUT("missing-lock-timeout", ProblemKind.Severity.WARNING,
            "takes ACCESS EXCLUSIVE on an existing table without a lock_timeout",
            "Begin the script with SET lock_timeout = '5s' (or SET LOCAL): waiting behind a long transaction for"
                    + " ACCESS EXCLUSIVE queues every other query on the table; with a timeout the migration fails"
                    + " and can be retried."),
    INVALID_ALLOW("invalid-allow", ProblemKind.Severity.ERROR,
            "has an allow comment that names no rule or gives no reason",
            "Write it as -- assistant:allow <rule-id> <reason>, on the line right before the statement, with one of"
                    + " the rule ids of docs/lint.md and the reason the finding is accepted.");

    private final String id;
    private final ProblemKind.Severity severity;
    private final String title;
    private final String safePattern;

    LintRule(String id, ProblemKind.Severity severity, String title, String safePattern) {
        this.id = id;
        this.severity = severity;
        this.title = title;
        this.safePattern = safePattern;
    }

    public String id() {
        return id;
    }

    /** The severity under {@code assistant.lint=error}; under {@code warn} every rule warns. */
    public ProblemKind.Severity severity() {
        return severity;
    }

    public String title() {
        return title;
    }

    /** What to do instead. */
    public String safePattern() {
        return safePattern;
    }

    public static Optional<LintRule> byId(String id) {
        return Arrays.stream(values()).filter(rule -> rule.id.equals(id)).findFirst();
    }
}
