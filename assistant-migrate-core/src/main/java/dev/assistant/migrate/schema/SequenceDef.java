package dev.assistant.migrate.schema;

/**
 * A sequence that no column owns (identity and serial sequences belong to their column).
 *
 * @param name the sequence name (schema-qualified outside the default schema)
 * @param start its START WITH
 * @param increment its INCREMENT BY: for a Hibernate sequence generator, the allocation size
 * @param feeds the id column whose values Hibernate draws from it, or null (model only: the catalog does not know)
 */
public record SequenceDef(String name, long start, long increment, ColumnRef feeds) {

    /** A column of a table. */
    public record ColumnRef(String table, String column) {
    }

    public SequenceDef(String name, long start, long increment) {
        this(name, start, increment, null);
    }

    /** Whether the sequence itself is the same: start and increment, whatever the model knows about its use. */
    public boolean sameAs(SequenceDef other) {
        return other != null && name.equals(other.name) && start == other.start && increment == other.increment;
    }
}
