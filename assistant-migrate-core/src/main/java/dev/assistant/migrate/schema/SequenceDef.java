package dev.assistant.migrate.schema;

/** A sequence that no column owns (identity and serial sequences belong to their column). */
public record SequenceDef(String name, long start, long increment) {
}
