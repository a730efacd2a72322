package dev.assistant.migrate.api;

import java.util.List;
import java.util.Optional;

/**
 * What {@code status} shows.
 *
 * @param database the database, password masked
 * @param locations where the scripts were read from
 * @param current the newest applied versioned migration, if any
 * @param pending the migrations {@code migrate} would apply, in order
 * @param problems everything wrong, each with its fix
 * @param lint what the pending migrations would do to existing tables that would block production (docs/lint.md),
 *     observed on a shadow database
 * @param lintNotChecked why the pending migrations' lint findings are unknown, when they are
 */
public record StatusReport(String database, List<String> locations, Optional<AppliedMigration> current,
        List<PendingMigration> pending, List<Problem> problems, List<LintFinding> lint,
        Optional<String> lintNotChecked) {

    public StatusReport {
        locations = List.copyOf(locations);
        pending = List.copyOf(pending);
        problems = List.copyOf(problems);
        lint = lint == null ? List.of() : List.copyOf(lint);
        lintNotChecked = lintNotChecked == null ? Optional.empty() : lintNotChecked;
    }

    public StatusReport(String database, List<String> locations, Optional<AppliedMigration> current,
            List<PendingMigration> pending, List<Problem> problems) {
        this(database, locations, current, pending, problems, List.of(), Optional.empty());
    }

    /** This report with the pending migrations' lint findings, or the reason they are unknown. */
    public StatusReport withLint(List<LintFinding> findings, Optional<String> notChecked) {
        return new StatusReport(database, locations, current, pending, problems, findings, notChecked);
    }

    public boolean isUpToDate() {
        return pending.isEmpty() && problems.isEmpty();
    }
}
