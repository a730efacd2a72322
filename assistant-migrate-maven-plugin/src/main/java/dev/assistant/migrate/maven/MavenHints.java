package dev.assistant.migrate.maven;

import dev.assistant.db.config.SettingNames;
import dev.assistant.migrate.api.Hints;

/**
 * The Maven front end's commands, in one style: the {@code make} target where the Makefile has one, then the
 * {@code mvn} goal it runs, each in backticks, e.g. {@code `make migrate` (`mvn assistant-migrate:migrate`)}; settings
 * as the {@code -D} property of {@link PluginProperties}.
 */
final class MavenHints implements Hints {

    static final MavenHints INSTANCE = new MavenHints();

    /** The connection settings as the connection rule's messages name them. */
    static final SettingNames CONNECTION_SETTINGS = new SettingNames(
            "-D" + PluginProperties.URL + " (explicit configuration)",
            "-D" + PluginProperties.USER,
            "a settings.xml server (-D" + PluginProperties.SERVER_ID + ", encrypted) or a connection file (-D"
                    + PluginProperties.CONNECTION_FILE + ")",
            "explicit configuration (-Dassistant.url/user/password or plugin parameters)");

    private static final String GOAL = "mvn assistant-migrate:";

    private MavenHints() {
    }

    @Override
    public String migrate() {
        return make("migrate") + " (" + mvn("migrate") + ")";
    }

    @Override
    public String migrateTo(String version) {
        return mvn("migrate " + property(PluginProperties.TARGET, version));
    }

    @Override
    public String status() {
        return make("migration-status") + " (" + mvn("status") + ")";
    }

    @Override
    public String downgrade(String target) {
        return make("migration-downgrade TARGET=" + target) + " ("
                + mvn("downgrade " + property(PluginProperties.TARGET, target)) + ")";
    }

    @Override
    public String createMigration(String message) {
        String quoted = "\"" + message + "\"";
        return make("migration MESSAGE=" + quoted) + " (" + mvn("create " + property(PluginProperties.AUTOGENERATE,
                "true") + " " + property(PluginProperties.MESSAGE, quoted)) + ")";
    }

    @Override
    public String baseline(String message) {
        String quoted = "\"" + message + "\"";
        return make("migration-baseline MESSAGE=" + quoted) + " (" + mvn("baseline "
                + property(PluginProperties.MESSAGE, quoted)) + ")";
    }

    @Override
    public String repair(String fixes) {
        return make("migration-repair REPAIR=" + fixes) + " (" + mvn("repair "
                + property(PluginProperties.REPAIR, fixes)) + ")";
    }

    @Override
    public String buildModel() {
        return make("build") + " (`mvn compile`)";
    }

    @Override
    public String startDatabase() {
        return make("db-up");
    }

    @Override
    public String local() {
        return "`" + property(PluginProperties.LOCAL, "true") + "` (the make targets set it)";
    }

    @Override
    public String setting(Setting setting) {
        return "`-D" + propertyOf(setting) + "`";
    }

    @Override
    public String setting(Setting setting, String value) {
        return "`" + property(propertyOf(setting), value) + "`";
    }

    private static String make(String target) {
        return "`make " + target + "`";
    }

    private static String mvn(String goalAndArguments) {
        return "`" + GOAL + goalAndArguments + "`";
    }

    private static String property(String name, String value) {
        return "-D" + name + "=" + value;
    }

    private static String propertyOf(Setting setting) {
        return switch (setting) {
            case URL -> PluginProperties.URL;
            case LOCATIONS -> PluginProperties.LOCATIONS;
            case DRY_RUN -> PluginProperties.DRY_RUN;
            case LOCK_TIMEOUT -> PluginProperties.LOCK_TIMEOUT;
            case SHADOW_URL -> PluginProperties.SHADOW_URL;
            case MODEL_CLASSES -> PluginProperties.MODEL_CLASSES;
            case MESSAGE -> PluginProperties.MESSAGE;
            case BASELINE_VERSION -> PluginProperties.VERSION;
            case REPAIR -> PluginProperties.REPAIR;
            case IGNORE -> PluginProperties.IGNORE;
        };
    }
}
