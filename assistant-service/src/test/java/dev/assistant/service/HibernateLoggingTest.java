package dev.assistant.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ServiceLoader;
import org.jboss.logging.LoggerProvider;
import org.junit.jupiter.api.Test;

/**
 * The migration core brings a JBoss Logging provider that sends Hibernate's logging to the migration log at debug
 * level; the Maven plugin registers it, the core must not, or the service would lose Hibernate's logging.
 */
class HibernateLoggingTest {

    @Test
    void noProviderOfTheMigrationCoreIsRegisteredOnTheServicesClassPath() {
        assertThat(ServiceLoader.load(LoggerProvider.class, getClass().getClassLoader()).stream()
                .map(provider -> provider.type().getName()))
                .noneMatch(name -> name.startsWith("dev.assistant.migrate."));
    }
}
