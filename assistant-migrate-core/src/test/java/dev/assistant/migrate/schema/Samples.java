package dev.assistant.migrate.schema;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Schema objects for unit tests, small and named after The Assistant's own. */
final class Samples {

    private Samples() {
    }

    static ColumnDef id() {
        return new ColumnDef("id", "integer", false, null, ColumnDef.Identity.BY_DEFAULT);
    }

    /** An integer id column generated as given ({@code serial}: drawing from {@code <table>_id_seq}). */
    static ColumnDef id(String table, ColumnDef.Identity identity) {
        return new ColumnDef("id", "integer", false, identity == ColumnDef.Identity.SERIAL
                ? "nextval('" + table + "_id_seq'::regclass)" : null, identity);
    }

    static ColumnDef column(String name, String type, boolean nullable) {
        return new ColumnDef(name, type, nullable, null, ColumnDef.Identity.NONE);
    }

    static TableDef users() {
        return new TableDef("users", List.of(id(), column("username", "character varying(255)", true),
                new ColumnDef("created_at", "timestamp(6) with time zone", false, "now()", ColumnDef.Identity.NONE)),
                new PrimaryKeyDef("users_pkey", List.of("id")),
                new TreeMap<>(Map.of("uq_users_username", new UniqueDef("uq_users_username", List.of("username")))),
                new TreeMap<>(), new TreeMap<>());
    }

    static TableDef tasks() {
        ForeignKeyDef fk = new ForeignKeyDef("fk_tasks_user_id", List.of("user_id"), "users", List.of("id"),
                ForeignKeyDef.OnDelete.CASCADE);
        IndexDef index = new IndexDef("ix_tasks_user_id", List.of(new IndexDef.IndexColumn("user_id", false)), false);
        return new TableDef("tasks", List.of(id(), column("user_id", "integer", false), column("schedule",
                "character varying(255)", false)), new PrimaryKeyDef("tasks_pkey", List.of("id")), new TreeMap<>(),
                new TreeMap<>(Map.of(index.name(), index)), new TreeMap<>(Map.of(fk.name(), fk)));
    }

    static SchemaSnapshot schema(TableDef... tables) {
        TreeMap<String, TableDef> map = new TreeMap<>();
        for (TableDef table : tables) {
            map.put(table.name(), table);
        }
        return new SchemaSnapshot(map, null, null);
    }

    static TableDef withColumns(TableDef table, List<ColumnDef> columns) {
        return new TableDef(table.name(), columns, table.primaryKey(), table.uniques(), table.indexes(),
                table.foreignKeys());
    }
}
