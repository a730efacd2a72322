package dev.assistant.migrate.engine;

import dev.assistant.migrate.api.EngineLog;
import org.flywaydb.core.api.logging.Log;
import org.flywaydb.core.api.logging.LogCreator;

/**
 * Routes Flyway's own logging into the engine's log. Flyway's progress chatter goes to debug, because the engine
 * prints its own line per migration; warnings stay warnings, and server notices ({@code RAISE NOTICE}) are shown.
 */
final class FlywayLogBridge implements LogCreator {

    private final EngineLog log;

    FlywayLogBridge(EngineLog log) {
        this.log = log;
    }

    @Override
    public Log createLogger(Class<?> type) {
        String source = "[flyway] ";
        return new Log() {
            @Override
            public boolean isDebugEnabled() {
                return log.isDebugEnabled();
            }

            @Override
            public void debug(String message) {
                log.debug(source + message);
            }

            @Override
            public void info(String message) {
                log.debug(source + message);
            }

            @Override
            public void warn(String message) {
                log.warn(message);
            }

            @Override
            public void error(String message) {
                log.debug(source + message);
            }

            @Override
            public void error(String message, Exception e) {
                log.debug(source + message + ": " + e);
            }

            @Override
            public void notice(String message) {
                log.info(message);
            }
        };
    }
}
