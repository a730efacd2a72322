package dev.assistant.migrate.engine;

import dev.assistant.migrate.api.Problem;
import dev.assistant.migrate.api.ProblemKind;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.flywaydb.core.api.MigrationVersion;

/**
 * A version that more than one migration claims, typically after two branches picked the same number: every file of
 * it, migrations (by path) and undo scripts.
 */
public record DuplicateVersion(MigrationVersion version, List<MigrationScript> migrations,
        List<MigrationScript> undos) {

    public DuplicateVersion {
        migrations = List.copyOf(migrations);
        undos = List.copyOf(undos);
    }

    /**
     * The one problem of the version: which file keeps it, and the exact renames that give the others, with their
     * undo scripts, versions of their own.
     *
     * @param keep the migration that keeps the version: the one a database applied, else the one there first
     */
    public Problem problem(MigrationScript keep) {
        String label = keep.name().label();
        List<String> moved = new ArrayList<>();
        List<String> renames = new ArrayList<>();
        for (MigrationScript script : migrations) {
            if (script == keep) {
                continue;
            }
            String newVersion = Versions.timestamp(moved.size());
            moved.add(script.fileName());
            String renamed = "__" + script.description().replace(' ', '_') + ".sql";
            renames.add("`git mv " + script.fileName() + " V" + newVersion + renamed + "`");
            undos.stream().filter(undo -> undo.description().equals(script.description())).findFirst()
                    .ifPresent(undo -> renames.add("`git mv " + undo.fileName() + " U" + newVersion + renamed + "`"));
        }
        String fix = "Keep " + keep.fileName() + "; give the newer " + String.join(", ", moved)
                + (moved.size() == 1 ? " a version of its own: " : " versions of their own: ")
                + String.join(" and ", renames) + " (in its directory).";
        return new Problem(ProblemKind.DUPLICATE_VERSION, label,
                migrations.size() + " files claim " + label + ": " + migrations.stream()
                        .map(script -> script.file().displayPath())
                        .collect(Collectors.joining(", ")) + ".",
                fix);
    }
}
