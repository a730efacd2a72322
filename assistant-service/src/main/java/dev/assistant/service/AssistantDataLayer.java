package dev.assistant.service;

import dev.assistant.db.config.ConnectionSettings;
import dev.assistant.db.model.AssistantEntities;
import java.util.Properties;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.tool.schema.spi.SchemaManagementException;

/**
 * The Assistant's data layer: a Hibernate session factory over a HikariCP pool, configured from the one connection
 * rule, and the services over it. Starting it checks the database first: no pending migrations, and a schema that
 * matches the entity model. With migrate-on-start switched on ({@code assistant.migrateOnStart=true} or
 * {@code ASSISTANT_MIGRATE_ON_START=true}) it applies the pending migrations first, under the migration lock.
 */
public final class AssistantDataLayer implements AutoCloseable {

    /** How the service's sessions show up in {@code pg_stat_activity}. */
    public static final String APPLICATION_NAME = "assistant-service";
    static final int DEFAULT_POOL_SIZE = 10;

    private final SessionFactory sessionFactory;
    private final Transactions transactions;

    private AssistantDataLayer(SessionFactory sessionFactory) {
        this.sessionFactory = sessionFactory;
        this.transactions = new Transactions(sessionFactory);
    }

    /** Starts with the default pool size; see {@link #start(ConnectionSettings, int)}. */
    public static AssistantDataLayer start(ConnectionSettings settings) {
        return start(settings, DEFAULT_POOL_SIZE);
    }

    /**
     * Checks the database and opens the pool; first applies the pending migrations when migrate-on-start is switched
     * on by the system property {@code assistant.migrateOnStart} or the environment variable
     * {@code ASSISTANT_MIGRATE_ON_START} (off when neither is set).
     *
     * @throws DatabaseNotReadyException when migrations are pending or failed, or the schema does not match the
     *     model
     * @throws IllegalArgumentException when the migrate-on-start setting is neither true nor false
     */
    public static AssistantDataLayer start(ConnectionSettings settings, int poolSize) {
        return start(settings, poolSize, MigrateOnStart.isEnabled(System.getProperties(), System.getenv()));
    }

    /**
     * Checks the database and opens the pool, with migrate-on-start as given rather than as configured.
     *
     * @param migrateOnStart apply the pending migrations (db/migration on the class path) first, under the migration
     *     lock; replicas that start at once apply each migration once
     * @throws DatabaseNotReadyException when migrations are pending or failed (or failed to apply), or the schema does
     *     not match the model
     */
    public static AssistantDataLayer start(ConnectionSettings settings, int poolSize, boolean migrateOnStart) {
        if (migrateOnStart) {
            MigrateOnStart.apply(settings);
        }
        MigrationGuard.requireUpToDate(settings);
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder()
                .applySettings(hibernateSettings(settings, poolSize))
                .build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            AssistantEntities.ALL.forEach(sources::addAnnotatedClass);
            return new AssistantDataLayer(sources.buildMetadata().buildSessionFactory());
        } catch (SchemaManagementException e) {
            StandardServiceRegistryBuilder.destroy(registry);
            throw new DatabaseNotReadyException("The schema of " + settings.maskedUrl() + " does not match the entity"
                    + " model: " + e.getMessage() + ". If the model changed, generate a migration with "
                    + ServiceHints.INSTANCE.createMigration("...") + " and apply it ("
                    + ServiceHints.INSTANCE.migrate() + ").", java.util.List.of(), e);
        } catch (RuntimeException e) {
            StandardServiceRegistryBuilder.destroy(registry);
            throw e;
        }
    }

    private static Properties hibernateSettings(ConnectionSettings settings, int poolSize) {
        Properties properties = new Properties();
        properties.put(AvailableSettings.JAKARTA_JDBC_URL, settings.jdbcUrl());
        properties.put(AvailableSettings.JAKARTA_JDBC_USER, settings.user());
        properties.put(AvailableSettings.JAKARTA_JDBC_PASSWORD, settings.password());
        properties.put(AvailableSettings.CONNECTION_PROVIDER, "org.hibernate.hikaricp.internal.HikariCPConnectionProvider");
        properties.put("hibernate.hikari.maximumPoolSize", String.valueOf(poolSize));
        properties.put("hibernate.hikari.poolName", APPLICATION_NAME);
        properties.put("hibernate.hikari.dataSource.ApplicationName", APPLICATION_NAME);
        properties.put(AvailableSettings.HBM2DDL_AUTO, "validate");
        properties.put(AvailableSettings.JDBC_TIME_ZONE, "UTC");
        return properties;
    }

    public UserService users() {
        return new UserService(transactions);
    }

    public SettingsService settings() {
        return new SettingsService(transactions);
    }

    public ThirdPartyAccountService accounts() {
        return new ThirdPartyAccountService(transactions);
    }

    public ScheduledTaskService tasks() {
        return new ScheduledTaskService(transactions);
    }

    public CountdownService countdowns() {
        return new CountdownService(transactions);
    }

    @Override
    public void close() {
        sessionFactory.close();
    }
}
