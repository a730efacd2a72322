package dev.assistant.migrate.schema;

/**
 * What the rows that exist get when a column becomes NOT NULL: its default, {@code 0} for a version column (where
 * Hibernate starts), or a placeholder of its type that the author must replace with the value the rows should have.
 *
 * @param expression the SQL value
 * @param placeholder true when it is a made-up value to review
 */
record Backfill(String expression, boolean placeholder) {

    /** The script's marker on a made-up value; also how a review finds them. */
    static final String MARKER = "PLACEHOLDER";

    /** For a column added NOT NULL; null when the rows need nothing (it has a default, or generates its values). */
    static Backfill whenAdded(ColumnDef column) {
        if (column.nullable() || column.defaultExpression() != null || column.identity() != ColumnDef.Identity.NONE) {
            return null;
        }
        return ofType(column);
    }

    /** For a column that stops allowing NULL; null when it cannot hold NULL anyway. */
    static Backfill whenForbidden(ColumnDef column) {
        if (column.identity() != ColumnDef.Identity.NONE) {
            return null;
        }
        if (column.defaultExpression() != null) {
            return new Backfill("DEFAULT", false);
        }
        return ofType(column);
    }

    private static Backfill ofType(ColumnDef column) {
        if (column.version()) {
            return new Backfill("0", false);
        }
        return new Backfill(PostgresTypes.placeholder(column.type()), true);
    }

    /** The line {@code create} prints. */
    String warning(String table, String column, String rows) {
        return "Review the " + MARKER + " in the script: " + rows + " get " + expression + " in " + table + "."
                + column + " so that it can be NOT NULL; write the value they should have.";
    }
}
