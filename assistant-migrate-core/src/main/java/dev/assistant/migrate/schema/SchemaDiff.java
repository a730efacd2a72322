package dev.assistant.migrate.schema;

import dev.assistant.migrate.schema.SchemaOperation.AddColumn;
import dev.assistant.migrate.schema.SchemaOperation.DropColumn;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Compares two schemas object kind by object kind and returns the operations that turn the first into the second,
 * in the order of {@link Phase}. Renamed tables and columns are found first ({@link Renames}); everything else is
 * matched by name, and then by definition: a constraint or index the model leaves unnamed is the same as one of the
 * same definition under any name, and one the model names differently is renamed. A dropped and an added column of
 * the same table whose types fit but whose names do not are marked as a possible rename.
 */
public final class SchemaDiff {

    private SchemaDiff() {
    }

    /** The operations that turn {@code from} (the database) into {@code to} (the model). */
    public static List<SchemaOperation> between(SchemaSnapshot from, SchemaSnapshot to) {
        return between(from, to, RenameHints.none());
    }

    /** Likewise, taking the renames {@code hints} declares for renames whatever they look like. */
    public static List<SchemaOperation> between(SchemaSnapshot from, SchemaSnapshot to, RenameHints hints) {
        return between(from, to, hints, false);
    }

    /**
     * Likewise, with {@code safeForms} the forms a migration of autogenerate takes on the tables that exist before
     * and after it (see {@link #compareTables}); without, the plain statements, as a fix to run by hand is written.
     */
    public static List<SchemaOperation> between(SchemaSnapshot from, SchemaSnapshot to, RenameHints hints,
            boolean safeForms) {
        List<SchemaOperation> operations = new ArrayList<>();
        compareSets(from.extensions(), to.extensions(), SchemaOperation.DropExtension::new,
                SchemaOperation.CreateExtension::new, operations);
        compareSets(from.schemas(), to.schemas(), SchemaOperation.DropSchema::new, SchemaOperation.CreateSchema::new,
                operations);
        Renames.Found renames = Renames.find(from, to, hints);
        operations.addAll(renames.operations());
        SchemaSnapshot renamed = renames.renamed();
        Set<String> renamedTables = new HashSet<>();
        for (SchemaOperation rename : renames.operations()) {
            if (rename instanceof SchemaOperation.RenameTable table) {
                renamedTables.add(table.toTable().name());
            } else if (rename instanceof SchemaOperation.RenameColumn column) {
                renamedTables.add(column.table());
            }
        }
        for (TableDef table : to.tables().values()) {
            if (!renamed.tables().containsKey(table.name())) {
                create(table, operations);
            }
        }
        for (TableDef table : renamed.tables().values()) {
            TableDef target = to.tables().get(table.name());
            if (target == null) {
                drop(table, operations);
            } else {
                compareTables(table, target, safeForms, renamedTables, operations);
            }
        }
        compareSequences(renamed, to, operations);
        return order(operations, renamed, to);
    }

