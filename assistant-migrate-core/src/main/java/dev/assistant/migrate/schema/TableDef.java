package dev.assistant.migrate.schema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A table: its columns in order, and its constraints and indexes by name.
 *
 * @param name the table name, schema-qualified outside the default schema ({@link SqlNames#key})
 * @param columns the columns in their order
 * @param primaryKey the primary key, or null
 * @param uniques unique constraints by name
 * @param indexes indexes (not backing a constraint) by name
 * @param foreignKeys foreign keys by name
 * @param checks check constraints by name
 */
public record TableDef(String name, List<ColumnDef> columns, PrimaryKeyDef primaryKey, SortedMap<String, UniqueDef> uniques,
        SortedMap<String, IndexDef> indexes, SortedMap<String, ForeignKeyDef> foreignKeys,
        SortedMap<String, CheckDef> checks) {

    public TableDef {
        columns = List.copyOf(columns);
        uniques = immutable(uniques);
        indexes = immutable(indexes);
        foreignKeys = immutable(foreignKeys);
        checks = immutable(checks);
    }

    public TableDef(String name, List<ColumnDef> columns, PrimaryKeyDef primaryKey,
            SortedMap<String, UniqueDef> uniques, SortedMap<String, IndexDef> indexes,
            SortedMap<String, ForeignKeyDef> foreignKeys) {
        this(name, columns, primaryKey, uniques, indexes, foreignKeys, null);
    }

    private static <V> SortedMap<String, V> immutable(Map<String, V> map) {
        return Collections.unmodifiableSortedMap(new TreeMap<>(map == null ? Map.of() : map));
    }

    public Map<String, ColumnDef> columnsByName() {
        return columns.stream().collect(Collectors.toMap(ColumnDef::name, column -> column, (a, b) -> a,
                LinkedHashMap::new));
    }

    /** The table without its foreign keys and indexes: what CREATE TABLE itself creates. */
    public TableDef bare() {
        return new TableDef(name, columns, primaryKey, uniques, new TreeMap<>(), new TreeMap<>(), checks);
    }

    public TableDef withName(String otherName) {
        return new TableDef(otherName, columns, primaryKey, uniques, indexes, foreignKeys, checks);
    }

    public TableDef withColumns(List<ColumnDef> otherColumns) {
        return new TableDef(name, otherColumns, primaryKey, uniques, indexes, foreignKeys, checks);
    }

    public TableDef withForeignKeys(SortedMap<String, ForeignKeyDef> otherForeignKeys) {
        return new TableDef(name, columns, primaryKey, uniques, indexes, otherForeignKeys, checks);
    }

    public TableDef withChecks(SortedMap<String, CheckDef> otherChecks) {
        return new TableDef(name, columns, primaryKey, uniques, indexes, foreignKeys, otherChecks);
    }
}
