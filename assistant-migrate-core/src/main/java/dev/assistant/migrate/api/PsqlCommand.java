package dev.assistant.migrate.api;

import dev.assistant.db.config.ConnectionSettings;

/**
 * The psql command line that runs a migration script written by a dry run ({@link MigrateRequest#script()}), as the
 * script's header and the front ends' messages print it: without the password, which psql takes from
 * {@code PGPASSWORD} or {@code ~/.pgpass}.
 */
public final class PsqlCommand {

    /** Where a command line names a script that went to standard output. */
    public static final String FILE_SLOT = "<file>";

    private PsqlCommand() {
    }

    /** {@code psql -X -v ON_ERROR_STOP=1 -h <host> -p <port> -U <user> -d <database> -f <file>}. */
    public static String of(ConnectionSettings connection, String file) {
        return "psql -X -v ON_ERROR_STOP=1 -h " + shellWord(connection.host()) + " -p " + connection.port()
                + " -U " + shellWord(connection.user()) + " -d " + shellWord(connection.database()) + " -f "
                + (file.equals(FILE_SLOT) ? file : shellWord(file));
    }

    /** A word as a POSIX shell reads it: as it is when plain, else in single quotes. */
    private static String shellWord(String word) {
        return word.matches("[A-Za-z0-9_./:@%+=,-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
    }
}
