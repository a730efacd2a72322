package dev.assistant.migrate.api;

import dev.assistant.db.config.ConnectionSettings;
import java.util.List;

/**
 * A goal over a fleet of databases in one run: each database on its own connection and under its own migration lock,
 * at most {@code parallel} at once.
 *
 * @param databases the databases, in the order the summary lists them; at least one
 * @param parallel how many databases are worked on at once; 1 or more
 * @param failFast after the first failure start no other database (those running finish); false: finish every one
 */
public record FleetRequest(List<ConnectionSettings> databases, int parallel, boolean failFast) {

    /** How many databases a fleet run works on at once unless told otherwise. */
    public static final int DEFAULT_PARALLEL = 4;

    public FleetRequest {
        databases = List.copyOf(databases);
        if (databases.isEmpty()) {
            throw new MigrationEngineException("The fleet names no database.", true);
        }
        if (parallel < 1) {
            throw new MigrationEngineException("Parallel must be 1 or more (how many databases are worked on at once),"
                    + " not " + parallel + ".", true);
        }
    }
}
