package dev.assistant.migrate.schema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What a step of the replay changed in the catalog, found without reading the whole schema: the objects whose catalog
 * rows the step's transaction wrote (PostgreSQL stamps every row version with the transaction that wrote it,
 * {@code xmin}), and, for what was dropped, the names in the schema set against those before. So each step reads
 * only what it touched, in a constant number of queries, whatever the size of the schema.
 */
final class CatalogChanges {

    /**
     * The relations of the schema whose catalog rows the open transaction wrote (its own and its subtransactions'
     * rows: their {@code xmin} is at least its id), and a row {@code o} when it wrote a function, type or trigger.
     */
    private static final String WRITTEN = """
            WITH since AS MATERIALIZED (SELECT age((txid_current() % 4294967296)::text::xid) AS age),
            written AS (
                SELECT oid AS rel FROM pg_class WHERE age(xmin) <= (SELECT age FROM since)
                UNION ALL SELECT attrelid FROM pg_attribute WHERE age(xmin) <= (SELECT age FROM since)
                UNION ALL SELECT adrelid FROM pg_attrdef WHERE age(xmin) <= (SELECT age FROM since)
                UNION ALL SELECT conrelid FROM pg_constraint WHERE age(xmin) <= (SELECT age FROM since)
                UNION ALL SELECT indrelid FROM pg_index WHERE age(xmin) <= (SELECT age FROM since)
                UNION ALL SELECT i.indrelid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
                          WHERE age(c.xmin) <= (SELECT age FROM since)
                UNION ALL SELECT seqrelid FROM pg_sequence WHERE age(xmin) <= (SELECT age FROM since)
                UNION ALL SELECT objid FROM pg_depend WHERE classid = 'pg_class'::regclass
                          AND age(xmin) <= (SELECT age FROM since)
                UNION ALL SELECT ev_class FROM pg_rewrite WHERE age(xmin) <= (SELECT age FROM since)
                UNION ALL SELECT tgrelid FROM pg_trigger WHERE age(xmin) <= (SELECT age FROM since)
            )
            SELECT DISTINCT 'w', c.relkind::text, c.relname, '' FROM written w JOIN pg_class c ON c.oid = w.rel
            WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p', 'S', 'v', 'm')
            UNION ALL
            SELECT 'w', 'o', '', '' WHERE EXISTS (
                SELECT 1 FROM pg_proc WHERE age(xmin) <= (SELECT age FROM since)
                  AND pronamespace = current_schema()::regnamespace
                UNION ALL SELECT 1 FROM pg_type WHERE age(xmin) <= (SELECT age FROM since)
                  AND typnamespace = current_schema()::regnamespace AND typtype IN ('e', 'd')
                UNION ALL SELECT 1 FROM pg_enum WHERE age(xmin) <= (SELECT age FROM since)
                UNION ALL SELECT 1 FROM pg_trigger WHERE age(xmin) <= (SELECT age FROM since) AND NOT tgisinternal)
            """;

    /** Every name in the schema a drop could take away, with the table it belongs to. */
    private static final String INVENTORY = """
            SELECT CASE WHEN c.relkind IN ('r', 'p') THEN 't' WHEN c.relkind = 'S' THEN 's'
                        WHEN c.relkind = 'i' THEN 'i' ELSE 'o' END, c.relname, coalesce(t.relname, '')
            FROM pg_class c
            LEFT JOIN pg_index ix ON ix.indexrelid = c.oid
            LEFT JOIN pg_class t ON t.oid = ix.indrelid
            WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p', 'S', 'i', 'v', 'm')
            UNION ALL
            SELECT 'c', con.conname, c.relname FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid
            WHERE c.relnamespace = current_schema()::regnamespace
            UNION ALL
            SELECT 'o', p.oid::regprocedure::text, '' FROM pg_proc p
            WHERE p.pronamespace = current_schema()::regnamespace
            UNION ALL
            SELECT 'o', t.tgname, c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
            WHERE c.relnamespace = current_schema()::regnamespace AND NOT t.tgisinternal
            UNION ALL
            SELECT 'o', t.typname, '' FROM pg_type t
            WHERE t.typnamespace = current_schema()::regnamespace AND t.typtype IN ('e', 'd')
            """;

    private CatalogChanges() {
    }

    /** A name in the schema: {@code kind} is t(able), s(equence), i(ndex), c(onstraint) or o(ther). */
    record Entry(char kind, String name, String table) {
    }

    /** The names in the schema now, each with the table it belongs to (empty for none). */
    static Set<Entry> inventory(Connection connection) throws SQLException {
        Set<Entry> entries = new HashSet<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(INVENTORY)) {
            while (rows.next()) {
                entries.add(new Entry(rows.getString(1).charAt(0), rows.getString(2), rows.getString(3)));
            }
        }
        return entries;
    }

    /**
     * What the open transaction changed, read in one query: the names in the schema now, and the part of the schema
     * to read to see the change — the tables and sequences whose catalog rows it wrote, those that held a name in
     * {@code before} that is gone now, and the objects of no table when any of them was written or is gone.
     *
     * @param before the names in the schema when the transaction began
     */
    static Change ofTransaction(Connection connection, Set<Entry> before) throws SQLException {
        Set<String> tables = new HashSet<>();
        Set<String> sequences = new HashSet<>();
        boolean others = false;
        Set<Entry> now = new HashSet<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(WRITTEN + " UNION ALL SELECT 'n', * FROM (" + INVENTORY
                        + ") inventory")) {
            while (rows.next()) {
                String kind = rows.getString(2);
                if (rows.getString(1).equals("n")) {
                    now.add(new Entry(kind.charAt(0), rows.getString(3), rows.getString(4)));
                    continue;
                }
                switch (kind) {
                    case "r", "p" -> tables.add(rows.getString(3));
                    case "S" -> sequences.add(rows.getString(3));
                    default -> others = true;
                }
            }
        }
        for (Entry gone : before) {
            if (now.contains(gone)) {
                continue;
            }
            switch (gone.kind()) {
                case 't' -> tables.add(gone.name());
                case 's' -> sequences.add(gone.name());
                case 'i', 'c' -> tables.add(gone.table());
                default -> others = true;
            }
        }
        return new Change(now, new DatabaseSchemaReader.Scope(tables, sequences, others));
    }

    /**
     * What a transaction changed.
     *
     * @param now the names in the schema after it
     * @param scope the part of the schema that shows the change
     */
    record Change(Set<Entry> now, DatabaseSchemaReader.Scope scope) {
    }

    /** Of the names in {@code now}, those not in {@code before}, by name: what a step created. */
    static Map<String, Entry> created(Set<Entry> before, Set<Entry> now) {
        Map<String, Entry> created = new LinkedHashMap<>();
        for (Entry entry : now) {
            if (!before.contains(entry)) {
                created.put(entry.name(), entry);
            }
        }
        return created;
    }
}
