package dev.assistant.migrate.schema;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads a schema (the connection's current schema) from {@code pg_catalog}: tables and their columns, keys,
 * unique constraints, indexes and foreign keys, free-standing sequences, and as definition text what autogenerate
 * does not compare (views, functions, triggers, types, check constraints, expression and partial indexes). The
 * schema history table is left out.
 */
public final class DatabaseSchemaReader {

    static final String HISTORY_TABLE = "flyway_schema_history";

    private static final String TABLES = """
            SELECT c.relname FROM pg_class c
            WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p')
              AND NOT c.relispartition AND c.relname <> ? AND (? OR c.relname = ANY (?))
            ORDER BY c.relname
            """;

    private static final String COLUMNS = """
            SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
                   pg_get_expr(d.adbin, d.adrelid), a.attidentity, a.attgenerated
            FROM pg_attribute a
            JOIN pg_class c ON c.oid = a.attrelid
            LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p')
              AND NOT c.relispartition AND c.relname <> ? AND (? OR c.relname = ANY (?))
              AND a.attnum > 0 AND NOT a.attisdropped
            ORDER BY c.relname, a.attnum
            """;

    private static final String CONSTRAINTS = """
            SELECT c.relname, con.conname, con.contype,
                   array(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(num, ord)
                         JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.num ORDER BY k.ord),
                   fc.relname,
                   array(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(num, ord)
                         JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num ORDER BY k.ord),
                   con.confdeltype, pg_get_constraintdef(con.oid)
            FROM pg_constraint con
            JOIN pg_class c ON c.oid = con.conrelid
            LEFT JOIN pg_class fc ON fc.oid = con.confrelid
            WHERE c.relnamespace = current_schema()::regnamespace AND c.relname <> ?
              AND (? OR c.relname = ANY (?))
            ORDER BY c.relname, con.conname
            """;

    private static final String INDEXES = """
            SELECT t.relname, i.relname, ix.indisunique,
                   array(SELECT a.attname FROM unnest(ix.indkey::int2[]) WITH ORDINALITY k(num, ord)
                         JOIN pg_attribute a ON a.attrelid = ix.indrelid AND a.attnum = k.num ORDER BY k.ord),
                   array(SELECT (o & 1) = 1 FROM unnest(ix.indoption::int2[]) WITH ORDINALITY k(o, ord)
                         ORDER BY k.ord),
                   ix.indexprs IS NOT NULL OR ix.indpred IS NOT NULL OR 0 = ANY (ix.indkey::int2[]),
                   pg_get_indexdef(ix.indexrelid)
            FROM pg_index ix
            JOIN pg_class i ON i.oid = ix.indexrelid
            JOIN pg_class t ON t.oid = ix.indrelid
            WHERE t.relnamespace = current_schema()::regnamespace AND t.relkind IN ('r', 'p') AND t.relname <> ?
              AND (? OR t.relname = ANY (?))
              AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = ix.indexrelid
                              AND con.contype IN ('p', 'u', 'x'))
            ORDER BY t.relname, i.relname
            """;

    private static final String SEQUENCES = """
            SELECT c.relname, s.seqstart, s.seqincrement
            FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid
            WHERE c.relnamespace = current_schema()::regnamespace AND (? OR c.relname = ANY (?))
              AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                              AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i'))
            ORDER BY c.relname
            """;

    private static final String OTHER_OBJECTS = """
            SELECT 'view ' || viewname, definition FROM pg_views WHERE schemaname = current_schema()
            UNION ALL
            SELECT 'materialized view ' || matviewname, definition FROM pg_matviews
            WHERE schemaname = current_schema()
            UNION ALL
            SELECT 'function ' || p.oid::regprocedure::text, pg_get_functiondef(p.oid)
            FROM pg_proc p WHERE p.pronamespace = current_schema()::regnamespace AND p.prokind IN ('f', 'p')
            UNION ALL
            SELECT 'trigger ' || c.relname || '.' || t.tgname, pg_get_triggerdef(t.oid)
            FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
            WHERE c.relnamespace = current_schema()::regnamespace AND NOT t.tgisinternal
            UNION ALL
            SELECT 'type ' || t.typname, CASE t.typtype
                WHEN 'e' THEN 'enum (' || (SELECT string_agg(quote_literal(e.enumlabel), ', ' ORDER BY e.enumsortorder)
                                           FROM pg_enum e WHERE e.enumtypid = t.oid) || ')'
                WHEN 'd' THEN 'domain ' || format_type(t.typbasetype, t.typtypmod)
                ELSE 'composite' END
            FROM pg_type t
            WHERE t.typnamespace = current_schema()::regnamespace AND t.typtype IN ('e', 'd')
            """;

    private DatabaseSchemaReader() {
    }

    /**
     * Which part of a schema to read: some tables (with their columns, constraints and indexes), some free-standing
     * sequences, and the objects that belong to no table (views, functions, triggers, types), or all of it.
     *
     * @param tables the tables by name; null for all
     * @param sequences the sequences by name; null for all
     * @param otherObjects whether to read views, functions, triggers and types
     */
    record Scope(Set<String> tables, Set<String> sequences, boolean otherObjects) {

        static final Scope ALL = new Scope(null, null, true);

        Scope {
            tables = tables == null ? null : Set.copyOf(tables);
            sequences = sequences == null ? null : Set.copyOf(sequences);
        }

        boolean isEmpty() {
            return tables != null && tables.isEmpty() && sequences != null && sequences.isEmpty() && !otherObjects;
        }
    }

    public static SchemaSnapshot read(Connection connection) throws SQLException {
        return read(connection, Scope.ALL);
    }

    /** The part of the schema {@code scope} names, read with the same few queries as the whole. */
    static SchemaSnapshot read(Connection connection, Scope scope) throws SQLException {
        if (scope.isEmpty()) {
            return SchemaSnapshot.empty();
        }
        Map<String, String> other = new TreeMap<>();
        Map<String, TableDef> tables = new TreeMap<>();
        if (scope.tables() == null || !scope.tables().isEmpty()) {
            readTables(connection, scope.tables(), tables, other);
        }
        Map<String, SequenceDef> sequences = new TreeMap<>();
        if (scope.sequences() == null || !scope.sequences().isEmpty()) {
            readSequences(connection, scope.sequences(), sequences);
        }
        if (scope.otherObjects()) {
            try (PreparedStatement statement = connection.prepareStatement(OTHER_OBJECTS);
                    ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    other.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        return new SchemaSnapshot(new TreeMap<>(tables), new TreeMap<>(sequences), new TreeMap<>(other));
    }

    /** The tables named (all for null) with their columns, constraints and indexes; what is not compared to other. */
    private static void readTables(Connection connection, Set<String> names, Map<String, TableDef> tables,
            Map<String, String> other) throws SQLException {
        Map<String, List<ColumnDef>> columns = new LinkedHashMap<>();
        for (String table : strings(connection, TABLES, names)) {
            columns.put(table, new ArrayList<>());
        }
        try (PreparedStatement statement = prepare(connection, COLUMNS, names);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                String table = rows.getString(1);
                String generated = rows.getString(7);
                if (generated != null && !generated.isEmpty()) {
                    other.put("generated column " + table + "." + rows.getString(2), rows.getString(3) + " AS ("
                            + rows.getString(5) + ")");
                    continue;
                }
                columns.get(table).add(new ColumnDef(rows.getString(2), rows.getString(3), !rows.getBoolean(4),
                        rows.getString(5), identity(rows.getString(6))));
            }
        }
        Map<String, PrimaryKeyDef> primaryKeys = new TreeMap<>();
        Map<String, Map<String, UniqueDef>> uniques = new TreeMap<>();
        Map<String, Map<String, ForeignKeyDef>> foreignKeys = new TreeMap<>();
        try (PreparedStatement statement = prepare(connection, CONSTRAINTS, names);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                String table = rows.getString(1);
                String name = rows.getString(2);
                List<String> keyColumns = stringArray(rows.getArray(4));
                switch (rows.getString(3)) {
                    case "p" -> primaryKeys.put(table, new PrimaryKeyDef(name, keyColumns));
                    case "u" -> uniques.computeIfAbsent(table, t -> new TreeMap<>())
                            .put(name, new UniqueDef(name, keyColumns));
                    case "f" -> foreignKeys.computeIfAbsent(table, t -> new TreeMap<>())
                            .put(name, new ForeignKeyDef(name, keyColumns, rows.getString(5),
                                    stringArray(rows.getArray(6)), onDelete(rows.getString(7))));
                    default -> other.put("constraint " + table + "." + name, rows.getString(8));
                }
            }
        }
        Map<String, Map<String, IndexDef>> indexes = new TreeMap<>();
        try (PreparedStatement statement = prepare(connection, INDEXES, names);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                String table = rows.getString(1);
                String name = rows.getString(2);
                if (rows.getBoolean(6)) {
                    other.put("index " + name, rows.getString(7));
                    continue;
                }
                List<String> indexColumns = stringArray(rows.getArray(4));
                Boolean[] descending = (Boolean[]) rows.getArray(5).getArray();
                List<IndexDef.IndexColumn> definition = new ArrayList<>();
                for (int i = 0; i < indexColumns.size(); i++) {
                    definition.add(new IndexDef.IndexColumn(indexColumns.get(i), descending[i]));
                }
                indexes.computeIfAbsent(table, t -> new TreeMap<>())
                        .put(name, new IndexDef(name, definition, rows.getBoolean(3)));
            }
        }
        columns.forEach((table, tableColumns) -> tables.put(table, new TableDef(table, tableColumns,
                primaryKeys.get(table), new TreeMap<>(uniques.getOrDefault(table, Map.of())),
                new TreeMap<>(indexes.getOrDefault(table, Map.of())),
                new TreeMap<>(foreignKeys.getOrDefault(table, Map.of())))));
    }

    /** The free-standing sequences named (all for null). */
    private static void readSequences(Connection connection, Set<String> names, Map<String, SequenceDef> sequences)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SEQUENCES)) {
            within(statement, 1, names);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    sequences.put(rows.getString(1), new SequenceDef(rows.getString(1), rows.getLong(2),
                            rows.getLong(3)));
                }
            }
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Set<String> tables)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setString(1, HISTORY_TABLE);
        within(statement, 2, tables);
        return statement;
    }

    /** Binds the scope of a query: a flag for "all" at {@code index}, the names at the next parameter. */
    private static void within(PreparedStatement statement, int index, Set<String> names) throws SQLException {
        statement.setBoolean(index, names == null);
        statement.setArray(index + 1, statement.getConnection().createArrayOf("text",
                names == null ? new String[0] : names.toArray(String[]::new)));
    }

    private static List<String> strings(Connection connection, String sql, Set<String> tables) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement statement = prepare(connection, sql, tables); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static List<String> stringArray(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static ColumnDef.Identity identity(String code) {
        return switch (code == null ? "" : code) {
            case "d" -> ColumnDef.Identity.BY_DEFAULT;
            case "a" -> ColumnDef.Identity.ALWAYS;
            default -> ColumnDef.Identity.NONE;
        };
    }

    private static ForeignKeyDef.OnDelete onDelete(String code) {
        return switch (code == null ? "a" : code) {
            case "r" -> ForeignKeyDef.OnDelete.RESTRICT;
            case "c" -> ForeignKeyDef.OnDelete.CASCADE;
            case "n" -> ForeignKeyDef.OnDelete.SET_NULL;
            case "d" -> ForeignKeyDef.OnDelete.SET_DEFAULT;
            default -> ForeignKeyDef.OnDelete.NO_ACTION;
        };
    }
}
