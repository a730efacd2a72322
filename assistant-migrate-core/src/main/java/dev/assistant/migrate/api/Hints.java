package dev.assistant.migrate.api;

/**
 * The commands that fix a problem, as the front end in use spells them. The core says what is wrong and asks here for
 * the command that fixes it; the Maven plugin answers with its {@code make} target and the {@code mvn} goal, a command
 * line tool with its own commands, a running service with both the development and the production route. Every
 * answer is a phrase that reads after "run" or "use", commands in backticks, e.g.
 * {@code `make migrate` (`mvn assistant-migrate:migrate`)}.
 */
public interface Hints {

    /** The settings messages may name. */
    enum Setting {
        /** The database URL. */
        URL,
        /** Where the migration scripts are read from. */
        LOCATIONS,
        /** Show what a changing goal would do, and change nothing. */
        DRY_RUN,
        /** How long a changing goal waits for the migration lock, in seconds. */
        LOCK_TIMEOUT,
        /** An empty database to replay the migrations on. */
        SHADOW_URL,
        /** Where the compiled entity classes are. */
        MODEL_CLASSES,
        /** What a new migration does; it names the files. */
        MESSAGE,
        /** The version baseline records without writing a script. */
        BASELINE_VERSION,
        /** What repair changes in the schema history: failed, checksums, descriptions. */
        REPAIR,
        /** Objects that exist only in SQL, which comparisons leave out. */
        IGNORE
    }

    /** Apply every pending migration. */
    String migrate();

    /** Apply the migrations up to {@code version}. */
    String migrateTo(String version);

    /** Show the current version, the pending migrations and the problems. */
    String status();

    /** Undo migrations down to {@code target}: {@code -N}, a version or {@code base}. */
    String downgrade(String target);

    /** Write a new migration pair, generated from the entity model, described by {@code message}. */
    String createMigration(String message);

    /**
     * Adopt a database that has a schema but no history: write a migration that builds that schema, described by
     * {@code message}, and record it as the baseline.
     */
    String baseline(String message);

    /** Remove or realign rows of the schema history: {@code fixes} names what, e.g. {@code failed,checksums}. */
    String repair(String fixes);

    /** Compile the entity model, so that its classes can be read. */
    String buildModel();

    /** Start the development database. */
    String startDatabase();

    /** Reach the database from this machine rather than from inside Docker Compose. */
    String local();

    /** A setting by its name, e.g. {@code `-Dassistant.locations`}. */
    String setting(Setting setting);

    /** A setting with a value, e.g. {@code `-Dassistant.lockTimeout=<seconds>`}. */
    String setting(Setting setting, String value);
}
