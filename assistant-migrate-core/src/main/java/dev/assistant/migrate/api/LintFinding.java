package dev.assistant.migrate.api;

import java.util.Objects;
import java.util.Optional;

/**
 * What a migration does to existing tables that would block production, as PostgreSQL did it on the shadow database.
 *
 * @param rule the rule it breaks
 * @param severity the rule's severity under the lint mode: errors fail check, warnings do not
 * @param script the migration's file name, e.g. {@code V3__add_index.sql}
 * @param line the line the statement starts on
 * @param statement the statement, shortened to its first line
 * @param table the existing table it concerns, or empty
 * @param observed what PostgreSQL did (or, where said, what the statement's kind implies)
 * @param size the table's estimated rows and size in the database check ran against, when it has the table
 * @param allowed the reason of the {@code -- assistant:allow} comment that accepts it, when one does
 */
public record LintFinding(LintRule rule, ProblemKind.Severity severity, String script, int line, String statement,
        String table, String observed, Optional<String> size, Optional<String> allowed) {

    public LintFinding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(script, "script");
        statement = Objects.requireNonNullElse(statement, "");
        table = Objects.requireNonNullElse(table, "");
        Objects.requireNonNull(observed, "observed");
        size = size == null ? Optional.empty() : size;
        allowed = allowed == null ? Optional.empty() : allowed;
    }

    /** An error that no allow comment accepts: it fails check. */
    public boolean fails() {
        return severity == ProblemKind.Severity.ERROR && allowed.isEmpty();
    }

    public LintFinding withSize(String size) {
        return new LintFinding(rule, severity, script, line, statement, table, observed, Optional.of(size), allowed);
    }

    public LintFinding allowedBecause(String reason) {
        return new LintFinding(rule, severity, script, line, statement, table, observed, size, Optional.of(reason));
    }

    /** {@code V3__x.sql:4 [table-rewrite] ALTER TABLE …: rewrote users (…) under ACCESS EXCLUSIVE. Instead: …} */
    public String describe() {
        String where = script + ":" + line + " [" + rule.id() + "] " + statement + ": " + observed
                + size.map(s -> " (" + s + ")").orElse("") + ".";
        return allowed.map(reason -> where + " Accepted: " + reason)
                .orElseGet(() -> where + " Instead: " + rule.safePattern());
    }
}
