package dev.assistant.migrate.schema;

import java.util.List;

/** A primary key: its constraint name and columns in order. */
public record PrimaryKeyDef(String name, List<String> columns) {

    public PrimaryKeyDef {
        columns = List.copyOf(columns);
    }
}
