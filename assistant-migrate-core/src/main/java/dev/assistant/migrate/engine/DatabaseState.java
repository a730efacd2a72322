package dev.assistant.migrate.engine;

import dev.assistant.migrate.api.AppliedMigration;
import dev.assistant.migrate.api.Hints;
import dev.assistant.migrate.api.PendingMigration;
import dev.assistant.migrate.api.Problem;
import dev.assistant.migrate.api.ProblemKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;

/**
 * The schema history read through Flyway's {@code info()} (which, unlike {@code validate()}, does not fail on pending
 * migrations), set against the catalog: what is applied, what is pending, and what is wrong.
 */
final class DatabaseState {

    private final List<AppliedMigration> applied = new ArrayList<>();
    private final List<PendingMigration> pending = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    private final List<MigrationInfo> toApply = new ArrayList<>();
    private final Hints hints;
    private AppliedMigration current;

    private DatabaseState(Hints hints) {
        this.hints = hints;
    }

    static DatabaseState read(Flyway flyway, MigrationCatalog catalog, Hints hints) {
        DatabaseState state = new DatabaseState(hints);
        MigrationInfoService service = flyway.info();
        MigrationInfo[] all = service.all();
        state.toApply.addAll(List.of(service.pending()));
        Map<MigrationInfo, MigrationInfo> renamed = renamedAfterApplied(all);
        MigrationVersion newestApplied = MigrationVersion.EMPTY;
        for (MigrationInfo info : all) {
            if (info.isApplied() && info.isVersioned() && !info.getState().isFailed()
                    && info.getVersion().isNewerThan(newestApplied)) {
                newestApplied = info.getVersion();
            }
        }
        for (MigrationInfo info : all) {
            if (info.isApplied()) {
                AppliedMigration row = state.toApplied(info, catalog);
                state.applied.add(row);
                if (info.isVersioned() && !info.getState().isFailed() && info.getVersion().equals(newestApplied)) {
                    state.current = row;
                }
            } else if (isPending(info.getState())) {
                state.pending.add(toPending(info, catalog));
            }
            if (renamed.containsKey(info)) {
                state.problems.add(renamedProblem(renamed.get(info), info, hints));
            } else if (!renamed.containsValue(info)) {
                state.collectProblems(info, catalog, newestApplied);
            }
        }
        state.applied.sort(Comparator.comparingInt(AppliedMigration::installedRank));
        state.problems.addAll(historyTampered(state.applied));
        state.problems.addAll(catalog.problems());
        state.placeDuplicates(catalog);
        return state;
    }

    /**
     * Rows that Flyway's own table cannot hold as written (its primary key is installed_rank) or that no run writes:
     * a version applied twice, or two rows of one rank. The history was edited by hand; which row is true cannot
     * be guessed, so migrate and downgrade stop.
     */
    private static List<Problem> historyTampered(List<AppliedMigration> applied) {
        List<Problem> problems = new ArrayList<>();
        Map<String, Long> byVersion = applied.stream().filter(row -> row.version() != null
                        && !row.state().toLowerCase(java.util.Locale.ROOT).contains("fail"))
                .collect(java.util.stream.Collectors.groupingBy(AppliedMigration::version, LinkedHashMap::new,
                        java.util.stream.Collectors.counting()));
        byVersion.forEach((version, count) -> {
            if (count > 1) {
                problems.add(new Problem(ProblemKind.HISTORY_EDITED, "V" + version, HistoryTable.NAME + " records"
                        + " version " + version + " as applied " + count + " times; a run applies a version once.",
                        "Delete the extra row (keep the one with the lowest installed_rank), after checking what the"
                                + " schema holds: DELETE FROM " + HistoryTable.NAME + " WHERE version = '" + version
                                + "' AND installed_rank <> (SELECT min(installed_rank) FROM " + HistoryTable.NAME
                                + " WHERE version = '" + version + "');"));
            }
        });
        Map<Integer, Long> byRank = applied.stream().collect(java.util.stream.Collectors.groupingBy(
                AppliedMigration::installedRank, LinkedHashMap::new, java.util.stream.Collectors.counting()));
        byRank.forEach((rank, count) -> {
            if (count > 1) {
                problems.add(new Problem(ProblemKind.HISTORY_EDITED, "installed_rank " + rank, HistoryTable.NAME
                        + " has " + count + " rows of installed_rank " + rank + ", so the order in which migrations"
                        + " were applied is unknown; Flyway's table has installed_rank as its primary key.",
                        "Give each row its own installed_rank in the order they were applied, and restore the key:"
                                + " ALTER TABLE " + HistoryTable.NAME + " ADD CONSTRAINT " + HistoryTable.NAME
                                + "_pk PRIMARY KEY (installed_rank);"));
            }
        });
        return problems;
    }

