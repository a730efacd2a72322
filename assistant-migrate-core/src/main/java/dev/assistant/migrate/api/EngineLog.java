package dev.assistant.migrate.api;

/** Where the engine reports progress; the Maven plugin routes it to Maven's log. */
public interface EngineLog {

    void info(String message);

    void warn(String message);

    void debug(String message);

    boolean isDebugEnabled();

    /** A log that drops everything, for callers that only want the returned results. */
    EngineLog SILENT = new EngineLog() {
        @Override
        public void info(String message) {
        }

        @Override
        public void warn(String message) {
        }

        @Override
        public void debug(String message) {
        }

        @Override
        public boolean isDebugEnabled() {
            return false;
        }
    };
}
