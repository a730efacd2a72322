package dev.assistant.migrate.schema;

import java.util.List;

/**
 * An index that is not the backing of a constraint.
 *
 * @param name the index name
 * @param columns the indexed columns in order, each ascending or descending
 * @param unique whether it is a unique index
 * @param implicitName true when the model gave it no name (Hibernate then makes one up)
 */
public record IndexDef(String name, List<IndexColumn> columns, boolean unique, boolean implicitName) {

    /** One column of an index and its direction. */
    public record IndexColumn(String name, boolean descending) {
    }

    public IndexDef {
        columns = List.copyOf(columns);
    }

    public IndexDef(String name, List<IndexColumn> columns, boolean unique) {
        this(name, columns, unique, false);
    }
}
