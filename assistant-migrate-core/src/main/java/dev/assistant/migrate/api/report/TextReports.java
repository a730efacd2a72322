package dev.assistant.migrate.api.report;

import dev.assistant.db.config.ConnectionSettings;
import dev.assistant.migrate.api.AppliedMigration;
import dev.assistant.migrate.api.BaselineResult;
import dev.assistant.migrate.api.CheckReport;
import dev.assistant.migrate.api.CreateResult;
import dev.assistant.migrate.api.DowngradeResult;
import dev.assistant.migrate.api.DowngradeStep;
import dev.assistant.migrate.api.FleetResult;
import dev.assistant.migrate.api.Hints;
import dev.assistant.migrate.api.HistoryReport;
import dev.assistant.migrate.api.MigrateResult;
import dev.assistant.migrate.api.PendingMigration;
import dev.assistant.migrate.api.Problem;
import dev.assistant.migrate.api.ProblemKind;
import dev.assistant.migrate.api.PsqlCommand;
import dev.assistant.migrate.api.RepairResult;
import dev.assistant.migrate.api.SqlStatement;
import dev.assistant.migrate.api.StatusReport;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Renders the results of the goals as plain log lines: readable in batch mode, stable enough to grep, the same from
 * every front end. Where a line names a command, the front end's {@link Hints} spell it.
 */
public final class TextReports {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private TextReports() {
    }

    public static List<String> status(StatusReport report, Hints hints) {
        List<String> lines = new ArrayList<>();
        lines.add("Database: " + report.database());
        lines.add("Scripts:  " + String.join(", ", report.locations()));
        lines.add("Current:  " + report.current().map(TextReports::describeCurrent).orElse("nothing applied yet"));
        long outOfOrder = report.problems().stream().filter(p -> p.kind() == ProblemKind.OUT_OF_ORDER).count();
        String notApplied = outOfOrder == 0 ? "" : outOfOrder + " out of order, which migrate will not apply (see"
                + " Problems)";
        if (report.pending().isEmpty()) {
            lines.add("Pending:  " + (notApplied.isEmpty() ? "none" : notApplied));
        } else {
            lines.add("Pending:  " + count(report.pending().size(), "migration")
                    + (notApplied.isEmpty() ? "" : "; and " + notApplied));
            lines.addAll(indent(pendingTable(report.pending())));
        }
        if (!report.lint().isEmpty()) {
            lines.add("Lint:     " + count(report.lint().size(), "finding") + " in the pending migrations, what they"
                    + " would do to existing tables (docs/lint.md):");
            report.lint().forEach(finding -> lines.add("  - " + (finding.allowed().isPresent() ? "accepted"
                    : finding.severity().name().toLowerCase(java.util.Locale.ROOT)) + ": " + finding.describe()));
        }
        report.lintNotChecked().ifPresent(reason -> lines.add("Lint:     " + reason));
        lines.addAll(problems(report.problems()));
        if (report.isUpToDate()) {
            lines.add("Up to date.");
        } else if (!report.pending().isEmpty()) {
            lines.add("Apply the pending migrations with " + hints.migrate() + ".");
        }
        return lines;
    }

    public static List<String> history(HistoryReport report) {
        List<String> lines = new ArrayList<>();
        lines.add("Database: " + report.database());
        if (report.applied().isEmpty() && report.pending().isEmpty()) {
            lines.add("No migrations applied and none pending.");
            return lines;
        }
        TextTable table = new TextTable("Version", "Description", "Type", "Installed on", "By", "Time", "State",
                "Undo");
        for (AppliedMigration row : report.applied()) {
            table.add(row.version() == null ? "R" : row.version(), row.description(), row.type(),
                    row.installedOn() == null ? "" : WHEN.format(row.installedOn()),
                    Optional.ofNullable(row.installedBy()).orElse(""), row.executionTimeMillis() + " ms", row.state(),
                    row.version() == null ? "-" : yesNo(row.undoAvailable()));
        }
        for (PendingMigration pending : report.pending()) {
            table.add(pending.version() == null ? "R" : pending.version(), pending.description(),
                    "SQL", "", "", "", "Pending", pending.repeatable() ? "-" : yesNo(pending.reversible()));
        }
        lines.addAll(table.lines());
        lines.add(count(report.applied().size(), "applied migration") + ", " + report.pending().size() + " pending.");
        return lines;
    }

