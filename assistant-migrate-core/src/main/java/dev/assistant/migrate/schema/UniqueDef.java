package dev.assistant.migrate.schema;

import java.util.List;

/**
 * A unique constraint: its name and columns in order.
 *
 * @param implicitName true when the model gave it no name ({@code @Column(unique = true)}, {@code @OneToOne},
 *     {@code @NaturalId}, an unnamed {@code @UniqueConstraint}): a unique constraint on the same columns under
 *     another name is the same constraint
 */
public record UniqueDef(String name, List<String> columns, boolean implicitName) {

    public UniqueDef {
        columns = List.copyOf(columns);
    }

    public UniqueDef(String name, List<String> columns) {
        this(name, columns, false);
    }
}
