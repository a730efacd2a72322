package dev.assistant.migrate.engine;

/** PostgreSQL identifier quoting, for the few names the engine itself writes into SQL. */
public final class SqlIdentifiers {

    private SqlIdentifiers() {
    }

    /** {@code my"table} becomes {@code "my""table"}: always quoted, so any name is taken literally. */
    public static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** {@code "schema"."table"}. */
    public static String qualify(String schema, String name) {
        return quote(schema) + "." + quote(name);
    }
}
