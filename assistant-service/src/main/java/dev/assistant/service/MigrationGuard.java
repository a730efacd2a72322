package dev.assistant.service;

import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;

/**
 * Compares the database's schema history with the migrations the service ships with (db/migration on its class
 * path, from assistant-db-migrations) and refuses a database that is behind. It only reads; applying migrations is
 * the migrate goal's job.
 */
final class MigrationGuard {

    static final String LOCATION = "classpath:db/migration";

    private MigrationGuard() {
    }

    static void requireUpToDate(DataSource dataSource, String database) {
        MigrationInfo[] all;
        try {
            all = Flyway.configure(MigrationGuard.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations(LOCATION)
                    .failOnMissingLocations(true)
                    .load()
                    .info()
                    .all();
        } catch (FlywayException e) {
            throw new DatabaseNotReadyException("Cannot read the schema history of " + database + ": "
                    + e.getMessage(), List.of(), e);
        }
        List<String> pending = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (MigrationInfo info : all) {
            String label = info.getVersion() == null ? "R__" + info.getDescription().replace(' ', '_')
                    : info.getVersion().toString();
            switch (info.getState()) {
                case PENDING, IGNORED, OUTDATED -> pending.add(label);
                case FAILED -> failed.add(label);
                default -> {
                    // applied, or newer than this build (a database ahead of the service is fine)
                }
            }
        }
        if (!failed.isEmpty()) {
            throw new DatabaseNotReadyException("The database " + database + " has a failed migration ("
                    + String.join(", ", failed) + "). Run `make migration-status` (mvn assistant-migrate:status)"
                    + " for how to clear it, then `make migrate`.", pending, null);
        }
        if (!pending.isEmpty()) {
            throw new DatabaseNotReadyException("The database " + database + " is behind this build: "
                    + pending.size() + " migration" + (pending.size() == 1 ? " is" : "s are") + " pending ("
                    + String.join(", ", pending) + "). Apply them with `make migrate`"
                    + " (mvn assistant-migrate:migrate), then start the service again.", pending, null);
        }
    }
}
