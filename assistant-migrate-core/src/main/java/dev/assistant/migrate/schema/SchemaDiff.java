package dev.assistant.migrate.schema;

import dev.assistant.migrate.schema.SchemaOperation.AddColumn;
import dev.assistant.migrate.schema.SchemaOperation.DropColumn;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Compares two schemas object kind by object kind and returns the operations that turn the first into the second,
 * in the order of {@link Phase}. Objects are matched by name: a renamed table or column shows as a drop and an add,
 * and a dropped and an added column of the same table whose types fit are marked as a possible rename.
 */
public final class SchemaDiff {

    private SchemaDiff() {
    }

    /** The operations that turn {@code from} (the database) into {@code to} (the model). */
    public static List<SchemaOperation> between(SchemaSnapshot from, SchemaSnapshot to) {
        List<SchemaOperation> operations = new ArrayList<>();
        for (TableDef table : to.tables().values()) {
            if (!from.tables().containsKey(table.name())) {
                create(table, operations);
            }
        }
        for (TableDef table : from.tables().values()) {
            TableDef target = to.tables().get(table.name());
            if (target == null) {
                drop(table, operations);
            } else {
                compareTables(table, target, operations);
            }
        }
        compareSequences(from, to, operations);
        return order(operations, from, to);
    }

    private static void create(TableDef table, List<SchemaOperation> operations) {
        operations.add(new SchemaOperation.CreateTable(table.bare()));
        table.indexes().values().forEach(index -> operations.add(new SchemaOperation.CreateIndex(table.name(), index)));
        table.foreignKeys().values().forEach(fk -> operations.add(new SchemaOperation.AddForeignKey(table.name(), fk)));
    }

    private static void drop(TableDef table, List<SchemaOperation> operations) {
        table.foreignKeys().values().forEach(fk -> operations.add(new SchemaOperation.DropForeignKey(table.name(), fk)));
        table.indexes().values().forEach(index -> operations.add(new SchemaOperation.DropIndex(table.name(), index)));
        operations.add(new SchemaOperation.DropTable(table.bare()));
    }

    private static void compareTables(TableDef from, TableDef to, List<SchemaOperation> operations) {
        String table = to.name();
        Map<String, ColumnDef> before = from.columnsByName();
        Map<String, ColumnDef> after = to.columnsByName();
        List<ColumnDef> added = new ArrayList<>();
        List<ColumnDef> dropped = new ArrayList<>();
        for (ColumnDef column : after.values()) {
            ColumnDef existing = before.get(column.name());
            if (existing == null) {
                added.add(column);
            } else {
                compareColumns(table, existing, column, operations);
            }
        }
        for (ColumnDef column : before.values()) {
            if (!after.containsKey(column.name())) {
                dropped.add(column);
            }
        }
        Map<String, String> renames = possibleRenames(dropped, added);
        added.forEach(column -> operations.add(new AddColumn(table, column, renames.get(column.name()))));
        dropped.forEach(column -> operations.add(new DropColumn(table, column, renameTarget(renames, column.name()))));

        if (!Objects.equals(from.primaryKey(), to.primaryKey())) {
            if (from.primaryKey() != null) {
                operations.add(new SchemaOperation.DropPrimaryKey(table, from.primaryKey()));
            }
            if (to.primaryKey() != null) {
                operations.add(new SchemaOperation.AddPrimaryKey(table, to.primaryKey()));
            }
        }
        compareByName(from.uniques(), to.uniques(),
                unique -> new SchemaOperation.DropUnique(table, unique),
                unique -> new SchemaOperation.AddUnique(table, unique), operations);
        compareByName(from.indexes(), to.indexes(),
                index -> new SchemaOperation.DropIndex(table, index),
                index -> new SchemaOperation.CreateIndex(table, index), operations);
        compareByName(from.foreignKeys(), to.foreignKeys(),
                fk -> new SchemaOperation.DropForeignKey(table, fk),
                fk -> new SchemaOperation.AddForeignKey(table, fk), operations);
    }

