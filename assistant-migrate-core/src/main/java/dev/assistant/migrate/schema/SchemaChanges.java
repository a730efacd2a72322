package dev.assistant.migrate.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * What autogenerate found: the operations that bring the migrations' schema to the model's, their inverse, and what
 * the author must review before applying them.
 *
 * @param upgrade the operations of the V script, in order
 * @param downgrade the operations of the U script: the inverses, in reverse order
 * @param warnings one line each, as {@code create} prints them: placeholders, detected renames, time-zone
 *     conversions, what the undo cannot restore, rename declarations that were not used
 */
public record SchemaChanges(List<SchemaOperation> upgrade, List<SchemaOperation> downgrade, List<String> warnings) {

    public SchemaChanges {
        upgrade = List.copyOf(upgrade);
        downgrade = List.copyOf(downgrade);
        warnings = List.copyOf(warnings);
    }

    public SchemaChanges(List<SchemaOperation> upgrade, List<SchemaOperation> downgrade) {
        this(upgrade, downgrade, warnings(upgrade, downgrade, List.of()));
    }

    public static SchemaChanges of(List<SchemaOperation> upgrade) {
        return of(upgrade, List.of());
    }

    /** The changes of {@code upgrade}, with {@code notices} first among the warnings. */
    public static SchemaChanges of(List<SchemaOperation> upgrade, List<String> notices) {
        List<SchemaOperation> downgrade = SchemaDiff.inverse(upgrade);
        return new SchemaChanges(upgrade, downgrade, warnings(upgrade, downgrade, notices));
    }

    public boolean isEmpty() {
        return upgrade.isEmpty();
    }

    public List<SchemaOperation> destructive() {
        return upgrade.stream().filter(SchemaOperation::isDestructive).toList();
    }

    private static List<String> warnings(List<SchemaOperation> upgrade, List<SchemaOperation> downgrade,
            List<String> notices) {
        List<String> warnings = new ArrayList<>(notices);
        upgrade.forEach(operation -> warnings.addAll(operation.warnings()));
        for (SchemaOperation operation : downgrade) {
            if (operation instanceof SchemaOperation.AddColumn add) {
                warnings.add(MigrationScripts.readdedColumn(add));
            }
        }
        return warnings;
    }
}
