package dev.assistant.migrate.engine;

import dev.assistant.migrate.api.AppliedMigration;
import dev.assistant.migrate.api.DowngradePlan;
import dev.assistant.migrate.api.DowngradeStep;
import dev.assistant.migrate.api.Hints;
import dev.assistant.migrate.api.MigrationEngineException;
import dev.assistant.migrate.api.ScriptFailedException;
import dev.assistant.migrate.api.SqlStatement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Turns a target into the list of undos, newest first, and refuses, naming every offending version, when any of them
 * has no usable undo script. Pure: it reads the history it is given and touches no database.
 */
final class DowngradePlanner {

    private DowngradePlanner() {
    }

    /**
     * @param history the applied migrations in the order they were applied
     * @param target where to go back to
     * @param catalog the scripts, for the undo of each step
     * @param statements the splitter for the session the undo scripts run in
     */
    static DowngradePlan plan(List<AppliedMigration> history, DowngradeTarget target, MigrationCatalog catalog,
            SqlStatements statements, Hints hints) {
        Optional<AppliedMigration> baseline = history.stream().filter(DowngradePlanner::isBaseline).reduce((a, b) -> b);
        List<AppliedMigration> undoable = history.stream()
                .filter(row -> row.version() != null && "Success".equals(row.state()) && "SQL".equals(row.type()))
                .filter(row -> baseline.isEmpty() || MigrationVersion.fromVersion(row.version())
                        .isNewerThan(MigrationVersion.fromVersion(baseline.get().version())))
                .toList();
        String current = undoable.isEmpty() ? baseline.map(AppliedMigration::version).orElse(null)
                : newest(undoable).version();
        List<AppliedMigration> toUndo = select(undoable, target, current, baseline, hints);

        List<AppliedMigration> irreversible = toUndo.stream()
                .filter(row -> catalog.undo(MigrationVersion.fromVersion(row.version())).isEmpty())
                .toList();
        if (!irreversible.isEmpty()) {
            throw refuse(target, irreversible, current, catalog, hints);
        }

        List<DowngradeStep> steps = new ArrayList<>();
        for (AppliedMigration row : toUndo) {
            MigrationScript undo = catalog.undo(MigrationVersion.fromVersion(row.version())).orElseThrow();
            List<SqlStatement> split = statements.split(undo.file().displayPath(), undo.text().orElseThrow());
            DowngradeStep step = new DowngradeStep(row, undo.fileName(), undo.file().displayPath(), split);
            Optional<SqlStatement> mixed = SqlStatements.mixedOutlier(split);
            if (mixed.isPresent()) {
                SqlStatement outside = mixed.get();
                throw new MigrationEngineException("Cannot downgrade: " + undo.file().displayPath() + " line "
                        + outside.line() + " must run outside a transaction (" + ScriptFailedException.abbreviate(
                        outside.sql()) + "), but the script has other statements too. Nothing was changed. Keep"
                        + " statements such as DROP INDEX CONCURRENTLY alone in their undo script.", true);
            }
            steps.add(step);
        }
        List<AppliedMigration> remaining = new ArrayList<>(undoable);
        remaining.removeAll(toUndo);
        String toVersion = remaining.isEmpty() ? baseline.map(AppliedMigration::version).orElse(null)
                : newest(remaining).version();
        return new DowngradePlan(target.toString(), current, toVersion, steps);
    }

    /** A row Flyway's baseline wrote: the schema before it was made outside the history, and has no undo. */
    static boolean isBaseline(AppliedMigration row) {
        return row.version() != null && row.type() != null && row.type().endsWith("BASELINE");
    }

