package dev.assistant.migrate.schema;

import dev.assistant.migrate.api.MigrationEngineException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Renames the author declares ({@code assistant.renames}), for those autogenerate would not take for renames by
 * itself: {@code old_table->new_table} for a table, {@code table.old_column->new_column} for a column (the table
 * being the one the column is in, schema-qualified outside the default schema).
 *
 * @param renames the declared pairs, in the order given
 */
public record RenameHints(List<Rename> renames) {

    /** One declared rename, as written: {@code notes.title} to {@code heading}. */
    public record Rename(String from, String to) {
        @Override
        public String toString() {
            return from + "->" + to;
        }
    }

    public RenameHints {
        renames = List.copyOf(renames);
    }

    public static RenameHints none() {
        return new RenameHints(List.of());
    }

    /**
     * Reads {@code old->new} entries (blank ones are skipped).
     *
     * @throws MigrationEngineException when an entry is not of that form
     */
    public static RenameHints parse(Collection<String> entries) {
        List<Rename> renames = new ArrayList<>();
        for (String entry : entries == null ? List.<String>of() : entries) {
            if (entry == null || entry.isBlank()) {
                continue;
            }
            int arrow = entry.indexOf("->");
            String from = arrow < 0 ? "" : entry.substring(0, arrow).strip();
            String to = arrow < 0 ? "" : entry.substring(arrow + 2).strip();
            if (from.isEmpty() || to.isEmpty() || to.contains("->")) {
                throw new MigrationEngineException("assistant.renames: '" + entry.strip() + "' is not old->new. Name"
                        + " a table as old_table->new_table and a column as table.old_column->new_column, several"
                        + " separated by commas: -Dassistant.renames=note->notes,notes.title->heading", true);
            }
            renames.add(new Rename(from, to));
        }
        return new RenameHints(renames);
    }

    /** The table rename from {@code from} to {@code to}, if declared. */
    boolean declaresTable(String from, String to) {
        return renames.stream().anyMatch(rename -> rename.from().equals(from) && rename.to().equals(to));
    }

    /** Whether a rename of column {@code from} of {@code table} to {@code to} is declared. */
    boolean declaresColumn(String table, String from, String to) {
        return renames.stream().anyMatch(rename -> rename.from().equals(table + "." + from)
                && (rename.to().equals(to) || rename.to().equals(table + "." + to)));
    }
}
