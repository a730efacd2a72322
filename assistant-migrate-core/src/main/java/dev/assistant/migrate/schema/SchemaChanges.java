package dev.assistant.migrate.schema;

import java.util.List;

/**
 * What autogenerate found: the operations that bring the migrations' schema to the model's, and their inverse.
 *
 * @param upgrade the operations of the V script, in order
 * @param downgrade the operations of the U script: the inverses, in reverse order
 */
public record SchemaChanges(List<SchemaOperation> upgrade, List<SchemaOperation> downgrade) {

    public SchemaChanges {
        upgrade = List.copyOf(upgrade);
        downgrade = List.copyOf(downgrade);
    }

    public static SchemaChanges of(List<SchemaOperation> upgrade) {
        return new SchemaChanges(upgrade, SchemaDiff.inverse(upgrade));
    }

    public boolean isEmpty() {
        return upgrade.isEmpty();
    }

    public List<SchemaOperation> destructive() {
        return upgrade.stream().filter(SchemaOperation::isDestructive).toList();
    }
}
