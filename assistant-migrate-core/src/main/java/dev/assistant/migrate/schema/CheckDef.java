package dev.assistant.migrate.schema;

import java.util.Objects;

/**
 * A check constraint.
 *
 * @param name the constraint name
 * @param expression the definition as {@code pg_get_constraintdef} prints it, e.g. {@code CHECK ((price >= 0))}:
 *     PostgreSQL's own spelling, so that the model's and the database's compare as text
 * @param implicitName true when the model gave it no name (the name is PostgreSQL's default choice, and a constraint
 *     of the same definition under another name is the same constraint)
 */
public record CheckDef(String name, String expression, boolean implicitName) {

    public CheckDef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(expression, "expression");
    }

    public CheckDef(String name, String expression) {
        this(name, expression, false);
    }
}
