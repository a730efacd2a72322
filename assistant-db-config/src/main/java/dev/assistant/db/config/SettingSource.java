package dev.assistant.db.config;

/** The layers of the connection rule, in the order they are consulted. */
public enum SettingSource {
    /** Plugin parameters, {@code -Dassistant.*}, a settings.xml server, or the caller's own configuration. */
    EXPLICIT("explicit configuration (-Dassistant.url/user/password or plugin parameters)"),
    /** {@code DATABASE_URL} or {@code POSTGRES_*} in the process environment. */
    ENVIRONMENT("the environment (DATABASE_URL / POSTGRES_*)"),
    /** {@code DATABASE_URL} or {@code POSTGRES_*} in the {@code .env} file of the project root. */
    DOTENV("the .env file"),
    /** The built-in defaults: temporal / temporal at postgresql:5432, database the_assistant. */
    DEFAULT("the defaults");

    private final String description;

    SettingSource(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    @Override
    public String toString() {
        return description;
    }
}
