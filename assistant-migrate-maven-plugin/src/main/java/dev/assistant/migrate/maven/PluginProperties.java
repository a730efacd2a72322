package dev.assistant.migrate.maven;

/** Every user property of the plugin: one namespace, {@code assistant.*}. */
public final class PluginProperties {

    public static final String URL = "assistant.url";
    public static final String URLS = "assistant.urls";
    public static final String URLS_FILE = "assistant.urlsFile";
    public static final String PARALLEL = "assistant.parallel";
    public static final String FAIL_FAST = "assistant.failFast";
    public static final String USER = "assistant.user";
    public static final String PASSWORD = "assistant.password";
    public static final String SERVER_ID = "assistant.serverId";
    public static final String CONNECTION_FILE = "assistant.connectionFile";
    public static final String LOCAL = "assistant.local";
    public static final String TARGET = "assistant.target";
    public static final String LOCATIONS = "assistant.locations";
    public static final String FORMAT = "assistant.format";
    public static final String DRY_RUN = "assistant.dryRun";
    public static final String SQL_OUT = "assistant.sqlOut";
    public static final String LOCK_TIMEOUT = "assistant.lockTimeout";
    public static final String SKIP = "assistant.skip";
    public static final String MESSAGE = "assistant.message";
    public static final String AUTOGENERATE = "assistant.autogenerate";
    public static final String SHADOW_URL = "assistant.shadowUrl";
    public static final String MODEL_CLASSES = "assistant.modelClasses";
    public static final String IGNORE = "assistant.ignore";
    public static final String RENAMES = "assistant.renames";
    public static final String NAMING_STRATEGY = "assistant.namingStrategy";
    public static final String VERSION = "assistant.version";
    public static final String REPAIR = "assistant.repair";
    public static final String LINT = "assistant.lint";

    private PluginProperties() {
    }
}