    public static List<String> migrate(MigrateResult result) {
        List<String> lines = new ArrayList<>();
        if (result.dryRun()) {
            if (result.planned().isEmpty()) {
                lines.add("Dry run: nothing to apply to " + result.database() + ".");
            } else {
                lines.add("Dry run: would apply " + count(result.planned().size(), "migration") + " to "
                        + result.database() + ":");
                lines.addAll(indent(pendingTable(result.planned())));
                lines.add("Nothing was changed.");
            }
        } else if (result.applied().isEmpty()) {
            lines.add("Nothing to apply: " + result.database() + " is up to date.");
        } else {
            long total = result.applied().stream().mapToLong(MigrateResult.Applied::millis).sum();
            lines.add("Applied " + count(result.applied().size(), "migration") + " in " + total + " ms.");
        }
        lines.add("Now at " + result.current().map(TextReports::describeCurrent).orElse("base: no migration applied."));
        return lines;
    }

    /**
     * What a dry run that wrote the migration script says: where the script went, what it applies, and the psql
     * command that runs it.
     *
     * @param where the file as the user named it, or {@code standard output}
     * @param file the file as psql is to be given it, {@code <file>} when it went to standard output
     */
    public static List<String> scriptWritten(MigrateResult result, ConnectionSettings connection, String where,
            String file) {
        List<String> lines = new ArrayList<>();
        if (result.planned().isEmpty()) {
            lines.add("Nothing to apply: " + result.database() + " is up to date; the script written to " + where
                    + " changes nothing.");
            return lines;
        }
        lines.add("Wrote the migration script of " + count(result.planned().size(), "migration") + " for "
                + result.database() + " to " + where + "; nothing was applied:");
        lines.addAll(indent(pendingTable(result.planned())));
        lines.add("Review it, then run it as " + connection.user() + " (its header says how it runs, with and"
                + " without psql -1):");
        lines.add("  " + PsqlCommand.of(connection, file));
        return lines;
    }

    public static List<String> downgrade(DowngradeResult result) {
        List<String> lines = new ArrayList<>();
        var plan = result.plan();
        if (plan.isEmpty()) {
            lines.add("Nothing to undo: " + result.database() + " is already at "
                    + (plan.toVersion() == null ? "base" : "version " + plan.toVersion()) + ".");
            return lines;
        }
        String destination = plan.toVersion() == null ? "base (nothing applied)" : "version " + plan.toVersion();
        if (result.dryRun()) {
            lines.add("Dry run: would undo " + count(plan.steps().size(), "migration") + " on " + result.database()
                    + ", from version " + plan.fromVersion() + " to " + destination + ":");
            for (DowngradeStep step : plan.steps()) {
                lines.add("");
                lines.add("-- V" + step.migration().version() + " " + step.migration().description() + ": "
                        + step.undoPath() + (step.isTransactional() ? "" : " (runs outside a transaction)"));
                for (SqlStatement statement : step.statements()) {
                    statement.sql().lines().forEach(lines::add);
                    lines.set(lines.size() - 1, lines.get(lines.size() - 1) + ";");
                }
            }
            lines.add("");
            lines.add("Nothing was changed.");
        } else {
            long total = result.undone().stream().mapToLong(DowngradeResult.Undone::millis).sum();
            lines.add("Undid " + count(result.undone().size(), "migration") + " in " + total + " ms.");
            lines.add("Now at " + result.current().map(TextReports::describeCurrent)
                    .orElse("base: no migration applied."));
        }
        return lines;
    }

    /** The findings of a failed check, one line each. */
    public static List<String> check(CheckReport report) {
        List<String> lines = new ArrayList<>();
        report.findings().forEach(finding -> lines.add("  - " + finding));
        return lines;
    }

    /** A failed check as one message: how many findings where, then the findings. */
    public static String checkFailure(CheckReport report) {
        int count = report.findings().size();
        List<String> lines = new ArrayList<>();
        lines.add("Migration check failed: " + count + " finding" + (count == 1 ? "" : "s") + " in "
                + report.database());
        lines.addAll(check(report));
        return String.join(System.lineSeparator(), lines);
    }

