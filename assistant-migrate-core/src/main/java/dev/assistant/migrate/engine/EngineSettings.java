package dev.assistant.migrate.engine;

import dev.assistant.db.config.ConnectionSettings;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything the engine needs to know about where it works.
 *
 * @param connection the target database
 * @param locations where the migration scripts are
 * @param lockTimeout how long a changing run waits for another one to finish
 * @param log where progress goes
 */
public record EngineSettings(ConnectionSettings connection, List<ScriptLocation> locations, Duration lockTimeout,
        EngineLog log) {

    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(60);

    public EngineSettings {
        Objects.requireNonNull(connection, "connection");
        locations = List.copyOf(locations);
        if (locations.isEmpty()) {
            throw new MigrationEngineException("No migration location is configured.", true);
        }
        lockTimeout = lockTimeout == null ? DEFAULT_LOCK_TIMEOUT : lockTimeout;
        if (lockTimeout.isNegative()) {
            throw new MigrationEngineException("The lock timeout cannot be negative (" + lockTimeout.toSeconds()
                    + " s).", true);
        }
        log = log == null ? EngineLog.SILENT : log;
    }
}
