package dev.assistant.service;

import dev.assistant.migrate.api.Hints;
import java.util.Locale;

/**
 * The commands a refusal of the service names: a service runs in development, where {@code make} does the work, and
 * in production, where the command line tool applies the released migrations. Both routes are named where both exist.
 */
final class ServiceHints implements Hints {

    static final ServiceHints INSTANCE = new ServiceHints();

    /** How production runs the migrations: the command line tool, from the released artifacts. */
    static final String CLI = "java -jar assistant-migrate-cli.jar";

    private ServiceHints() {
    }

    @Override
    public String migrate() {
        return both("make migrate", CLI + " apply");
    }

    @Override
    public String migrateTo(String version) {
        return "`" + CLI + " apply --target " + version + "`";
    }

    @Override
    public String status() {
        return both("make migration-status", CLI + " current");
    }

    @Override
    public String downgrade(String target) {
        return both("make migration-downgrade TARGET=" + target, CLI + " downgrade " + target);
    }

    @Override
    public String createMigration(String message) {
        return "`make migration MESSAGE=\"" + message + "\"` (in development)";
    }

    @Override
    public String buildModel() {
        return "`make build`";
    }

    @Override
    public String startDatabase() {
        return "`make db-up` (in development)";
    }

    @Override
    public String local() {
        return "a DATABASE_URL or POSTGRES_HOST that names localhost";
    }

    @Override
    public String setting(Setting setting) {
        return "`" + option(setting) + "` of `" + CLI + "`";
    }

    @Override
    public String setting(Setting setting, String value) {
        return "`" + option(setting) + (setting == Setting.DRY_RUN ? "" : " " + value) + "` of `" + CLI + "`";
    }

    /** The command line tool's option for a setting: {@code --model} for the model classes, else the setting's name. */
    private static String option(Setting setting) {
        return setting == Setting.MODEL_CLASSES ? "--model"
                : "--" + setting.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String both(String development, String production) {
        return "`" + development + "` in development, `" + production + "` in production";
    }
}