    /** The lint's warnings, one line each, which front ends log as warnings whether check passed or not. */
    public static List<String> lintWarnings(CheckReport report) {
        return report.lintNotFailing().stream().filter(finding -> finding.allowed().isEmpty())
                .map(finding -> "Lint warning: " + finding.describe()).toList();
    }

    /** The lint findings an allow comment accepts, each with its reason, one line each (for the info log). */
    public static List<String> lintAccepted(CheckReport report) {
        return report.lint().stream().filter(finding -> finding.allowed().isPresent())
                .map(finding -> "Accepted: " + finding.describe()).toList();
    }

    /** A passed check, for the debug log. */
    public static String checkPassed(CheckReport report) {
        return "Migration check passed for " + report.database() + ".";
    }

    /**
     * A fleet run as one table, a row per database in the order given: the database (no user or password), its
     * version before and after, what the goal applied or undid (status and check: how many are pending), the time and
     * the result; then one line of totals.
     */
    public static List<String> fleet(FleetResult<?> fleet) {
        boolean reads = fleet.goal().equals("status") || fleet.goal().equals("check");
        TextTable table = new TextTable("Database", "Before → after", reads ? "Pending" : "Applied", "Time",
                "Result");
        for (FleetResult.Member<?> member : fleet.members()) {
            boolean started = member.outcome() != FleetResult.Outcome.NOT_STARTED;
            String before = member.before().orElse("none");
            String after = member.after().orElse("none");
            String versions = !started || member.outcome() == FleetResult.Outcome.FAILED && member.report().isEmpty()
                    ? "-" : before.equals(after) ? before : before + " → " + after;
            table.add(member.database(), versions, started ? String.valueOf(member.applied()) : "-",
                    started ? member.millis() + " ms" : "-", (member.outcome() == FleetResult.Outcome.FAILED
                            ? "FAILED: " : "") + member.result());
        }
        List<String> lines = new ArrayList<>(table.lines());
        long ok = fleet.members().size() - fleet.failed().size() - fleet.notStarted().size();
        lines.add(fleet.goal() + ": " + ok + " of " + count(fleet.members().size(), "database") + " ok"
                + (fleet.failed().isEmpty() ? "" : ", " + fleet.failed().size() + " failed")
                + (fleet.notStarted().isEmpty() ? "" : ", " + fleet.notStarted().size() + " not started")
                + ", " + Math.min(fleet.parallel(), fleet.members().size()) + " at a time, in " + fleet.millis()
                + " ms.");
        return lines;
    }

    /** A fleet run that did not succeed, as one message: the failed databases with their reasons, those not started. */
    public static String fleetFailure(FleetResult<?> fleet) {
        List<String> lines = new ArrayList<>();
        lines.add(fleet.goal() + " failed on " + fleet.failed().size() + " of " + count(fleet.members().size(),
                "database") + (fleet.notStarted().isEmpty() ? "" : "; " + fleet.notStarted().size()
                + " not started after the first failure") + ":");
        fleet.failed().forEach(member -> lines.add("  - " + member.database() + ": " + member.result()));
        fleet.notStarted().forEach(member -> lines.add("  - " + member.database() + ": not started"));
        return String.join(System.lineSeparator(), lines);
    }

    /** What create wrote, and what to do next. */
    public static List<String> create(CreateResult result, Hints hints) {
        List<String> lines = new ArrayList<>();
        if (!result.written()) {
            lines.add("No schema changes detected: the entity model and the migrations agree. Nothing was written.");
            return lines;
        }
        result.files().forEach(file -> lines.add("Created " + file));
        if (result.autogenerated()) {
            lines.add(count(result.changes().size(), "change") + " generated; review " + (result.files().size() == 2
                    ? "both files" : "the " + result.files().size() / 2 + " migrations, which run in this order,"
                    + " and their undo") + ", then apply them: " + hints.migrate() + ".");
        } else {
            lines.add("Write the change and its undo, then apply them: " + hints.migrate() + ".");
        }
        return lines;
    }

