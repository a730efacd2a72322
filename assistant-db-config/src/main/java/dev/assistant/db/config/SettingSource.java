package dev.assistant.db.config;

/** The layers of the connection rule, in the order they are consulted. */
public enum SettingSource {
    /**
     * What the caller gives: plugin parameters, a command line, a service's own configuration. Messages name it in the
     * front end's words ({@link SettingNames#explicitSource()}, {@link ConnectionSettings#describeSource}).
     */
    EXPLICIT("explicit configuration"),
    /** {@code DATABASE_URL} or {@code POSTGRES_*} in the process environment. */
    ENVIRONMENT("the environment (DATABASE_URL / POSTGRES_*)"),
    /** {@code DATABASE_URL} or {@code POSTGRES_*} in a {@code .env} file (the project root's, or one named). */
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
