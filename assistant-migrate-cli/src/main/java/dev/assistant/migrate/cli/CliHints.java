package dev.assistant.migrate.cli;

import dev.assistant.db.config.SettingNames;
import dev.assistant.migrate.api.Hints;

/**
 * The command line tool's own commands, each in backticks, e.g. {@code `assistant-migrate apply`}; settings as its
 * options ({@link OptionNames}). {@code assistant-migrate} stands for however the tool is started: the container image
 * and the README install it under that name, and {@code java -jar assistant-migrate-cli.jar} is the same command.
 */
final class CliHints implements Hints {

    static final CliHints INSTANCE = new CliHints();

    /** The name of the tool, as its help and its hints spell it. */
    static final String COMMAND = "assistant-migrate";

    /** The connection settings as the connection rule's messages name them. */
    static final SettingNames CONNECTION_SETTINGS = new SettingNames(OptionNames.URL, OptionNames.USER,
            "a password file (" + OptionNames.PASSWORD_FILE + ")",
            "the command line (" + OptionNames.URL + ", " + OptionNames.USER + ", " + OptionNames.PASSWORD_FILE + ")");

    private CliHints() {
    }

    @Override
    public String migrate() {
        return command("apply");
    }

    @Override
    public String migrateTo(String version) {
        return command("apply " + OptionNames.TARGET + " " + version);
    }

    @Override
    public String status() {
        return command("current");
    }

    @Override
    public String downgrade(String target) {
        return command("downgrade " + target);
    }

    @Override
    public String createMigration(String message) {
        return command("create " + OptionNames.AUTOGENERATE + " " + OptionNames.MESSAGE + " \"" + message + "\"");
    }

    @Override
    public String baseline(String message) {
        return command("baseline " + OptionNames.MESSAGE + " \"" + message + "\"");
    }

    @Override
    public String repair(String fixes) {
        return command("repair " + fixes);
    }

    @Override
    public String buildModel() {
        return "`mvn compile`";
    }

    @Override
    public String startDatabase() {
        return "`make db-up` (in development)";
    }

    @Override
    public String local() {
        return "`" + OptionNames.LOCAL + "`";
    }

    @Override
    public String setting(Setting setting) {
        return "`" + optionOf(setting) + "`";
    }

    @Override
    public String setting(Setting setting, String value) {
        if (setting == Setting.DRY_RUN) {
            return "`" + OptionNames.DRY_RUN + "`";
        }
        if (setting == Setting.REPAIR) {
            return repair(value);
        }
        return "`" + optionOf(setting) + " " + value + "`";
    }

    private static String command(String arguments) {
        return "`" + COMMAND + " " + arguments + "`";
    }

    private static String optionOf(Setting setting) {
        return switch (setting) {
            case URL -> OptionNames.URL;
            case LOCATIONS -> OptionNames.LOCATIONS;
            case DRY_RUN -> OptionNames.DRY_RUN;
            case LOCK_TIMEOUT -> OptionNames.LOCK_TIMEOUT;
            case SHADOW_URL -> OptionNames.SHADOW_URL;
            case MODEL_CLASSES -> OptionNames.MODEL;
            case MESSAGE -> OptionNames.MESSAGE;
            case BASELINE_VERSION -> OptionNames.BASELINE_VERSION;
            case REPAIR -> "repair <failed,checksums,descriptions>";
            case IGNORE -> OptionNames.IGNORE;
        };
    }
}