    /**
     * Migrations whose file was renamed after this database applied them (the rename that an out-of-order migration
     * is advised to make, done on a database that had applied it in order): an applied migration whose file is gone,
     * and a file not applied here with exactly its content. Keyed by the file not applied, valued by the applied row.
     */
    private static Map<MigrationInfo, MigrationInfo> renamedAfterApplied(MigrationInfo[] all) {
        Map<MigrationInfo, MigrationInfo> renamed = new LinkedHashMap<>();
        for (MigrationInfo gone : all) {
            if (gone.getState() != MigrationState.MISSING_SUCCESS || !gone.isVersioned() || gone.getChecksum() == null) {
                continue;
            }
            for (MigrationInfo file : all) {
                if (!file.isApplied() && file.isVersioned() && (isPending(file.getState())
                        || file.getState() == MigrationState.IGNORED)
                        && gone.getChecksum().equals(file.getChecksum()) && !renamed.containsKey(file)) {
                    renamed.put(file, gone);
                    break;
                }
            }
        }
        return renamed;
    }

    private static Problem renamedProblem(MigrationInfo applied, MigrationInfo file, Hints hints) {
        return new Problem(ProblemKind.RENAMED_AFTER_APPLIED, file.getScript(),
                "The history records " + applied.getScript() + " as applied; " + file.getScript() + " has the same"
                        + " content, so it was renamed (e.g. by the advised `git mv`) after this database applied"
                        + " it, and migrate would apply it a second time.",
                "Record the new name in this database's history, then run " + hints.status() + " again: UPDATE "
                        + HistoryTable.NAME + " SET version = '" + file.getVersion() + "', description = '"
                        + file.getDescription().replace("'", "''") + "', script = '" + file.getScript()
                        + "' WHERE version = '" + applied.getVersion() + "' AND script = '" + applied.getScript()
                        + "';");
    }

    /**
     * A version that several files claim: Flyway saw the first by path; the others are pending as well, and the one
     * this database applied, if any, is the one that keeps the version.
     */
    private void placeDuplicates(MigrationCatalog catalog) {
        for (DuplicateVersion duplicate : catalog.duplicates().values()) {
            String version = duplicate.version().toString();
            Optional<AppliedMigration> appliedRow = applied.stream()
                    .filter(row -> version.equals(row.version()) && "Success".equals(row.state()))
                    .findFirst();
            MigrationScript seen = catalog.migrations().get(duplicate.version());
            for (MigrationScript script : duplicate.migrations()) {
                boolean isApplied = appliedRow.isPresent()
                        && appliedRow.get().description().equals(script.description());
                if (isApplied && script != seen) {
                    problems.removeIf(p -> p.kind() == ProblemKind.DUPLICATE_VERSION
                            && p.subject().equals(script.name().label()));
                    problems.add(duplicate.problem(script));
                }
                if (!isApplied && script != seen) {
                    pending.add(new PendingMigration(version, script.description(), script.fileName(),
                            script.file().displayPath(), false, catalog.undoFile(duplicate.version())
                            .filter(undo -> undo.description().equals(script.description())).isPresent()));
                }
            }
        }
        pending.sort(Comparator.comparing((PendingMigration p) -> p.version() == null)
                .thenComparing(p -> p.version() == null ? MigrationVersion.EMPTY
                        : MigrationVersion.fromVersion(p.version())));
    }

    private static boolean isPending(MigrationState state) {
        return state == MigrationState.PENDING || state == MigrationState.ABOVE_TARGET
                || state == MigrationState.OUTDATED;
    }

    private AppliedMigration toApplied(MigrationInfo info, MigrationCatalog catalog) {
        String version = info.isVersioned() ? info.getVersion().toString() : null;
        boolean baseline = info.getType() != null && info.getType().name().endsWith("BASELINE");
        boolean undoAvailable = info.isVersioned() && !baseline && catalog.isReversible(info.getVersion());
        return new AppliedMigration(
                info.getInstalledRank() == null ? 0 : info.getInstalledRank(),
                version,
                info.getDescription(),
                info.getType() == null ? "" : info.getType().name(),
                info.getScript(),
                info.getInstalledOn() == null ? null : info.getInstalledOn().toInstant(),
                info.getInstalledBy(),
                info.getExecutionTime() == null ? 0 : info.getExecutionTime(),
                info.getState().getDisplayName(),
                undoAvailable);
    }

    private static PendingMigration toPending(MigrationInfo info, MigrationCatalog catalog) {
        boolean versioned = info.isVersioned();
        return new PendingMigration(
                versioned ? info.getVersion().toString() : null,
                info.getDescription(),
                info.getScript(),
                Optional.ofNullable(info.getPhysicalLocation()).filter(s -> !s.isBlank()).orElse(info.getScript()),
                !versioned,
                versioned && catalog.isReversible(info.getVersion()));
    }

