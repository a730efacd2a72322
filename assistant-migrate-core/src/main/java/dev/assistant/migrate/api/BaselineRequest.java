package dev.assistant.migrate.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * {@code baseline}: adopt a database whose schema was built without these migrations. Exactly one of {@code message}
 * and {@code version} is given.
 *
 * @param workspace the database to adopt and the scripts
 * @param message what the new migration is called: its V script builds the live schema from nothing, its U script
 *     removes it; that version is recorded as the baseline. Null when {@code version} is given
 * @param version a version of an existing migration to record as the baseline, writing nothing; null when
 *     {@code message} is given
 * @param directory where a new migration is written, e.g. {@link Workspace#firstDirectory()}; unused with a version
 * @param lockTimeout how long to wait for the migration lock; null means 60 seconds
 */
public record BaselineRequest(Workspace workspace, String message, String version, Path directory,
        Duration lockTimeout) {

    public BaselineRequest {
        Objects.requireNonNull(workspace, "workspace");
    }

    /** True when an existing version is recorded rather than a new migration written. */
    public boolean stampsExistingVersion() {
        return version != null && !version.isBlank();
    }
}
