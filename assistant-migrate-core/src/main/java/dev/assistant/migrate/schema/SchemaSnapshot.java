package dev.assistant.migrate.schema;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A schema at one moment: what autogenerate compares (tables, sequences, the schemas besides the default one, the
 * extensions), and, for the replay check only, what it does not compare but an undo must still restore (views,
 * functions, triggers, types), each as its definition text.
 *
 * @param tables the tables by name (schema-qualified outside the default schema)
 * @param sequences the free-standing sequences by name
 * @param otherObjects other objects by a key such as {@code view public.active_users}, with their definition
 * @param schemas the schemas other than the default one that hold (or, for the model, should hold) its objects
 * @param extensions the installed (for the model: needed) extensions
 */
public record SchemaSnapshot(SortedMap<String, TableDef> tables, SortedMap<String, SequenceDef> sequences,
        SortedMap<String, String> otherObjects, SortedSet<String> schemas, SortedSet<String> extensions) {

    public SchemaSnapshot {
        tables = immutable(tables);
        sequences = immutable(sequences);
        otherObjects = immutable(otherObjects);
        schemas = immutable(schemas);
        extensions = immutable(extensions);
    }

    public SchemaSnapshot(SortedMap<String, TableDef> tables, SortedMap<String, SequenceDef> sequences,
            SortedMap<String, String> otherObjects) {
        this(tables, sequences, otherObjects, null, null);
    }

    public static SchemaSnapshot empty() {
        return new SchemaSnapshot(null, null, null);
    }

    public SchemaSnapshot withTables(Map<String, TableDef> otherTables) {
        return new SchemaSnapshot(new TreeMap<>(otherTables), sequences, otherObjects, schemas, extensions);
    }

    public SchemaSnapshot withExtensions(Collection<String> otherExtensions) {
        return new SchemaSnapshot(tables, sequences, otherObjects, schemas, new TreeSet<>(otherExtensions));
    }

    private static <V> SortedMap<String, V> immutable(Map<String, V> map) {
        return Collections.unmodifiableSortedMap(new TreeMap<>(map == null ? Map.of() : map));
    }

    private static SortedSet<String> immutable(Collection<String> set) {
        return Collections.unmodifiableSortedSet(new TreeSet<>(set == null ? java.util.Set.of() : set));
    }
}
