package dev.assistant.service;

/** No user has the given id. */
public final class UnknownUserException extends AssistantDataException {

    private final int userId;

    public UnknownUserException(int userId) {
        super("No user has id " + userId + ".");
        this.userId = userId;
    }

    public int userId() {
        return userId;
    }
}
