package dev.assistant.migrate.schema;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** Comparing schemas the way the corpus reports them: with and without column order, and by meaning only. */
final class Catalogs {

    private Catalogs() {
    }

    /** The schema with every table's columns in name order: equal whatever order they were added in. */
    static SchemaSnapshot withoutColumnOrder(SchemaSnapshot schema) {
        Map<String, TableDef> tables = new TreeMap<>();
        schema.tables().forEach((name, table) -> tables.put(name, table.withColumns(table.columns().stream()
                .sorted(Comparator.comparing(ColumnDef::name)).toList())));
        return schema.withTables(tables);
    }

    /** The tables whose columns are the same but in another order, with the orders. */
    static List<String> columnOrderChanges(SchemaSnapshot before, SchemaSnapshot after) {
        List<String> changes = new ArrayList<>();
        before.tables().forEach((name, table) -> {
            TableDef other = after.tables().get(name);
            if (other == null) {
                return;
            }
            List<String> was = table.columns().stream().map(ColumnDef::name).toList();
            List<String> is = other.columns().stream().map(ColumnDef::name).toList();
            if (!was.equals(is) && was.stream().sorted().toList().equals(is.stream().sorted().toList())) {
                changes.add(name + " (" + String.join(", ", was) + ") became (" + String.join(", ", is) + ")");
            }
        });
        return changes;
    }

    /** A {@code pg_dump --schema-only} text with the column lines of each CREATE TABLE in name order. */
    static String withoutColumnOrder(String dump) {
        List<String> lines = new ArrayList<>();
        List<String> columns = null;
        for (String line : dump.split("\n", -1)) {
            if (columns == null && line.startsWith("CREATE TABLE ") && line.endsWith("(")) {
                lines.add(line);
                columns = new ArrayList<>();
            } else if (columns != null && line.startsWith(")")) {
                columns.sort(null);
                lines.addAll(columns);
                lines.add(line);
                columns = null;
            } else if (columns != null) {
                columns.add(line.endsWith(",") ? line.substring(0, line.length() - 1) : line);
            } else {
                lines.add(line);
            }
        }
        return String.join("\n", lines);
    }

    /**
     * How {@code ours} differs from {@code theirs} in meaning: names of constraints, indexes and owned sequences,
     * and column order, do not count. Each difference as the operation that would repair it.
     */
    static List<String> meaningDifferences(SchemaSnapshot ours, SchemaSnapshot theirs) {
        return SchemaDiff.between(ours, anyNames(theirs)).stream().map(SchemaOperation::describe).toList();
    }

    private static SchemaSnapshot anyNames(SchemaSnapshot schema) {
        Map<String, TableDef> tables = new TreeMap<>();
        for (TableDef table : schema.tables().values()) {
            TreeMap<String, UniqueDef> uniques = new TreeMap<>();
            table.uniques().forEach((name, unique) -> uniques.put(name, new UniqueDef(name, unique.columns(), true)));
            TreeMap<String, IndexDef> indexes = new TreeMap<>();
            table.indexes().forEach((name, index) -> indexes.put(name, new IndexDef(name, index.columns(),
                    index.unique(), true)));
            TreeMap<String, ForeignKeyDef> foreignKeys = new TreeMap<>();
            table.foreignKeys().forEach((name, fk) -> foreignKeys.put(name, new ForeignKeyDef(name, fk.columns(),
                    fk.referencedTable(), fk.referencedColumns(), fk.onDelete(), true)));
            TreeMap<String, CheckDef> checks = new TreeMap<>();
            table.checks().forEach((name, check) -> checks.put(name, new CheckDef(name, check.expression(), true)));
            tables.put(table.name(), new TableDef(table.name(), table.columns(), table.primaryKey(), uniques, indexes,
                    foreignKeys, checks));
        }
        return schema.withTables(tables);
    }

    /** Whether two query results hold the same rows, or (for {@code atLeast}) {@code actual} holds every expected one. */
    static boolean sameRows(List<List<String>> expected, List<List<String>> actual, boolean atLeast) {
        return atLeast ? actual.containsAll(expected) : Objects.equals(expected, actual);
    }
}
