package dev.assistant.migrate.api;

import dev.assistant.db.config.ConnectionSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a goal works: the database, and the places its migration scripts are read from.
 *
 * @param connection the target database
 * @param locations where the scripts are, in order; at least one
 */
public record Workspace(ConnectionSettings connection, List<ScriptLocation> locations) {

    public Workspace {
        Objects.requireNonNull(connection, "connection");
        locations = List.copyOf(locations);
        if (locations.isEmpty()) {
            throw new MigrationEngineException("No migration location is given: name the directory that holds the"
                    + " V*.sql scripts (or classpath:<path>), or give none to read the project's own.", true);
        }
    }

    /** The same scripts over another database: a member of a fleet. */
    public Workspace on(ConnectionSettings other) {
        return new Workspace(other, locations);
    }

    /** The first location that is a directory on disk: where new migrations are written. */
    public Optional<Path> firstDirectory() {
        return locations.stream()
                .filter(ScriptLocation.Directory.class::isInstance)
                .map(location -> ((ScriptLocation.Directory) location).path())
                .findFirst();
    }

    /** "/path/to/db/migration", or "/path/one and 2 more" */
    public String describeLocations() {
        return locations.get(0).describe() + (locations.size() > 1 ? " and " + (locations.size() - 1) + " more" : "");
    }
}
