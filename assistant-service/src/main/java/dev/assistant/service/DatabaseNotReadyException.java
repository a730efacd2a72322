package dev.assistant.service;

import java.util.List;

/**
 * The database is not at the schema this build of the service expects: migrations are pending, or the schema does
 * not match the entity model. The service refuses to start rather than fail on the first query.
 */
public final class DatabaseNotReadyException extends AssistantDataException {

    private final List<String> pendingVersions;

    DatabaseNotReadyException(String message, List<String> pendingVersions, Throwable cause) {
        super(message, cause);
        this.pendingVersions = List.copyOf(pendingVersions);
    }

    /** The versions of the migrations not yet applied; empty when the problem is something else. */
    public List<String> pendingVersions() {
        return pendingVersions;
    }
}