    private static List<AppliedMigration> select(List<AppliedMigration> undoable, DowngradeTarget target,
            String current, Optional<AppliedMigration> baseline, Hints hints) {
        List<AppliedMigration> selected = new ArrayList<>();
        String aboveBaseline = baseline.map(row -> " above the baseline at version " + row.version() + " ("
                + row.description() + "), which downgrade does not go below").orElse("");
        if (target instanceof DowngradeTarget.Steps steps) {
            if (steps.count() > undoable.size()) {
                throw new MigrationEngineException("Cannot go back " + steps.count() + " migration"
                        + (steps.count() == 1 ? "" : "s") + ": only " + undoable.size() + " "
                        + (undoable.size() == 1 ? "is" : "are") + " applied" + aboveBaseline + listVersions(undoable)
                        + ". To undo everything" + (baseline.isEmpty() ? "" : " above it") + ": "
                        + hints.downgrade(DowngradeTarget.BASE) + ".", true);
            }
            selected.addAll(undoable.subList(undoable.size() - steps.count(), undoable.size()));
        } else if (target instanceof DowngradeTarget.ToVersion toVersion) {
            MigrationVersion version = toVersion.version();
            if (baseline.isPresent()) {
                MigrationVersion floor = MigrationVersion.fromVersion(baseline.get().version());
                if (floor.isNewerThan(version)) {
                    throw new MigrationEngineException("Version " + version + " is below the baseline at version "
                            + floor + " (" + baseline.get().description() + "): the schema up to it was made outside"
                            + " these migrations, so downgrade stops there. Go back to the baseline at most: "
                            + hints.downgrade(floor.toString()) + ".", true);
                }
                if (floor.equals(version)) {
                    selected.addAll(undoable);
                    Collections.reverse(selected);
                    return selected;
                }
            }
            boolean applied = undoable.stream()
                    .anyMatch(row -> MigrationVersion.fromVersion(row.version()).equals(version));
            if (!applied) {
                if (current == null || version.isNewerThan(MigrationVersion.fromVersion(current))) {
                    throw new MigrationEngineException("Version " + version + " is above the current version ("
                            + (current == null ? "nothing is applied" : current) + "); downgrade only goes back."
                            + " To go forward: " + hints.migrateTo(version.toString()) + ".", true);
                }
                throw new MigrationEngineException("Version " + version + " is not applied here, so it cannot be"
                        + " a downgrade target. Applied" + listVersions(undoable) + "; or use base.", true);
            }
            for (AppliedMigration row : undoable) {
                if (MigrationVersion.fromVersion(row.version()).isNewerThan(version)) {
                    selected.add(row);
                }
            }
        } else {
            selected.addAll(undoable);
        }
        Collections.reverse(selected);
        return selected;
    }

    private static AppliedMigration newest(List<AppliedMigration> rows) {
        return rows.stream()
                .max((a, b) -> MigrationVersion.fromVersion(a.version())
                        .compareTo(MigrationVersion.fromVersion(b.version())))
                .orElseThrow();
    }

    private static String listVersions(List<AppliedMigration> rows) {
        return rows.isEmpty() ? "" : " (" + rows.stream().map(AppliedMigration::version)
                .collect(Collectors.joining(", ")) + ")";
    }

    private static MigrationEngineException refuse(DowngradeTarget target, List<AppliedMigration> irreversible,
            String current, MigrationCatalog catalog, Hints hints) {
        String versions = irreversible.stream()
                .map(row -> "V" + row.version() + " (" + row.description() + ")")
                .collect(Collectors.joining(", "));
        List<String> missing = new ArrayList<>();
        List<String> commentOnly = new ArrayList<>();
        for (AppliedMigration row : irreversible) {
            Optional<MigrationScript> undo = catalog.undoFile(MigrationVersion.fromVersion(row.version()));
            if (undo.isPresent() && undo.get().isBlank()) {
                commentOnly.add(undo.get().fileName() + " holds only comments: write the SQL that reverses "
                        + migrationFileFor(row, catalog) + " in it");
            } else {
                missing.add(undoFileFor(row, catalog));
            }
        }
        List<String> fixes = new ArrayList<>();
        if (!missing.isEmpty()) {
            fixes.add("Write " + String.join(", ", missing));
        }
        fixes.addAll(commentOnly);
        AppliedMigration newestIrreversible = irreversible.get(0);
        String alternative = newestIrreversible.version().equals(current)
                ? ", then run the downgrade again. Until then nothing can be undone: version " + current
                        + " is the current version."
                : ", or go back no further than version " + newestIrreversible.version() + ": "
                        + hints.downgrade(newestIrreversible.version()) + ".";
        return new MigrationEngineException("Cannot downgrade to " + target + ": " + versions
                + (irreversible.size() == 1 ? " has" : " have") + " no undo script. Nothing was changed. "
                + String.join("; ", fixes) + alternative, true);
    }

    private static String migrationFileFor(AppliedMigration row, MigrationCatalog catalog) {
        return catalog.migration(MigrationVersion.fromVersion(row.version())).map(MigrationScript::fileName)
                .orElse(Objects.requireNonNullElse(row.script(), "V" + row.version()));
    }

    private static String undoFileFor(AppliedMigration row, MigrationCatalog catalog) {
        Optional<MigrationScript> migration = catalog.migration(MigrationVersion.fromVersion(row.version()));
        String script = migration.map(MigrationScript::fileName).orElse(Objects.requireNonNullElse(row.script(), ""));
        return script.startsWith("V") ? "U" + script.substring(1) : "an undo script for V" + row.version();
    }
}
