package dev.assistant.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assistant.migrate.api.Hints;
import org.junit.jupiter.api.Test;

/** The service's answers name the development route and, where there is one, the production route. */
class ServiceHintsTest {

    private final Hints hints = ServiceHints.INSTANCE;

    @Test
    void commandsNameMakeForDevelopmentAndTheCommandLineToolForProduction() {
        assertThat(hints.migrate()).isEqualTo(
                "`make migrate` in development, `java -jar assistant-migrate-cli.jar apply` in production");
        assertThat(hints.status()).isEqualTo(
                "`make migration-status` in development, `java -jar assistant-migrate-cli.jar current` in production");
        assertThat(hints.downgrade("-1")).isEqualTo("`make migration-downgrade TARGET=-1` in development,"
                + " `java -jar assistant-migrate-cli.jar downgrade -1` in production");
        assertThat(hints.migrateTo("3")).isEqualTo("`java -jar assistant-migrate-cli.jar apply --target 3`");
    }

    @Test
    void whatOnlyDevelopmentDoesNamesMake() {
        assertThat(hints.createMigration("...")).isEqualTo("`make migration MESSAGE=\"...\"` (in development)");
        assertThat(hints.buildModel()).isEqualTo("`make build`");
        assertThat(hints.startDatabase()).isEqualTo("`make db-up` (in development)");
        assertThat(hints.local()).isEqualTo("a DATABASE_URL or POSTGRES_HOST that names localhost");
    }

    @Test
    void settingsAreTheCommandLineToolsOptions() {
        assertThat(hints.setting(Hints.Setting.LOCK_TIMEOUT, "<seconds>"))
                .isEqualTo("`--lock-timeout <seconds>` of `java -jar assistant-migrate-cli.jar`");
        assertThat(hints.setting(Hints.Setting.URL)).isEqualTo("`--url` of `java -jar assistant-migrate-cli.jar`");
        assertThat(hints.setting(Hints.Setting.MODEL_CLASSES))
                .isEqualTo("`--model` of `java -jar assistant-migrate-cli.jar`");
        assertThat(hints.setting(Hints.Setting.DRY_RUN, "true"))
                .isEqualTo("`--dry-run` of `java -jar assistant-migrate-cli.jar`");
    }
}
