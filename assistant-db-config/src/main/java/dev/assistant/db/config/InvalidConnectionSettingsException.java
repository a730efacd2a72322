package dev.assistant.db.config;

/**
 * The connection settings cannot be used as given. The message names the source (which variable, which file and
 * line) and what to change; it never contains a password.
 */
public class InvalidConnectionSettingsException extends RuntimeException {

    public InvalidConnectionSettingsException(String message) {
        super(message);
    }
}