    private static void compareSets(Set<String> from, Set<String> to, Function<String, SchemaOperation> dropper,
            Function<String, SchemaOperation> adder, List<SchemaOperation> operations) {
        to.stream().filter(name -> !from.contains(name)).forEach(name -> operations.add(adder.apply(name)));
        from.stream().filter(name -> !to.contains(name)).forEach(name -> operations.add(dropper.apply(name)));
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

    /**
     * The changes to a table that exists before and after, and so may hold rows: its new indexes are built
     * concurrently, its new foreign keys, checks and NOT NULL are added NOT VALID and validated by a later migration,
     * and what it loses goes the same way back in the undo. What has to happen before the migration (dropping an index
     * concurrently, making a constraint NOT VALID) speaks of the table by the names it has then: on a table that this
     * migration renames, or whose columns it renames, those drops stay plain.
     *
     * @param safe whether to write those forms at all
     * @param renamedTables the tables that are renamed or have renamed columns (new names), for that rule
     */
    private static void compareTables(TableDef from, TableDef to, boolean safe, Set<String> renamedTables,
            List<SchemaOperation> operations) {
        String table = to.name();
        boolean keepsNames = safe && !renamedTables.contains(table);
        Set<String> keyColumns = new HashSet<>();
        if (from.primaryKey() != null) {
            keyColumns.addAll(from.primaryKey().columns());
        }
        if (to.primaryKey() != null) {
            keyColumns.addAll(to.primaryKey().columns());
        }
        Map<String, ColumnDef> before = from.columnsByName();
        Map<String, ColumnDef> after = to.columnsByName();
        List<ColumnDef> added = new ArrayList<>();
        List<ColumnDef> dropped = new ArrayList<>();
        for (ColumnDef column : after.values()) {
            ColumnDef existing = before.get(column.name());
            if (existing == null) {
                added.add(column);
            } else {
                boolean viaCheck = safe && existing.identity() == ColumnDef.Identity.NONE
                        && column.identity() == ColumnDef.Identity.NONE && !keyColumns.contains(column.name())
                        && (!column.nullable() || keepsNames);
                compareColumns(table, existing, column, viaCheck, operations);
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

        PrimaryKeyDef fromKey = from.primaryKey();
        PrimaryKeyDef toKey = to.primaryKey();
        // a key is the set of its columns: Hibernate orders a composite key by attribute name, not as the SQL did
        if (!Objects.equals(fromKey == null ? null : Set.copyOf(fromKey.columns()),
                toKey == null ? null : Set.copyOf(toKey.columns()))) {
            if (fromKey != null) {
                operations.add(new SchemaOperation.DropPrimaryKey(table, fromKey));
            }
            if (toKey != null) {
                operations.add(new SchemaOperation.AddPrimaryKey(table, toKey));
            }
        }
        Map<String, UniqueDef> targetUniques = new LinkedHashMap<>(to.uniques());
        Map<String, IndexDef> currentIndexes = new LinkedHashMap<>(from.indexes());
        uniqueIndexesServingAsConstraints(from, to, targetUniques, currentIndexes);
        compareNamed(table, from.uniques(), targetUniques, UniqueDef::columns, UniqueDef::implicitName,
                unique -> new SchemaOperation.DropUnique(table, unique),
                unique -> new SchemaOperation.AddUnique(table, unique),
                (old, young) -> new SchemaOperation.RenameConstraint(table, old.name(), young.name()), operations);
        compareNamed(table, currentIndexes, to.indexes(), index -> List.of(index.columns(), index.unique()),
                IndexDef::implicitName,
                index -> new SchemaOperation.DropIndex(table, index, keepsNames),
                index -> new SchemaOperation.CreateIndex(table, index, safe),
                (old, young) -> new SchemaOperation.RenameIndex(table, old.name(), young.name()), operations);
        compareNamed(table, from.foreignKeys(), to.foreignKeys(),
                fk -> List.of(fk.columns(), fk.referencedTable(), fk.referencedColumns(), fk.onDelete()),
                ForeignKeyDef::implicitName,
                fk -> new SchemaOperation.DropForeignKey(table, fk,
                        keepsNames && !renamedTables.contains(fk.referencedTable())),
                fk -> new SchemaOperation.AddForeignKey(table, fk, safe),
                (old, young) -> new SchemaOperation.RenameConstraint(table, old.name(), young.name()), operations);
        compareNamed(table, from.checks(), to.checks(), check -> CheckExpressions.comparable(check.expression()),
                CheckDef::implicitName,
                check -> new SchemaOperation.DropCheck(table, check, keepsNames),
                check -> new SchemaOperation.AddCheck(table, check, safe),
                (old, young) -> new SchemaOperation.RenameConstraint(table, old.name(), young.name()), operations);
    }

    /**
     * A unique index on plain columns guarantees what a unique constraint does: it stands for a model constraint on
     * the same columns that the model leaves unnamed or names like the index. Both leave the comparison.
     */
    private static void uniqueIndexesServingAsConstraints(TableDef from, TableDef to, Map<String, UniqueDef> uniques,
            Map<String, IndexDef> indexes) {
        for (UniqueDef unique : List.copyOf(uniques.values())) {
            if (from.uniques().containsKey(unique.name())) {
                continue;
            }
            for (IndexDef index : List.copyOf(indexes.values())) {
                boolean plain = index.unique() && index.columns().stream().noneMatch(IndexDef.IndexColumn::descending)
                        && index.columns().stream().map(IndexDef.IndexColumn::name).toList().equals(unique.columns());
                if (plain && !to.indexes().containsKey(index.name())
                        && (unique.implicitName() || unique.name().equals(index.name()))) {
                    uniques.remove(unique.name());
                    indexes.remove(index.name());
                    break;
                }
            }
        }
    }

    /** @param viaCheck whether NOT NULL changes through a NOT VALID check ({@code AlterColumnNullability.viaCheck}) */
    private static void compareColumns(String table, ColumnDef from, ColumnDef to, boolean viaCheck,
            List<SchemaOperation> operations) {
        boolean typeChanges = !PostgresTypes.sameType(from.type(), to.type());
        if (typeChanges) {
            operations.add(new SchemaOperation.AlterColumnType(table, to.name(), from.type(), to.type()));
        }
        if (from.identity() != to.identity() && typeChanges) {
            // a plain default belongs to one of the two types: it goes before the type changes, or comes after
            ColumnDef before = from;
            ColumnDef after = to;
            if (from.identity() == ColumnDef.Identity.NONE && from.defaultExpression() != null) {
                operations.add(new SchemaOperation.AlterColumnDefault(table, to.name(), from.defaultExpression(),
                        null));
                before = from.withDefault(null);
            }
            if (to.identity() == ColumnDef.Identity.NONE && to.defaultExpression() != null) {
                operations.add(new SchemaOperation.AlterColumnDefault(table, to.name(), null,
                        to.defaultExpression()));
                after = to.withDefault(null);
            }
            operations.add(new SchemaOperation.AlterColumnIdentity(table, before, after));
        } else if (from.identity() != to.identity()) {
            operations.add(new SchemaOperation.AlterColumnIdentity(table, from, to));
        } else if (from.identity() != ColumnDef.Identity.SERIAL
                && !Objects.equals(from.defaultExpression(), to.defaultExpression())) {
            if (typeChanges && from.defaultExpression() != null && to.defaultExpression() != null) {
                // the old default goes before the type changes and the new one comes after (Phase)
                operations.add(new SchemaOperation.AlterColumnDefault(table, to.name(), from.defaultExpression(),
                        null));
                operations.add(new SchemaOperation.AlterColumnDefault(table, to.name(), null,
                        to.defaultExpression()));
            } else {
                operations.add(new SchemaOperation.AlterColumnDefault(table, to.name(), from.defaultExpression(),
                        to.defaultExpression()));
            }
        }
        if (from.nullable() != to.nullable()) {
            operations.add(new SchemaOperation.AlterColumnNullability(table, to, from.nullable(), to.nullable(),
                    viaCheck));
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

    /**
     * Matches constraints or indexes by name, then by definition among those whose name the other side lacks: one
     * the model leaves unnamed is then the same object, one it names is renamed. The rest are dropped and added.
     */
    private static <T> void compareNamed(String table, Map<String, T> from, Map<String, T> to,
            Function<T, Object> definition, java.util.function.Predicate<T> implicit,
            Function<T, SchemaOperation> dropper, Function<T, SchemaOperation> adder,
            BiFunction<T, T, SchemaOperation> renamer, List<SchemaOperation> operations) {
        Set<String> matchedFrom = new HashSet<>();
        Set<String> matchedTo = new HashSet<>();
        for (Map.Entry<String, T> entry : to.entrySet()) {
            T existing = from.get(entry.getKey());
            if (existing != null && definition.apply(existing).equals(definition.apply(entry.getValue()))) {
                matchedFrom.add(entry.getKey());
                matchedTo.add(entry.getKey());
            }
        }
        for (Map.Entry<String, T> entry : to.entrySet()) {
            if (matchedTo.contains(entry.getKey()) || from.containsKey(entry.getKey())) {
                continue;
            }
            Object wanted = definition.apply(entry.getValue());
            for (Map.Entry<String, T> candidate : from.entrySet()) {
                if (!matchedFrom.contains(candidate.getKey()) && !to.containsKey(candidate.getKey())
                        && definition.apply(candidate.getValue()).equals(wanted)) {
                    matchedFrom.add(candidate.getKey());
                    matchedTo.add(entry.getKey());
                    if (!implicit.test(entry.getValue())) {
                        operations.add(renamer.apply(candidate.getValue(), entry.getValue()));
                    }
                    break;
                }
            }
        }
        from.forEach((name, object) -> {
            if (!matchedFrom.contains(name)) {
                operations.add(dropper.apply(object));
            }
        });
        to.forEach((name, object) -> {
            if (!matchedTo.contains(name)) {
                operations.add(adder.apply(object));
            }
        });
    }

    private static void compareSequences(SchemaSnapshot from, SchemaSnapshot to, List<SchemaOperation> operations) {
        for (SequenceDef sequence : to.sequences().values()) {
            SequenceDef existing = from.sequences().get(sequence.name());
            if (existing == null) {
                operations.add(new SchemaOperation.CreateSequence(sequence, existingColumn(from, sequence.feeds())));
            } else if (!existing.sameAs(sequence)) {
                operations.add(new SchemaOperation.AlterSequence(existing, sequence));
            }
        }
        for (SequenceDef sequence : from.sequences().values()) {
            if (!to.sequences().containsKey(sequence.name())) {
                operations.add(new SchemaOperation.DropSequence(sequence, probableUse(from, sequence)));
            }
        }
    }

    /** The column, if the schema already has it (so that a new sequence must start past its values). */
    private static SequenceDef.ColumnRef existingColumn(SchemaSnapshot schema, SequenceDef.ColumnRef column) {
        if (column == null) {
            return null;
        }
        TableDef table = schema.tables().get(column.table());
        return table != null && table.columnsByName().containsKey(column.column()) ? column : null;
    }

    /**
     * The id column a sequence of the database most likely fed, judged by name ({@code notes_seq},
     * {@code note_seq}, {@code notes_id_seq} for table {@code notes} with a one-column key): where the undo of its
     * drop makes it start again. Null when no table fits.
     */
    private static SequenceDef.ColumnRef probableUse(SchemaSnapshot schema, SequenceDef sequence) {
        String name = SqlNames.nameOf(sequence.name());
        String stem = name.replaceAll("(_id)?_seq(uence)?$", "");
        for (TableDef table : schema.tables().values()) {
            String tableName = SqlNames.nameOf(table.name());
            boolean sameSchema = Objects.equals(SqlNames.schemaOf(table.name()), SqlNames.schemaOf(sequence.name()));
            boolean named = stem.equals(tableName) || (stem + "s").equals(tableName)
                    || stem.equals(tableName.replaceAll("s$", ""));
            if (sameSchema && named && table.primaryKey() != null && table.primaryKey().columns().size() == 1) {
                return new SequenceDef.ColumnRef(table.name(), table.primaryKey().columns().get(0));
            }
        }
        return null;
    }

    /**
     * Sorts by phase; within a phase, new tables come in foreign-key order (a table after the tables it references)
     * and dropped tables in the reverse, everything else by name, so that the output is the same on every run.
     */
    static List<SchemaOperation> order(List<SchemaOperation> operations, SchemaSnapshot from, SchemaSnapshot to) {
        Map<String, Integer> depth = new HashMap<>(ForeignKeyOrder.depths(from));
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
