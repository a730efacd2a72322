package dev.assistant.service;

import dev.assistant.db.config.ConnectionSettings;
import dev.assistant.migrate.api.AssistantMigrate;
import dev.assistant.migrate.api.EngineLog;
import dev.assistant.migrate.api.MigrateRequest;
import dev.assistant.migrate.api.MigrationEngineException;
import dev.assistant.migrate.api.ScriptLocation;
import dev.assistant.migrate.api.Workspace;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * migrate-on-start, off by default: the service applies the migrations it ships with (db/migration on its class path)
 * before it checks the database, through the migration core, under the migration lock that the command line tool and
 * the plugin take. Replicas that start at once apply each migration once: one holds the lock and applies, the others
 * wait for it (up to 60 seconds) and then find nothing to do. Switched on by the system property
 * {@code assistant.migrateOnStart=true} or the environment variable {@code ASSISTANT_MIGRATE_ON_START=true}.
 */
final class MigrateOnStart {

    static final String PROPERTY = "assistant.migrateOnStart";
    static final String VARIABLE = "ASSISTANT_MIGRATE_ON_START";

    private MigrateOnStart() {
    }

    /** Whether the setting is on: the system property, else the environment; unset is off. */
    static boolean isEnabled(Properties systemProperties, Map<String, String> environment) {
        String property = systemProperties.getProperty(PROPERTY);
        if (property != null && !property.isBlank()) {
            return flag(property, "-D" + PROPERTY);
        }
        String variable = environment.get(VARIABLE);
        return variable != null && !variable.isBlank() && flag(variable, VARIABLE);
    }

    private static boolean flag(String value, String name) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(name + "=" + value + " is neither true nor false. Give "
                    + name + "=true to apply the migrations when the service starts, or leave it out.");
        };
    }

    /** Applies every pending migration; a failure stops the start with the core's explanation. */
    static void apply(ConnectionSettings settings) {
        Workspace workspace = new Workspace(settings, List.of(new ScriptLocation.Classpath(MigrationGuard.LOCATION,
                MigrateOnStart.class.getClassLoader())));
        try {
            new AssistantMigrate(new PlatformLog(settings), ServiceHints.INSTANCE)
                    .migrate(MigrateRequest.latest(workspace));
        } catch (MigrationEngineException e) {
            throw new DatabaseNotReadyException("Applying the migrations on start (" + PROPERTY + ") failed: "
                    + settings.redact(e.getMessage()), List.of(), e);
        }
    }

    /** The core's progress in the JDK's platform log, where the application's logging framework picks it up. */
    private static final class PlatformLog implements EngineLog {

        private static final System.Logger LOG = System.getLogger(MigrateOnStart.class.getName());
        private final ConnectionSettings settings;

        PlatformLog(ConnectionSettings settings) {
            this.settings = settings;
        }

        @Override
        public void info(String message) {
            LOG.log(System.Logger.Level.INFO, settings.redact(message));
        }

        @Override
        public void warn(String message) {
            LOG.log(System.Logger.Level.WARNING, settings.redact(message));
        }

        @Override
        public void debug(String message) {
            if (isDebugEnabled()) {
                LOG.log(System.Logger.Level.DEBUG, settings.redact(message));
            }
        }

        @Override
        public boolean isDebugEnabled() {
            return LOG.isLoggable(System.Logger.Level.DEBUG);
        }
    }
}
