package dev.assistant.migrate.maven;

import dev.assistant.db.config.ConnectionSettings;
import dev.assistant.migrate.api.EngineLog;
import org.apache.maven.plugin.logging.Log;

/** The engine's log on Maven's: every line passes through the password filter first. */
final class MavenEngineLog implements EngineLog {

    private final Log log;
    private final ConnectionSettings settings;

    MavenEngineLog(Log log, ConnectionSettings settings) {
        this.log = log;
        this.settings = settings;
    }

    @Override
    public void info(String message) {
        if (log.isInfoEnabled()) {
            log.info(settings.redact(message));
        }
    }

    @Override
    public void warn(String message) {
        if (log.isWarnEnabled()) {
            log.warn(settings.redact(message));
        }
    }

    @Override
    public void debug(String message) {
        if (log.isDebugEnabled()) {
            log.debug(settings.redact(message));
        }
    }

    @Override
    public boolean isDebugEnabled() {
        return log.isDebugEnabled();
    }
}
