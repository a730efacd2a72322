package dev.assistant.service;

/** A data-layer failure a caller can act on; the message says what happened and what to do. */
public class AssistantDataException extends RuntimeException {

    public AssistantDataException(String message) {
        super(message);
    }

    public AssistantDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
