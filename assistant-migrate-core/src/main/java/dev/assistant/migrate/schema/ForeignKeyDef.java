package dev.assistant.migrate.schema;

import java.util.List;

/**
 * A foreign key.
 *
 * @param name the constraint name
 * @param columns the referencing columns
 * @param referencedTable the table referred to
 * @param referencedColumns its columns, in the same order
 * @param onDelete what deleting a referenced row does
 * @param implicitName true when the model gave it no name (Hibernate then makes one up)
 */
public record ForeignKeyDef(String name, List<String> columns, String referencedTable, List<String> referencedColumns,
        OnDelete onDelete, boolean implicitName) {

    /** The ON DELETE actions, as SQL spells them. */
    public enum OnDelete {
        NO_ACTION("NO ACTION"), RESTRICT("RESTRICT"), CASCADE("CASCADE"), SET_NULL("SET NULL"),
        SET_DEFAULT("SET DEFAULT");

        private final String sql;

        OnDelete(String sql) {
            this.sql = sql;
        }

        public String sql() {
            return sql;
        }
    }

    public ForeignKeyDef {
        columns = List.copyOf(columns);
        referencedColumns = List.copyOf(referencedColumns);
        onDelete = onDelete == null ? OnDelete.NO_ACTION : onDelete;
    }

    public ForeignKeyDef(String name, List<String> columns, String referencedTable, List<String> referencedColumns,
            OnDelete onDelete) {
        this(name, columns, referencedTable, referencedColumns, onDelete, false);
    }
}
