package dev.assistant.migrate.api;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@code check} found.
 *
 * @param database the database, password masked
 * @param pending migrations not applied yet
 * @param problems everything wrong, each with its fix
 */
public record CheckReport(String database, List<PendingMigration> pending, List<Problem> problems) {

    public CheckReport {
        pending = List.copyOf(pending);
        problems = List.copyOf(problems);
    }

    public boolean passed() {
        return pending.isEmpty() && problems.isEmpty();
    }

    /** One line per finding, pending migrations first. */
    public List<String> findings() {
        List<String> findings = new ArrayList<>();
        pending.forEach(p -> findings.add("pending: " + p.label() + " (" + p.script() + ")"
                + (p.repeatable() || p.reversible() ? "" : ", irreversible")));
        problems.forEach(p -> findings.add(p.describe()));
        return findings;
    }
}
