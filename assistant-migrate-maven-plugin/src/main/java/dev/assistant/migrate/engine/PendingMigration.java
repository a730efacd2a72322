package dev.assistant.migrate.engine;

/**
 * A migration that is not applied yet.
 *
 * @param version the version, or null for a repeatable migration
 * @param description its description
 * @param script where its file is
 * @param repeatable whether it is a repeatable ({@code R__}) migration
 * @param reversible whether a non-empty undo script exists for it (repeatables: false)
 */
public record PendingMigration(String version, String description, String script, boolean repeatable,
        boolean reversible) {

    public String label() {
        return (version == null ? "R" : "V" + version) + " " + description;
    }
}