    private void collectProblems(MigrationInfo info, MigrationCatalog catalog, MigrationVersion newestApplied) {
        String when = info.getInstalledOn() == null ? "" : " on " + info.getInstalledOn().toInstant();
        String label = info.isVersioned() ? "V" + info.getVersion() : "R__" + info.getDescription().replace(' ', '_');
        switch (info.getState()) {
            case MISSING_SUCCESS, MISSING_FAILED -> problems.add(new Problem(ProblemKind.APPLIED_FILE_MISSING,
                    label + " (" + info.getDescription() + ")",
                    "The history records " + info.getScript() + " as applied" + when + ", but it is not in "
                            + catalog.describeLocations() + ".",
                    "Restore the file from version control (`git log --all -- '*" + info.getScript() + "'`);"
                            + " if it came from another branch, downgrade from that branch's checkout first."));
            case FUTURE_SUCCESS, FUTURE_FAILED -> problems.add(new Problem(ProblemKind.FUTURE_MIGRATION,
                    label + " (" + info.getDescription() + ")",
                    "The history records " + info.getScript() + " as applied" + when
                            + ", which is newer than every migration here: the database was migrated from a newer"
                            + " checkout.",
                    "Update this checkout (git pull); if that change was abandoned, run downgrade from a checkout"
                            + " that still has the file."));
            case FAILED -> problems.add(new Problem(ProblemKind.FAILED_MIGRATION, info.getScript(),
                    info.getScript() + " failed" + when + ". It ran outside a transaction (for example CREATE INDEX"
                            + " CONCURRENTLY), so part of it may have taken effect, and Flyway left a failure record"
                            + " that blocks further migrations.",
                    "Undo what it did by hand (for an index: DROP INDEX CONCURRENTLY IF EXISTS <name>;), remove the"
                            + " record with " + hints.repair("failed") + ", then migrate again: " + hints.migrate()
                            + "."));
            case IGNORED -> problems.add(new Problem(ProblemKind.OUT_OF_ORDER, info.getScript(),
                    info.getScript() + " is pending, but the newer V" + newestApplied + " is already applied; it was"
                            + " probably written on a parallel branch, and migrate would never apply it.",
                    renameAdvice(info, catalog)));
            default -> {
                // A baseline row stands for a schema made before the history; it describes no file of its own.
                if (info.isApplied() && info.getState().isResolved() && !info.getType().isBaseline()) {
                    checkUnchanged(info, catalog);
                }
            }
        }
    }

    private void checkUnchanged(MigrationInfo info, MigrationCatalog catalog) {
        // A repeatable migration whose content changed is not a fault: migrate applies it again.
        if (info.isVersioned() && info.getResolvedChecksum() != null && info.getAppliedChecksum() != null && !info.isChecksumMatching()) {
            problems.add(new Problem(ProblemKind.CHECKSUM_MISMATCH, info.getScript(),
                    info.getScript() + " was changed after it was applied" + (info.getInstalledOn() == null ? ""
                            : " on " + info.getInstalledOn().toInstant()) + " (checksum " + info.getAppliedChecksum()
                            + " in the history, " + info.getResolvedChecksum() + " on disk).",
                    "Restore the applied content (`git log -p -- " + info.getScript() + "` shows the change) and"
                            + " put the new change in a new migration: " + hints.createMigration("...") + "; for a"
                            + " deliberate, reviewed edit that changes nothing applied, record the new checksum: "
                            + hints.repair("checksums") + "."));
        }
        Optional<MigrationScript> file = info.isVersioned() ? catalog.migration(info.getVersion()) : Optional.empty();
        if (file.isPresent() && !file.get().description().equals(info.getDescription())
                && !catalog.duplicates().containsKey(info.getVersion())) {
            problems.add(new Problem(ProblemKind.DESCRIPTION_CHANGED, file.get().fileName(),
                    "Version " + info.getVersion() + " was applied as '" + info.getDescription()
                            + "', but its file is now " + file.get().fileName() + ".",
                    "Rename the file back to V" + info.getVersion() + "__" + info.getDescription().replace(' ', '_')
                            + ".sql (and its undo script likewise), or record the new name: "
                            + hints.repair("descriptions") + "."));
        }
    }

    private static String renameAdvice(MigrationInfo info, MigrationCatalog catalog) {
        String newVersion = Versions.timestamp();
        String description = info.getDescription().replace(' ', '_');
        StringBuilder advice = new StringBuilder("Give it a version newer than every applied one: `git mv ")
                .append(info.getScript()).append(" V").append(newVersion).append("__").append(description)
                .append(".sql`");
        if (catalog.undo(info.getVersion()).isPresent()) {
            advice.append(" and `git mv U").append(info.getScript().substring(1)).append(" U").append(newVersion)
                    .append("__").append(description).append(".sql`");
        }
        return advice.append(" (in the migrations directory).").toString();
    }

    List<AppliedMigration> applied() {
        return applied;
    }

    List<PendingMigration> pending() {
        return pending;
    }

    /** What migrate applies, in order: what Flyway's {@code info()} reports pending (up to its target). */
    List<MigrationInfo> toApply() {
        return toApply;
    }

    List<Problem> problems() {
        return problems;
    }

    Optional<AppliedMigration> current() {
        return Optional.ofNullable(current);
    }

    List<Problem> errors() {
        return problems.stream().filter(Problem::isError).toList();
    }
}
