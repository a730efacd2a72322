package dev.assistant.migrate.schema;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A table: its columns in order, and its constraints and indexes by name.
 *
 * @param name the table name
 * @param columns the columns in their order
 * @param primaryKey the primary key, or null
 * @param uniques unique constraints by name
 * @param indexes indexes (not backing a constraint) by name
 * @param foreignKeys foreign keys by name
 */
public record TableDef(String name, List<ColumnDef> columns, PrimaryKeyDef primaryKey, SortedMap<String, UniqueDef> uniques,
        SortedMap<String, IndexDef> indexes, SortedMap<String, ForeignKeyDef> foreignKeys) {

    public TableDef {
        columns = List.copyOf(columns);
        uniques = immutable(uniques);
        indexes = immutable(indexes);
        foreignKeys = immutable(foreignKeys);
    }

    private static <V> SortedMap<String, V> immutable(Map<String, V> map) {
        return java.util.Collections.unmodifiableSortedMap(new TreeMap<>(map == null ? Map.of() : map));
    }

    public Map<String, ColumnDef> columnsByName() {
        return columns.stream().collect(Collectors.toMap(ColumnDef::name, column -> column, (a, b) -> a,
                java.util.LinkedHashMap::new));
    }

    /** The table without its foreign keys and indexes: what CREATE TABLE itself creates. */
    public TableDef bare() {
        return new TableDef(name, columns, primaryKey, uniques, new TreeMap<>(), new TreeMap<>());
    }
}
