package dev.assistant.migrate.engine;

import dev.assistant.migrate.api.EngineLog;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.logging.LogFactory;

/**
 * Configures Flyway the one way the engine uses it, once per goal: to resolve the catalog's scripts (names,
 * descriptions, checksums) and read the schema history against them ({@code info()}). Flyway never changes the
 * database here; migrate applies with the engine's own loop.
 */
final class FlywayFactory {

    private FlywayFactory() {
    }

    static Flyway create(Database database, MigrationCatalog catalog, MigrationVersion target, EngineLog log) {
        LogFactory.setFallbackLogCreator(new FlywayLogBridge(log));
        FluentConfiguration configuration = Flyway.configure(FlywayFactory.class.getClassLoader())
                .loggers("maven")
                .dataSource(database.dataSource())
                .resourceProvider(new CatalogResourceProvider(catalog))
                .javaMigrationClassProvider(List::of)
                .skipDefaultCallbacks(true)
                .table(HistoryTable.NAME)
                .target(target)
                .outOfOrder(false)
                .validateMigrationNaming(false)
                .cleanDisabled(true)
                .connectRetries(0);
        log.debug("Configured Flyway for " + database.describe() + " (" + catalog.migrations().size()
                + " migrations, target " + target + ")");
        return configuration.load();
    }
}
