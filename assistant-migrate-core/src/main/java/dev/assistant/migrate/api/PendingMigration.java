package dev.assistant.migrate.api;

/**
 * A migration that is not applied yet.
 *
 * @param version the version, or null for a repeatable migration
 * @param description its description
 * @param script its file name
 * @param location where its file is: the path on disk, or the class path entry
 * @param repeatable whether it is a repeatable ({@code R__}) migration
 * @param reversible whether a non-empty undo script exists for it (repeatables: false)
 */
public record PendingMigration(String version, String description, String script, String location,
        boolean repeatable, boolean reversible) {

    public String label() {
        return (version == null ? "R" : "V" + version) + " " + description;
    }
}
