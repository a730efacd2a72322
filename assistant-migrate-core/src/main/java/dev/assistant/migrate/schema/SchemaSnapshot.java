package dev.assistant.migrate.schema;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A schema at one moment: what autogenerate compares (tables and sequences), and, for the replay check only, what
 * it does not compare but an undo must still restore (views, functions, triggers, check constraints, types), each as
 * its definition text.
 *
 * @param tables the tables by name
 * @param sequences the free-standing sequences by name
 * @param otherObjects other objects by a key such as {@code view public.active_users}, with their definition
 */
public record SchemaSnapshot(SortedMap<String, TableDef> tables, SortedMap<String, SequenceDef> sequences,
        SortedMap<String, String> otherObjects) {

    public SchemaSnapshot {
        tables = immutable(tables);
        sequences = immutable(sequences);
        otherObjects = immutable(otherObjects);
    }

    public static SchemaSnapshot empty() {
        return new SchemaSnapshot(null, null, null);
    }

    private static <V> SortedMap<String, V> immutable(Map<String, V> map) {
        return Collections.unmodifiableSortedMap(new TreeMap<>(map == null ? Map.of() : map));
    }
}
