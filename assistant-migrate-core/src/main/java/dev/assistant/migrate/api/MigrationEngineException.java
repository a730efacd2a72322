package dev.assistant.migrate.api;

/**
 * A failure the engine explains in its message: what happened, where, and what to do. {@link #isUserFixable()}
 * separates problems in the project or its configuration from a broken environment.
 */
public class MigrationEngineException extends RuntimeException {

    private final boolean userFixable;

    public MigrationEngineException(String message, boolean userFixable) {
        super(message);
        this.userFixable = userFixable;
    }

    public MigrationEngineException(String message, boolean userFixable, Throwable cause) {
        super(message, cause);
        this.userFixable = userFixable;
    }

    public boolean isUserFixable() {
        return userFixable;
    }
}
