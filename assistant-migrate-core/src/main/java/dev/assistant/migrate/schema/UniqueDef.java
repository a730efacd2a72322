package dev.assistant.migrate.schema;

import java.util.List;

/** A unique constraint: its name and columns in order. */
public record UniqueDef(String name, List<String> columns) {

    public UniqueDef {
        columns = List.copyOf(columns);
    }
}
