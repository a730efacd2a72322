package dev.assistant.migrate.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What {@code baseline} did: the version recorded as Flyway's baseline row, and the migration written for it.
 *
 * @param database the database, masked
 * @param version the version recorded
 * @param description its description, as the history shows it
 * @param upgrade the V script written, empty when an existing version was recorded
 * @param downgrade the U script written, empty when an existing version was recorded
 * @param changes what the V script builds, one description per statement
 * @param notScripted objects of the live schema the script does not build (views, functions, triggers, types, ...),
 *     which the author must add by hand
 */
public record BaselineResult(String database, String version, String description, Optional<Path> upgrade,
        Optional<Path> downgrade, List<String> changes, List<String> notScripted) {

    public BaselineResult {
        changes = List.copyOf(changes);
        notScripted = List.copyOf(notScripted);
    }
}
