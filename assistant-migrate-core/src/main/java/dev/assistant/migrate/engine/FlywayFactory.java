package dev.assistant.migrate.engine;

import dev.assistant.migrate.api.EngineLog;
import java.time.Duration;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.logging.LogFactory;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;

/** Configures Flyway the one way the engine uses it: once per goal. */
final class FlywayFactory {

    /** Flyway's schema history table; kept as Flyway names it so that Flyway's own tools still work. */
    static final String HISTORY_TABLE = "flyway_schema_history";

    private FlywayFactory() {
    }

    static Flyway create(Database database, MigrationCatalog catalog, MigrationVersion target, Duration lockTimeout,
            EngineLog log, List<Callback> callbacks) {
        LogFactory.setFallbackLogCreator(new FlywayLogBridge(log));
        FluentConfiguration configuration = Flyway.configure(FlywayFactory.class.getClassLoader())
                .loggers("maven")
                .dataSource(database.dataSource())
                .resourceProvider(new CatalogResourceProvider(catalog))
                .javaMigrationClassProvider(List::of)
                .skipDefaultCallbacks(true)
                .callbacks(callbacks.toArray(Callback[]::new))
                .table(HISTORY_TABLE)
                .target(target)
                .outOfOrder(false)
                .validateMigrationNaming(false)
                .cleanDisabled(true)
                .connectRetries(0)
                .lockRetryCount((int) Math.max(1, lockTimeout.toSeconds()));
        // Flyway's default advisory lock holds a transaction open for the whole run, and CREATE INDEX
        // CONCURRENTLY waits for every open transaction to end: it would wait forever.
        configuration.getPluginRegister()
                .getExact(PostgreSQLConfigurationExtension.class)
                .setTransactionalLock(false);
        log.debug("Configured Flyway for " + database.describe() + " (" + catalog.migrations().size()
                + " migrations, target " + target + ")");
        return configuration.load();
    }
}
