package dev.assistant.migrate.schema;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads schemas from {@code pg_catalog}: tables and their columns, keys, unique and check constraints, indexes and
 * foreign keys, free-standing sequences, installed extensions, and as definition text what autogenerate does not
 * compare (views, functions, triggers, types, exclusion constraints, expression and partial indexes). Objects that
 * belong to an extension are the extension's, and left out; so is the schema history table.
 *
 * <p>Tables and sequences of the connection's own schema are keyed by their name, those of other schemas by
 * {@code schema.name} ({@link SqlNames#key}). A serial column (a default drawn from a sequence the column owns) is
 * {@link ColumnDef.Identity#SERIAL}.
 */
public final class DatabaseSchemaReader {

    static final String HISTORY_TABLE = "flyway_schema_history";

    /** The objects of an extension: left out, the extension stands for them. */
    private static final String NOT_EXTENSION_MEMBER = """
            NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = %s AND e.objid = %s AND e.deptype = 'e')""";

    private static final String TABLES = """
            SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = ANY (?) AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relname <> ?
              AND (? OR c.relname = ANY (?)) AND %s
            ORDER BY n.nspname, c.relname
            """.formatted(NOT_EXTENSION_MEMBER.formatted("'pg_class'::regclass", "c.oid"));

    private static final String COLUMNS = """
            SELECT n.nspname, c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
                   pg_get_expr(d.adbin, d.adrelid), a.attidentity, a.attgenerated,
                   EXISTS (SELECT 1 FROM pg_depend dep JOIN pg_class s ON s.oid = dep.objid AND s.relkind = 'S'
                           WHERE dep.classid = 'pg_class'::regclass AND dep.refobjid = a.attrelid
                             AND dep.refobjsubid = a.attnum AND dep.deptype = 'a'
                             AND pg_get_expr(d.adbin, d.adrelid) = format('nextval(%L::regclass)', s.oid::regclass::text))
            FROM pg_attribute a
            JOIN pg_class c ON c.oid = a.attrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            WHERE n.nspname = ANY (?) AND c.relkind IN ('r', 'p')
              AND NOT c.relispartition AND c.relname <> ? AND (? OR c.relname = ANY (?))
              AND a.attnum > 0 AND NOT a.attisdropped
            ORDER BY n.nspname, c.relname, a.attnum
            """;

    private static final String CONSTRAINTS = """
            SELECT n.nspname, c.relname, con.conname, con.contype,
                   array(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(num, ord)
                         JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.num ORDER BY k.ord),
                   fn.nspname, fc.relname,
                   array(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(num, ord)
                         JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num ORDER BY k.ord),
                   con.confdeltype, pg_get_constraintdef(con.oid)
            FROM pg_constraint con
            JOIN pg_class c ON c.oid = con.conrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_class fc ON fc.oid = con.confrelid
            LEFT JOIN pg_namespace fn ON fn.oid = fc.relnamespace
            WHERE n.nspname = ANY (?) AND c.relname <> ? AND (? OR c.relname = ANY (?))
            ORDER BY n.nspname, c.relname, con.conname
            """;

    private static final String INDEXES = """
            SELECT n.nspname, t.relname, i.relname, ix.indisunique,
                   array(SELECT a.attname FROM unnest(ix.indkey::int2[]) WITH ORDINALITY k(num, ord)
                         JOIN pg_attribute a ON a.attrelid = ix.indrelid AND a.attnum = k.num ORDER BY k.ord),
                   array(SELECT (o & 1) = 1 FROM unnest(ix.indoption::int2[]) WITH ORDINALITY k(o, ord)
                         ORDER BY k.ord),
                   ix.indexprs IS NOT NULL OR ix.indpred IS NOT NULL OR 0 = ANY (ix.indkey::int2[]),
                   pg_get_indexdef(ix.indexrelid)
            FROM pg_index ix
            JOIN pg_class i ON i.oid = ix.indexrelid
            JOIN pg_class t ON t.oid = ix.indrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE n.nspname = ANY (?) AND t.relkind IN ('r', 'p') AND t.relname <> ? AND (? OR t.relname = ANY (?))
              AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = ix.indexrelid
                              AND con.contype IN ('p', 'u', 'x'))
            ORDER BY n.nspname, t.relname, i.relname
            """;

    private static final String SEQUENCES = """
            SELECT n.nspname, c.relname, s.seqstart, s.seqincrement
            FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = ANY (?) AND (? OR c.relname = ANY (?))
              AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                              AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i'))
              AND %s
            ORDER BY n.nspname, c.relname
            """.formatted(NOT_EXTENSION_MEMBER.formatted("'pg_class'::regclass", "c.oid"));

    private static final String OTHER_OBJECTS = """
            SELECT 'view ' || schemaname || '.' || viewname, definition FROM pg_views WHERE schemaname = ANY (?1)
            UNION ALL
            SELECT 'materialized view ' || schemaname || '.' || matviewname, definition FROM pg_matviews
            WHERE schemaname = ANY (?1)
            UNION ALL
            SELECT 'function ' || p.oid::regprocedure::text, pg_get_functiondef(p.oid)
            FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE n.nspname = ANY (?1) AND p.prokind IN ('f', 'p') AND %s
            UNION ALL
            SELECT 'trigger ' || c.oid::regclass::text || '.' || t.tgname, pg_get_triggerdef(t.oid)
            FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = ANY (?1) AND NOT t.tgisinternal
            UNION ALL
            SELECT 'type ' || t.oid::regtype::text, CASE t.typtype
                WHEN 'e' THEN 'enum (' || (SELECT string_agg(quote_literal(e.enumlabel), ', ' ORDER BY e.enumsortorder)
                                           FROM pg_enum e WHERE e.enumtypid = t.oid) || ')'
                WHEN 'd' THEN 'domain ' || format_type(t.typbasetype, t.typtypmod)
                ELSE 'composite' END
            FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
            WHERE n.nspname = ANY (?1) AND t.typtype IN ('e', 'd') AND %s
            """.formatted(NOT_EXTENSION_MEMBER.formatted("'pg_proc'::regclass", "p.oid"),
            NOT_EXTENSION_MEMBER.formatted("'pg_type'::regclass", "t.oid")).replace("?1", "?");

    private static final String USER_SCHEMAS = """
            SELECT n.nspname FROM pg_namespace n
            WHERE n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'
              AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_namespace'::regclass
                              AND e.objid = n.oid AND e.deptype = 'e')
            ORDER BY n.nspname
            """;

    private DatabaseSchemaReader() {
    }

    /**
     * Which part of the connection's own schema to read: some tables (with their columns, constraints and indexes),
     * some free-standing sequences, and the objects that belong to no table (views, functions, triggers, types) and
     * the extensions, or all of every schema a user made.
     *
     * @param tables the tables by name; null for all
     * @param sequences the sequences by name; null for all
     * @param otherObjects whether to read views, functions, triggers, types and extensions
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

    /** Every schema of the database a user made (its own and the others), and the extensions. */
    public static SchemaSnapshot read(Connection connection) throws SQLException {
        return read(connection, Scope.ALL);
    }

    /** The connection's own schema and, of {@code schemas}, those that exist; and the extensions. */
    public static SchemaSnapshot read(Connection connection, Collection<String> schemas) throws SQLException {
        return read(connection, schemas, Scope.ALL);
    }

    /**
     * The part of the schema {@code scope} names, read with the same few queries as the whole: for {@link Scope#ALL}
     * every schema a user made, for a narrower scope the connection's own schema only.
     */
    static SchemaSnapshot read(Connection connection, Scope scope) throws SQLException {
        if (scope.isEmpty()) {
            return SchemaSnapshot.empty();
        }
        return read(connection, scope == Scope.ALL ? strings(connection, USER_SCHEMAS, List.of()) : List.of(), scope);
    }

    private static SchemaSnapshot read(Connection connection, Collection<String> schemas, Scope scope)
            throws SQLException {
        String current = strings(connection, "SELECT current_schema()", List.of()).get(0);
        Set<String> names = new LinkedHashSet<>();
        names.add(current);
        names.addAll(schemas);
        List<String> existing = strings(connection,
                "SELECT nspname FROM pg_namespace WHERE nspname = ANY (?) ORDER BY nspname", List.of(names));
        Object[] read = existing.toArray();

        Set<String> tableNames = scope.tables();
        Map<String, List<ColumnDef>> columns = new LinkedHashMap<>();
        Map<String, String> other = new TreeMap<>();
        Map<String, PrimaryKeyDef> primaryKeys = new TreeMap<>();
        Map<String, Map<String, UniqueDef>> uniques = new TreeMap<>();
        Map<String, Map<String, ForeignKeyDef>> foreignKeys = new TreeMap<>();
        Map<String, Map<String, CheckDef>> checks = new TreeMap<>();
        Map<String, Map<String, IndexDef>> indexes = new TreeMap<>();
        if (tableNames == null || !tableNames.isEmpty()) {
            try (PreparedStatement statement = prepare(connection, TABLES, read, tableNames);
                    ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    columns.put(key(rows.getString(1), rows.getString(2), current), new ArrayList<>());
                }
            }
            try (PreparedStatement statement = prepare(connection, COLUMNS, read, tableNames);
                    ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String table = key(rows.getString(1), rows.getString(2), current);
                    String generated = rows.getString(8);
                    if (!columns.containsKey(table)) {
                        continue;
                    }
                    if (generated != null && !generated.isEmpty()) {
                        other.put("generated column " + table + "." + rows.getString(3), rows.getString(4) + " AS ("
                                + rows.getString(6) + ")");
                        continue;
                    }
                    ColumnDef.Identity identity = rows.getBoolean(9) ? ColumnDef.Identity.SERIAL
                            : identity(rows.getString(7));
                    columns.get(table).add(new ColumnDef(rows.getString(3), rows.getString(4), !rows.getBoolean(5),
                            rows.getString(6), identity));
                }
            }
            try (PreparedStatement statement = prepare(connection, CONSTRAINTS, read, tableNames);
                    ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String table = key(rows.getString(1), rows.getString(2), current);
                    String name = rows.getString(3);
                    List<String> keyColumns = stringArray(rows.getArray(5));
                    switch (rows.getString(4)) {
                        case "p" -> primaryKeys.put(table, new PrimaryKeyDef(name, keyColumns));
                        case "u" -> uniques.computeIfAbsent(table, t -> new TreeMap<>())
                                .put(name, new UniqueDef(name, keyColumns));
                        case "f" -> foreignKeys.computeIfAbsent(table, t -> new TreeMap<>())
                                .put(name, new ForeignKeyDef(name, keyColumns,
                                        key(rows.getString(6), rows.getString(7), current),
                                        stringArray(rows.getArray(8)), onDelete(rows.getString(9))));
                        case "c" -> checks.computeIfAbsent(table, t -> new TreeMap<>())
                                .put(name, new CheckDef(name, rows.getString(10)));
                        default -> other.put("constraint " + table + "." + name, rows.getString(10));
                    }
                }
            }
            try (PreparedStatement statement = prepare(connection, INDEXES, read, tableNames);
                    ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String table = key(rows.getString(1), rows.getString(2), current);
                    String name = rows.getString(3);
                    if (rows.getBoolean(7)) {
                        other.put("index " + SqlNames.key(SqlNames.schemaOf(table), name), rows.getString(8));
                        continue;
                    }
                    List<String> indexColumns = stringArray(rows.getArray(5));
                    Boolean[] descending = (Boolean[]) rows.getArray(6).getArray();
                    List<IndexDef.IndexColumn> definition = new ArrayList<>();
                    for (int i = 0; i < indexColumns.size(); i++) {
                        definition.add(new IndexDef.IndexColumn(indexColumns.get(i), descending[i]));
                    }
                    indexes.computeIfAbsent(table, t -> new TreeMap<>())
                            .put(name, new IndexDef(name, definition, rows.getBoolean(4)));
                }
            }
        }
        Map<String, SequenceDef> sequences = new TreeMap<>();
        if (scope.sequences() == null || !scope.sequences().isEmpty()) {
            try (PreparedStatement statement = connection.prepareStatement(SEQUENCES)) {
                statement.setArray(1, connection.createArrayOf("text", read));
                within(statement, 2, scope.sequences());
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        String name = key(rows.getString(1), rows.getString(2), current);
                        sequences.put(name, new SequenceDef(name, rows.getLong(3), rows.getLong(4)));
                    }
                }
            }
        }
        Set<String> extensions = new TreeSet<>();
        if (scope.otherObjects()) {
            try (PreparedStatement statement = connection.prepareStatement(OTHER_OBJECTS)) {
                for (int i = 1; i <= 5; i++) {
                    statement.setArray(i, connection.createArrayOf("text", read));
                }
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        other.put(rows.getString(1), rows.getString(2));
                    }
                }
            }
            extensions.addAll(strings(connection, "SELECT extname FROM pg_extension WHERE extname <> 'plpgsql'",
                    List.of()));
        }
        Map<String, TableDef> tables = new TreeMap<>();
        columns.forEach((table, tableColumns) -> tables.put(table, new TableDef(table, tableColumns,
                primaryKeys.get(table), new TreeMap<>(uniques.getOrDefault(table, Map.of())),
                new TreeMap<>(indexes.getOrDefault(table, Map.of())),
                new TreeMap<>(foreignKeys.getOrDefault(table, Map.of())),
                new TreeMap<>(checks.getOrDefault(table, Map.of())))));
        Set<String> otherSchemas = new TreeSet<>(existing);
        otherSchemas.remove(current);
        return new SchemaSnapshot(new TreeMap<>(tables), new TreeMap<>(sequences), new TreeMap<>(other),
                new TreeSet<>(otherSchemas), new TreeSet<>(extensions));
    }

    private static String key(String schema, String name, String current) {
        return SqlNames.key(current.equals(schema) ? null : schema, name);
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object[] schemas, Set<String> tables)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setArray(1, connection.createArrayOf("text", schemas));
        statement.setString(2, HISTORY_TABLE);
        within(statement, 3, tables);
        return statement;
    }

    /** Binds the scope of a query: a flag for "all" at {@code index}, the names at the next parameter. */
    private static void within(PreparedStatement statement, int index, Set<String> names) throws SQLException {
        statement.setBoolean(index, names == null);
        statement.setArray(index + 1, statement.getConnection().createArrayOf("text",
                names == null ? new String[0] : names.toArray(String[]::new)));
    }

    private static List<String> strings(Connection connection, String sql, List<Collection<String>> arrays)
            throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < arrays.size(); i++) {
                statement.setArray(i + 1, connection.createArrayOf("text", arrays.get(i).toArray()));
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
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
