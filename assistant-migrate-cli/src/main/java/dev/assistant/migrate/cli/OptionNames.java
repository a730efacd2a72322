package dev.assistant.migrate.cli;

/** Every option of the tool, named once: the commands declare them, and messages name them ({@link CliHints}). */
final class OptionNames {

    static final String URL = "--url";
    static final String URLS = "--urls";
    static final String URLS_FILE = "--urls-file";
    static final String PARALLEL = "--parallel";
    static final String FAIL_FAST = "--fail-fast";
    static final String USER = "--user";
    static final String PASSWORD_FILE = "--password-file";
    /** Declared only to refuse it without repeating its value. */
    static final String PASSWORD = "--password";
    static final String LOCAL = "--local";
    static final String ENV_FILE = "--env-file";
    static final String LOCATIONS = "--locations";
    static final String TARGET = "--target";
    static final String DRY_RUN = "--dry-run";
    static final String SQL = "--sql";
    static final String LOCK_TIMEOUT = "--lock-timeout";
    static final String FORMAT = "--format";
    static final String MESSAGE = "--message";
    static final String AUTOGENERATE = "--autogenerate";
    static final String MODEL = "--model";
    static final String SHADOW_URL = "--shadow-url";
    static final String BASELINE_VERSION = "--baseline-version";
    static final String IGNORE = "--ignore";
    static final String NAMING_STRATEGY = "--naming-strategy";
    static final String RENAMES = "--renames";
    static final String LINT = "--lint";
    static final String QUIET = "--quiet";
    static final String VERBOSE = "--verbose";

    private OptionNames() {
    }
}
