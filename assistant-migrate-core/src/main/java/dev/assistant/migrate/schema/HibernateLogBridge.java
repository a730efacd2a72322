package dev.assistant.migrate.schema;

import dev.assistant.migrate.api.EngineLog;
import java.util.Collections;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.logging.LoggerProvider;

/**
 * Hibernate logs through JBoss Logging, which in a Maven plugin would pick Maven's SLF4J and print Hibernate's start-up
 * banner at info level. This provider (registered in META-INF/services) sends everything Hibernate says to the
 * engine log at debug level, and its errors as warnings.
 */
public final class HibernateLogBridge implements LoggerProvider {

    private static volatile EngineLog sink = EngineLog.SILENT;

    /** Where Hibernate's logging goes from now on. */
    public static void routeTo(EngineLog log) {
        sink = log == null ? EngineLog.SILENT : log;
    }

    @Override
    public Logger getLogger(String name) {
        return new BridgedLogger(name);
    }

    @Override
    public void clearMdc() {
    }

    @Override
    public Object putMdc(String key, Object value) {
        return null;
    }

    @Override
    public Object getMdc(String key) {
        return null;
    }

    @Override
    public void removeMdc(String key) {
    }

    @Override
    public Map<String, Object> getMdcMap() {
        return Collections.emptyMap();
    }

    @Override
    public void clearNdc() {
    }

    @Override
    public String getNdc() {
        return null;
    }

    @Override
    public int getNdcDepth() {
        return 0;
    }

    @Override
    public String popNdc() {
        return null;
    }

    @Override
    public String peekNdc() {
        return null;
    }

    @Override
    public void pushNdc(String message) {
    }

    @Override
    public void setNdcMaxDepth(int maxDepth) {
    }

    private static final class BridgedLogger extends Logger {

        private static final long serialVersionUID = 1L;

        BridgedLogger(String name) {
            super(name);
        }

        @Override
        public boolean isEnabled(Level level) {
            return level.ordinal() <= Level.ERROR.ordinal() || sink.isDebugEnabled();
        }

        @Override
        protected void doLog(Level level, String loggerClassName, Object message, Object[] parameters,
                Throwable thrown) {
            String text = String.valueOf(message);
            if (parameters != null && parameters.length > 0) {
                try {
                    text = java.text.MessageFormat.format(text, parameters);
                } catch (IllegalArgumentException unformattable) {
                    text = text + " " + java.util.Arrays.toString(parameters);
                }
            }
            write(level, text, thrown);
        }

        @Override
        protected void doLogf(Level level, String loggerClassName, String format, Object[] parameters,
                Throwable thrown) {
            String text = format;
            if (parameters != null) {
                try {
                    text = String.format(format, parameters);
                } catch (java.util.IllegalFormatException unformattable) {
                    text = format + " " + java.util.Arrays.toString(parameters);
                }
            }
            write(level, text, thrown);
        }

        private void write(Level level, String text, Throwable thrown) {
            String line = "[hibernate] " + text + (thrown == null ? "" : ": " + thrown);
            if (level == Level.FATAL || level == Level.ERROR) {
                sink.warn(line);
            } else {
                sink.debug(line);
            }
        }
    }
}