    /** The warnings of create: one line per generated change that destroys data. */
    public static List<String> createWarnings(CreateResult result) {
        List<String> warnings = new ArrayList<>();
        result.destructive().forEach(change -> warnings.add("Destroys data: " + change
                + " (see the WARNING in the script)"));
        warnings.addAll(result.reviews());
        return warnings;
    }

    /** What baseline recorded and wrote, and what to do next. */
    public static List<String> baseline(BaselineResult result, Hints hints) {
        List<String> lines = new ArrayList<>();
        result.upgrade().ifPresent(file -> lines.add("Created " + file));
        result.downgrade().ifPresent(file -> lines.add("Created " + file));
        if (result.upgrade().isPresent()) {
            lines.add(count(result.changes().size(), "statement") + " build the live schema from nothing; review both"
                    + " files and commit them.");
        }
        lines.add("Baseline: " + result.database() + " is now at version " + result.version() + " ("
                + result.description() + "), recorded as Flyway's baseline; no script ran there.");
        lines.add("Migrations after it apply on top: " + hints.migrate() + "; downgrade stops at the baseline.");
        return lines;
    }

    /** The warnings of baseline: what the live schema has and the script does not build. */
    public static List<String> baselineWarnings(BaselineResult result) {
        return result.notScripted().isEmpty() ? List.of() : List.of("Not in the baseline script, add by hand: "
                + String.join(", ", result.notScripted()) + " (see the REVIEW line in the script)");
    }

    /** Every history row repair found, before and after, what it changed and what it left. */
    public static List<String> repair(RepairResult result, Hints hints) {
        List<String> lines = new ArrayList<>();
        if (result.changes().isEmpty()) {
            lines.add("Nothing to repair: the schema history of " + result.database() + " has no failed rows and"
                    + " matches its files.");
            lines.addAll(result.notes());
            return lines;
        }
        lines.add((result.fixes().isEmpty() ? "Dry run: repair would change " : "Repair of ")
                + result.database() + ":");
        TextTable table = new TextTable("Fix", "Rank", "Migration", "Before", "After", "Done");
        for (RepairResult.Change change : result.changes()) {
            table.add(change.fix().word(), Integer.toString(change.installedRank()), change.subject(),
                    change.before(), change.after(), yesNo(change.applied()));
        }
        lines.addAll(indent(table.lines()));
        if (!result.applied().isEmpty()) {
            lines.add("Changed " + count(result.applied().size(), "history row") + " in one transaction.");
        } else {
            lines.add("Nothing was changed.");
        }
        List<String> left = result.left().stream().map(change -> change.fix().word()).distinct().toList();
        if (!left.isEmpty()) {
            lines.add("To make " + (result.applied().isEmpty() ? "these" : "the remaining") + " changes, name them: "
                    + hints.repair(String.join(",", left)) + ".");
        }
        lines.addAll(result.notes());
        return lines;
    }

    private static List<String> problems(List<Problem> problems) {
        List<String> lines = new ArrayList<>();
        if (problems.isEmpty()) {
            lines.add("Problems: none");
            return lines;
        }
        lines.add("Problems: " + problems.size());
        for (Problem problem : problems) {
            lines.add("  [" + problem.kind().severity() + "] " + problem.subject() + ": " + problem.kind().title() + ".");
            lines.add("      " + problem.detail());
            lines.add("      Fix: " + problem.fix());
        }
        return lines;
    }

    private static List<String> pendingTable(List<PendingMigration> pending) {
        TextTable table = new TextTable("Version", "Description", "Undo", "Script");
        for (PendingMigration migration : pending) {
            table.add(migration.version() == null ? "R" : migration.version(), migration.description(),
                    migration.repeatable() ? "repeatable" : migration.reversible() ? "reversible"
                            : "IRREVERSIBLE (no undo script)",
                    migration.script());
        }
        return table.lines();
    }

    private static String describeCurrent(AppliedMigration current) {
        return "version " + current.version() + " (" + current.description() + ")"
                + (current.installedOn() == null ? "" : ", applied " + WHEN.format(current.installedOn()))
                + (current.installedBy() == null ? "" : " by " + current.installedBy());
    }

    private static List<String> indent(List<String> lines) {
        return lines.stream().map(line -> "  " + line).toList();
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }
}