    private static void compareColumns(String table, ColumnDef from, ColumnDef to, List<SchemaOperation> operations) {
        if (!PostgresTypes.sameType(from.type(), to.type())) {
            operations.add(new SchemaOperation.AlterColumnType(table, to.name(), from.type(), to.type()));
        }
        if (!Objects.equals(from.defaultExpression(), to.defaultExpression())) {
            operations.add(new SchemaOperation.AlterColumnDefault(table, to.name(), from.defaultExpression(),
                    to.defaultExpression()));
        }
        if (from.nullable() != to.nullable()) {
            operations.add(new SchemaOperation.AlterColumnNullability(table, to.name(), from.nullable(),
                    to.nullable()));
        }
        if (from.identity() != to.identity()) {
            operations.add(new SchemaOperation.AlterColumnIdentity(table, to.name(), from.identity(), to.identity()));
        }
    }

    /** Added column name to the dropped column it may replace: types fit, and each is used once. */
    private static Map<String, String> possibleRenames(List<ColumnDef> dropped, List<ColumnDef> added) {
        Map<String, String> renames = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>();
        for (ColumnDef add : added) {
            for (ColumnDef drop : dropped) {
                if (!taken.contains(drop.name()) && PostgresTypes.compatible(drop.type(), add.type())) {
                    renames.put(add.name(), drop.name());
                    taken.add(drop.name());
                    break;
                }
            }
        }
        return renames;
    }

    private static String renameTarget(Map<String, String> renames, String dropped) {
        return renames.entrySet().stream()
                .filter(entry -> entry.getValue().equals(dropped))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(null);
    }

    private static <T> void compareByName(Map<String, T> from, Map<String, T> to,
            java.util.function.Function<T, SchemaOperation> dropper,
            java.util.function.Function<T, SchemaOperation> adder, List<SchemaOperation> operations) {
        for (Map.Entry<String, T> entry : from.entrySet()) {
            T target = to.get(entry.getKey());
            if (!entry.getValue().equals(target)) {
                operations.add(dropper.apply(entry.getValue()));
            }
        }
        for (Map.Entry<String, T> entry : to.entrySet()) {
            if (!entry.getValue().equals(from.get(entry.getKey()))) {
                operations.add(adder.apply(entry.getValue()));
            }
        }
    }

    private static void compareSequences(SchemaSnapshot from, SchemaSnapshot to, List<SchemaOperation> operations) {
        for (SequenceDef sequence : to.sequences().values()) {
            SequenceDef existing = from.sequences().get(sequence.name());
            if (existing == null) {
                operations.add(new SchemaOperation.CreateSequence(sequence));
            } else if (!existing.equals(sequence)) {
                operations.add(new SchemaOperation.AlterSequence(existing, sequence));
            }
        }
        for (SequenceDef sequence : from.sequences().values()) {
            if (!to.sequences().containsKey(sequence.name())) {
                operations.add(new SchemaOperation.DropSequence(sequence));
            }
        }
    }

    /**
     * Sorts by phase; within a phase, new tables come in foreign-key order (a table after the tables it references)
     * and dropped tables in the reverse, everything else by name, so that the output is the same on every run.
     */
    static List<SchemaOperation> order(List<SchemaOperation> operations, SchemaSnapshot from, SchemaSnapshot to) {
        Map<String, Integer> depth = new java.util.HashMap<>(ForeignKeyOrder.depths(from));
        depth.putAll(ForeignKeyOrder.depths(to));
        Comparator<SchemaOperation> byPhase = Comparator.comparing(SchemaOperation::phase);
        Comparator<SchemaOperation> byDependency = Comparator.comparingInt(operation -> {
            int tableDepth = depth.getOrDefault(operation.subject(), 0);
            return operation.phase() == Phase.DROP_TABLE ? -tableDepth : tableDepth;
        });
        List<SchemaOperation> sorted = new ArrayList<>(operations);
        sorted.sort(byPhase.thenComparing(byDependency)
                .thenComparing(SchemaOperation::subject)
                .thenComparing(SchemaOperation::describe));
        return List.copyOf(sorted);
    }

    /** The inverse of every operation, in reverse order: the undo of a migration made of {@code operations}. */
    public static List<SchemaOperation> inverse(List<SchemaOperation> operations) {
        List<SchemaOperation> inverse = new ArrayList<>(operations.size());
        for (int i = operations.size() - 1; i >= 0; i--) {
            inverse.add(operations.get(i).inverse());
        }
        return List.copyOf(inverse);
    }
}
