package dev.assistant.migrate.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.List;

/**
 * Flyway's schema history table as the engine writes it: created with Flyway's own definition for PostgreSQL, one row
 * per applied migration with the values Flyway's migrate writes (rank after the highest, its checksum, the user who
 * applied it, the time it took), and that row removed when downgrade undoes the migration. Flyway's own tools read it
 * as theirs.
 */
final class HistoryTable {

    /** Kept as Flyway names it, so that Flyway's own tools still work. */
    static final String NAME = "flyway_schema_history";

    /** The columns Flyway reads, in its order. */
    static final List<String> COLUMNS = List.of("installed_rank", "version", "description", "type", "script",
            "checksum", "installed_by", "installed_on", "execution_time", "success");

    /** How many values a row takes ({@link #insert(String, List)}). */
    static final int INSERTED_VALUES = 8;

    /** Flyway's limits, past which it shortens what it writes. */
    private static final int DESCRIPTION_LENGTH = 200;
    private static final int SCRIPT_LENGTH = 1000;

    private final String schema;
    private final String qualified;

    HistoryTable(String schema) {
        this.schema = schema;
        this.qualified = SqlIdentifiers.qualify(schema, NAME);
    }

    String schema() {
        return schema;
    }

    /** {@code "public"."flyway_schema_history"}. */
    String qualified() {
        return qualified;
    }

    /** Flyway's definition of the table for PostgreSQL, statement by statement. */
    List<String> createStatements() {
        return List.of("""
                CREATE TABLE %s (
                    "installed_rank" INT NOT NULL,
                    "version" VARCHAR(50),
                    "description" VARCHAR(200) NOT NULL,
                    "type" VARCHAR(20) NOT NULL,
                    "script" VARCHAR(1000) NOT NULL,
                    "checksum" INTEGER,
                    "installed_by" VARCHAR(100) NOT NULL,
                    "installed_on" TIMESTAMP NOT NULL DEFAULT now(),
                    "execution_time" INTEGER NOT NULL,
                    "success" BOOLEAN NOT NULL
                )""".formatted(qualified),
                "ALTER TABLE " + qualified + " ADD CONSTRAINT " + SqlIdentifiers.quote(NAME + "_pk")
                        + " PRIMARY KEY (\"installed_rank\")",
                "CREATE INDEX " + SqlIdentifiers.quote(NAME + "_s_idx") + " ON " + qualified + " (\"success\")");
    }

    /** Whether the table exists, and whether the schema holds anything at all (as Flyway counts objects). */
    record Presence(boolean exists, boolean schemaEmpty) {
    }

    Presence presence(Connection connection) throws SQLException {
        // Flyway's test for an empty schema: no table, view, sequence, type or function that is not an extension's.
        String sql = """
                SELECT to_regclass(?) IS NOT NULL, NOT EXISTS (
                    SELECT c.oid FROM pg_catalog.pg_class c
                    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                    LEFT JOIN pg_catalog.pg_depend d ON d.objid = c.oid AND d.deptype = 'e'
                    WHERE n.nspname = ? AND d.objid IS NULL AND c.relkind IN ('r', 'v', 'S', 't')
                  UNION ALL
                    SELECT t.oid FROM pg_catalog.pg_type t
                    JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
                    LEFT JOIN pg_catalog.pg_depend d ON d.objid = t.oid AND d.deptype = 'e'
                    WHERE n.nspname = ? AND d.objid IS NULL AND t.typcategory NOT IN ('A', 'C')
                  UNION ALL
                    SELECT p.oid FROM pg_catalog.pg_proc p
                    JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
                    LEFT JOIN pg_catalog.pg_depend d ON d.objid = p.oid AND d.deptype = 'e'
                    WHERE n.nspname = ? AND d.objid IS NULL)
                """;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, qualified);
            statement.setString(2, schema);
            statement.setString(3, schema);
            statement.setString(4, schema);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return new Presence(result.getBoolean(1), result.getBoolean(2));
            }
        }
    }

    /** The highest installed rank, 0 when the table is empty: where the next row's rank follows on. */
    int newestRank(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT coalesce(max(\"installed_rank\"), 0) FROM "
                        + qualified)) {
            result.next();
            return result.getInt(1);
        }
    }

    /**
     * The row of an applied migration, written only while {@code guard} holds (an SQL condition: the migration lock
     * is still this session's). Parameters: version, description, type, script, checksum, installed_by,
     * execution_time, success. Returns the rank and time of the new row, or no row when the guard failed.
     */
    String insert(String guard) {
        return insert(guard, Collections.nCopies(INSERTED_VALUES, "?"))
                + " RETURNING \"installed_rank\", \"installed_on\"";
    }

    /**
     * The same row as {@link #insert(String)}, with the values as SQL expressions instead of parameters: version,
     * description, type, script, checksum, installed_by, execution_time, success. What a script of the run writes.
     */
    String insert(String guard, List<String> values) {
        if (values.size() != INSERTED_VALUES) {
            throw new IllegalArgumentException("a history row takes " + INSERTED_VALUES + " values: " + values);
        }
        return "INSERT INTO " + qualified + " (\"installed_rank\", \"version\", \"description\", \"type\","
                + " \"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\")"
                + " SELECT coalesce(max(\"installed_rank\"), 0) + 1, " + String.join(", ", values) + " FROM "
                + qualified + " HAVING " + guard;
    }

    /**
     * Removes the row of an undone migration, only while {@code guard} holds. Parameters: installed_rank, version.
     */
    String delete(String guard) {
        return "DELETE FROM " + qualified + " WHERE \"installed_rank\" = ? AND \"version\" = ? AND \"success\" AND "
                + guard;
    }

    /** A description as Flyway writes it: at most 200 characters, a longer one cut with "...". */
    static String description(String description) {
        return description.length() <= DESCRIPTION_LENGTH ? description
                : description.substring(0, DESCRIPTION_LENGTH - 3) + "...";
    }

    /** A script name as Flyway writes it: at most 1000 characters, a longer one with "..." for its start. */
    static String script(String script) {
        return script.length() <= SCRIPT_LENGTH ? script : "..." + script.substring(3, SCRIPT_LENGTH);
    }
}
