package dev.assistant.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assistant.migrate.api.Hints;
import org.junit.jupiter.api.Test;

/** The command line tool's answers, word for word: its own commands and options, in backticks. */
class CliHintsTest {

    private final Hints hints = CliHints.INSTANCE;

    @Test
    void commandsAreTheToolsOwn() {
        assertThat(hints.migrate()).isEqualTo("`assistant-migrate apply`");
        assertThat(hints.migrateTo("3")).isEqualTo("`assistant-migrate apply --target 3`");
        assertThat(hints.status()).isEqualTo("`assistant-migrate current`");
        assertThat(hints.downgrade("-1")).isEqualTo("`assistant-migrate downgrade -1`");
        assertThat(hints.downgrade("base")).isEqualTo("`assistant-migrate downgrade base`");
        assertThat(hints.createMigration("add user timezone"))
                .isEqualTo("`assistant-migrate create --autogenerate --message \"add user timezone\"`");
        assertThat(hints.baseline("adopt")).isEqualTo("`assistant-migrate baseline --message \"adopt\"`");
        assertThat(hints.repair("failed")).isEqualTo("`assistant-migrate repair failed`");
    }

    @Test
    void whatTheToolDoesNotDoNamesWhatDoesIt() {
        assertThat(hints.buildModel()).isEqualTo("`mvn compile`");
        assertThat(hints.startDatabase()).isEqualTo("`make db-up` (in development)");
        assertThat(hints.local()).isEqualTo("`--local`");
    }

    @Test
    void settingsAreTheToolsOptions() {
        assertThat(hints.setting(Hints.Setting.URL)).isEqualTo("`--url`");
        assertThat(hints.setting(Hints.Setting.LOCATIONS)).isEqualTo("`--locations`");
        assertThat(hints.setting(Hints.Setting.MODEL_CLASSES)).isEqualTo("`--model`");
        assertThat(hints.setting(Hints.Setting.SHADOW_URL)).isEqualTo("`--shadow-url`");
        assertThat(hints.setting(Hints.Setting.MESSAGE)).isEqualTo("`--message`");
        assertThat(hints.setting(Hints.Setting.BASELINE_VERSION)).isEqualTo("`--baseline-version`");
        assertThat(hints.setting(Hints.Setting.REPAIR, "checksums")).isEqualTo("`assistant-migrate repair checksums`");
        assertThat(hints.setting(Hints.Setting.DRY_RUN)).isEqualTo("`--dry-run`");
        assertThat(hints.setting(Hints.Setting.LOCK_TIMEOUT)).isEqualTo("`--lock-timeout`");
        assertThat(hints.setting(Hints.Setting.LOCK_TIMEOUT, "<seconds>")).isEqualTo("`--lock-timeout <seconds>`");
        assertThat(hints.setting(Hints.Setting.LOCATIONS, "<directory>")).isEqualTo("`--locations <directory>`");
        assertThat(hints.setting(Hints.Setting.IGNORE, "idx_*")).isEqualTo("`--ignore idx_*`");
        assertThat(hints.setting(Hints.Setting.DRY_RUN, "true")).as("a flag takes no value")
                .isEqualTo("`--dry-run`");
    }

    @Test
    void connectionSettingsAreNamedByTheirOptions() {
        assertThat(CliHints.CONNECTION_SETTINGS.url()).isEqualTo("--url");
        assertThat(CliHints.CONNECTION_SETTINGS.user()).isEqualTo("--user");
        assertThat(CliHints.CONNECTION_SETTINGS.password()).isEqualTo("a password file (--password-file)");
        assertThat(CliHints.CONNECTION_SETTINGS.explicitSource())
                .isEqualTo("the command line (--url, --user, --password-file)");
    }
}
