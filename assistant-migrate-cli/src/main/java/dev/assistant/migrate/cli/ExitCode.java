package dev.assistant.migrate.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The exit codes of {@code assistant-migrate}, in the manner of {@code diff} and {@code grep}: 0 when done, 1 for a
 * verdict against the project or its settings, 2 for a command line that is wrong, 3 when the tool could not run to a
 * verdict. A job runner can tell them apart: running again helps after 3, never after 1 or 2 until something is
 * fixed.
 */
final class ExitCode {

    /** Done: the command did what it was asked; {@code check} found nothing. */
    static final int OK = 0;

    /**
     * Problems found: {@code check} failed; a command refused before changing anything (problems in the migrations or
     * the history, a step without undo, a bad target); a migration failed and was rolled back; the settings cannot
     * work (a malformed URL or {@code .env}, a wrong password, a database that does not exist).
     */
    static final int PROBLEMS = 1;

    /** The command line is wrong: an unknown option, a missing or malformed argument. Nothing was attempted. */
    static final int USAGE = 2;

    /**
     * Could not run: no database answered, another run held the migration lock past {@code --lock-timeout}, a file
     * could not be read or written, or an internal error.
     */
    static final int COULD_NOT_RUN = 3;

    private ExitCode() {
    }

    /** The table {@code --help} shows. */
    static Map<String, String> descriptions() {
        Map<String, String> codes = new LinkedHashMap<>();
        codes.put(OK + "", "Done (check: no findings).");
        codes.put(PROBLEMS + "", "Problems found: check failed, the command refused or a migration failed (rolled"
                + " back), or the settings cannot work. Fix, then run again.");
        codes.put(USAGE + "", "The command line is wrong. Nothing was attempted.");
        codes.put(COULD_NOT_RUN + "", "Could not run: no database answered, the migration lock stayed taken, a file"
                + " could not be read or written. Running again later may succeed.");
        return codes;
    }
}
