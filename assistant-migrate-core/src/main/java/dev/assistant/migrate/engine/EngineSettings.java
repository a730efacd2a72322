package dev.assistant.migrate.engine;

import dev.assistant.migrate.api.EngineLog;
import dev.assistant.migrate.api.Hints;
import dev.assistant.migrate.api.MigrationEngineException;
import dev.assistant.migrate.api.Workspace;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything the engine needs to know about where it works and how it speaks.
 *
 * @param workspace the target database and the script locations
 * @param lockTimeout how long a changing run waits for another one to finish; null for the default
 * @param log where progress goes; null for none
 * @param hints the front end's commands, for the fixes messages name
 */
public record EngineSettings(Workspace workspace, Duration lockTimeout, EngineLog log, Hints hints) {

    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(60);

    public EngineSettings {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(hints, "hints");
        lockTimeout = lockTimeout == null ? DEFAULT_LOCK_TIMEOUT : lockTimeout;
        if (lockTimeout.isNegative()) {
            throw new MigrationEngineException("The lock timeout cannot be negative (" + lockTimeout.toSeconds()
                    + " s).", true);
        }
        log = log == null ? EngineLog.SILENT : log;
    }
}
