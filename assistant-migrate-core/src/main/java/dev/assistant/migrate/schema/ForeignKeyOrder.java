package dev.assistant.migrate.schema;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** How deep each table sits in the foreign-key graph: 0 refers to nothing, 1 refers only to depth-0 tables, … */
final class ForeignKeyOrder {

    private ForeignKeyOrder() {
    }

    static Map<String, Integer> depths(SchemaSnapshot schema) {
        Map<String, Integer> depths = new HashMap<>();
        for (String table : schema.tables().keySet()) {
            depth(table, schema, depths, new HashSet<>());
        }
        return depths;
    }

    private static int depth(String table, SchemaSnapshot schema, Map<String, Integer> depths, Set<String> visiting) {
        Integer known = depths.get(table);
        if (known != null) {
            return known;
        }
        TableDef definition = schema.tables().get(table);
        if (definition == null || !visiting.add(table)) {
            return 0;
        }
        int depth = 0;
        for (ForeignKeyDef fk : definition.foreignKeys().values()) {
            if (!fk.referencedTable().equals(table)) {
                depth = Math.max(depth, depth(fk.referencedTable(), schema, depths, visiting) + 1);
            }
        }
        visiting.remove(table);
        depths.put(table, depth);
        return depth;
    }
}
