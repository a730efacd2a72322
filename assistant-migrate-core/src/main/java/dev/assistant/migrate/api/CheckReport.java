package dev.assistant.migrate.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code check} found.
 *
 * @param database the database, password masked
 * @param current the newest version applied to it, if any
 * @param pending migrations not applied yet
 * @param problems everything wrong, each with its fix
 * @param notChecked what could not be checked, each with the reason (the log says each at the default level)
 * @param lint what the migrations do to existing tables that would block production (docs/lint.md): the errors
 *     that no allow comment accepts fail check, the rest is reported
 */
public record CheckReport(String database, Optional<String> current, List<PendingMigration> pending,
        List<Problem> problems, List<String> notChecked, List<LintFinding> lint) {

    public CheckReport {
        current = current == null ? Optional.empty() : current;
        pending = List.copyOf(pending);
        problems = List.copyOf(problems);
        notChecked = List.copyOf(notChecked);
        lint = lint == null ? List.of() : List.copyOf(lint);
    }

    public CheckReport(String database, Optional<String> current, List<PendingMigration> pending,
            List<Problem> problems, List<String> notChecked) {
        this(database, current, pending, problems, notChecked, List.of());
    }

    public boolean passed() {
        return pending.isEmpty() && problems.isEmpty() && lint.stream().noneMatch(LintFinding::fails);
    }

    /** The lint findings that do not fail check: warnings, and errors an allow comment accepts. */
    public List<LintFinding> lintNotFailing() {
        return lint.stream().filter(finding -> !finding.fails()).toList();
    }

    /**
     * One line per finding, pending migrations first; on a database with none applied, the pending migrations are
     * one line.
     */
    public List<String> findings() {
        List<String> findings = new ArrayList<>();
        if (current.isEmpty() && pending.size() > 1) {
            findings.add("pending: all " + pending.size() + " migrations (" + pending.get(0).script() + " … "
                    + pending.get(pending.size() - 1).script() + "); this database has none applied");
        } else {
            pending.forEach(p -> findings.add("pending: " + p.label() + " (" + p.script() + ")"
                    + (p.repeatable() || p.reversible() ? "" : ", irreversible")));
        }
        problems.forEach(p -> findings.add(p.describe()));
        lint.stream().filter(LintFinding::fails).forEach(f -> findings.add(f.describe()));
        return findings;
    }
}
