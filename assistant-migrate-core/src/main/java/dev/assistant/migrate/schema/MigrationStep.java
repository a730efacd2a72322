package dev.assistant.migrate.schema;

import dev.assistant.migrate.schema.SchemaOperation.AddCheck;
import dev.assistant.migrate.schema.SchemaOperation.AddForeignKey;
import dev.assistant.migrate.schema.SchemaOperation.AlterColumnNullability;
import dev.assistant.migrate.schema.SchemaOperation.CheckConstraintValidation;
import dev.assistant.migrate.schema.SchemaOperation.CheckValidation;
import dev.assistant.migrate.schema.SchemaOperation.DropCheck;
import dev.assistant.migrate.schema.SchemaOperation.CreateIndex;
import dev.assistant.migrate.schema.SchemaOperation.DropForeignKey;
import dev.assistant.migrate.schema.SchemaOperation.DropIndex;
import dev.assistant.migrate.schema.SchemaOperation.ForeignKeyValidation;
import dev.assistant.migrate.schema.SchemaOperation.NotNullValidation;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One of the migrations {@code create} writes for a change. Most changes are one migration, one transaction. On a
 * table that holds rows the safe forms need more, each with its own undo, in this order:
 * <ol>
 * <li>{@link Kind#DROP_INDEXES}: {@code DROP INDEX CONCURRENTLY}, which cannot run in a transaction;</li>
 * <li>{@link Kind#UNVALIDATE}: the foreign keys, checks and NOT NULL the main migration takes away become NOT VALID
 * first, so that the undo of the main migration adds them back NOT VALID and this step's undo validates them;</li>
 * <li>{@link Kind#MAIN}: everything else, with new foreign keys, checks and NOT NULL checks added NOT VALID (no
 * scan);</li>
 * <li>{@link Kind#VALIDATE}: {@code VALIDATE CONSTRAINT}, a scan under SHARE UPDATE EXCLUSIVE that lets reads and
 * writes go on. In the main migration's transaction it would gain nothing: the lock the ADD took (SHARE ROW
 * EXCLUSIVE for a foreign key, ACCESS EXCLUSIVE for a check) is held until that transaction ends;</li>
 * <li>{@link Kind#CREATE_INDEXES}: {@code CREATE INDEX CONCURRENTLY}, which cannot run in a transaction.</li>
 * </ol>
 * Downgrade undoes them in the reverse order, each undo the inverse of its own step.
 *
 * @param kind what it does
 * @param changes its operations and their inverses
 */
public record MigrationStep(Kind kind, SchemaChanges changes) {

    /** The steps, in the order they run. */
    public enum Kind {
        DROP_INDEXES("drop_indexes", false),
        UNVALIDATE("unvalidate", true),
        MAIN("", true),
        VALIDATE("validate", true),
        CREATE_INDEXES("indexes", false);

        private final String suffix;
        private final boolean transactional;

        Kind(String suffix, boolean transactional) {
            this.suffix = suffix;
            this.transactional = transactional;
        }

        /** What the step adds to the migration's slug: {@code add_user_timezone_indexes}; empty for the main one. */
        public String slug(String slug) {
            return suffix.isEmpty() ? slug : slug + "_" + suffix;
        }

        /** Whether its statements run in one transaction (not so for the concurrent index statements). */
        public boolean transactional() {
            return transactional;
        }
    }

    /** The steps of {@code changes}, in the order they run; just the main one when no safe form needs more. */
    public static List<MigrationStep> of(SchemaChanges changes) {
        Map<Kind, List<SchemaOperation>> steps = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            steps.put(kind, new ArrayList<>());
        }
        // every scan before any ACCESS EXCLUSIVE in the validation step, and the mirror of that in its undo
        List<SchemaOperation> scans = new ArrayList<>();
        List<SchemaOperation> notNull = new ArrayList<>();
        List<SchemaOperation> unscans = new ArrayList<>();
        List<SchemaOperation> nullable = new ArrayList<>();
        for (SchemaOperation operation : changes.upgrade()) {
            if (operation instanceof DropIndex drop && drop.concurrently()) {
                steps.get(Kind.DROP_INDEXES).add(drop);
            } else if (operation instanceof CreateIndex create && create.concurrently()) {
                steps.get(Kind.CREATE_INDEXES).add(create);
            } else if (operation instanceof AddForeignKey add && add.notValid()) {
                steps.get(Kind.MAIN).add(add);
                scans.add(new ForeignKeyValidation(add.table(), add.foreignKey(), true));
            } else if (operation instanceof DropForeignKey drop && drop.notValid()) {
                unscans.add(new ForeignKeyValidation(drop.table(), drop.foreignKey(), false));
                steps.get(Kind.MAIN).add(drop);
            } else if (operation instanceof AddCheck add && add.notValid()) {
                steps.get(Kind.MAIN).add(add);
                scans.add(new CheckConstraintValidation(add.table(), add.check(), true));
            } else if (operation instanceof DropCheck drop && drop.notValid()) {
                unscans.add(new CheckConstraintValidation(drop.table(), drop.check(), false));
                steps.get(Kind.MAIN).add(drop);
            } else if (operation instanceof AlterColumnNullability alter && alter.viaCheck() && alter.toNullable()) {
                nullable.add(new NotNullValidation(alter.table(), alter.column(), false));
                unscans.add(new CheckValidation(alter.table(), alter.column(), false));
                steps.get(Kind.MAIN).add(alter);
            } else if (operation instanceof AlterColumnNullability alter && alter.viaCheck()) {
                steps.get(Kind.MAIN).add(alter);
                scans.add(new CheckValidation(alter.table(), alter.column(), true));
                notNull.add(new NotNullValidation(alter.table(), alter.column(), true));
            } else {
                steps.get(Kind.MAIN).add(operation);
            }
        }
        steps.get(Kind.VALIDATE).addAll(scans);
        steps.get(Kind.VALIDATE).addAll(notNull);
        steps.get(Kind.UNVALIDATE).addAll(nullable);
        steps.get(Kind.UNVALIDATE).addAll(unscans);
        List<MigrationStep> result = new ArrayList<>();
        steps.forEach((kind, operations) -> {
            if (kind == Kind.MAIN && operations.size() == changes.upgrade().size()) {
                result.add(new MigrationStep(kind, changes));
            } else if (!operations.isEmpty()) {
                result.add(new MigrationStep(kind, new SchemaChanges(operations, SchemaDiff.inverse(operations),
                        kind == Kind.MAIN ? changes.warnings() : List.of())));
            }
        });
        return List.copyOf(result);
    }
}
