package dev.assistant.migrate.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assistant.migrate.api.Hints;
import org.junit.jupiter.api.Test;

/** The Maven front end's answers, word for word: the make target, then the mvn goal, each in backticks. */
class MavenHintsTest {

    private final Hints hints = MavenHints.INSTANCE;

    @Test
    void goalsWithAMakeTargetNameBoth() {
        assertThat(hints.migrate()).isEqualTo("`make migrate` (`mvn assistant-migrate:migrate`)");
        assertThat(hints.status()).isEqualTo("`make migration-status` (`mvn assistant-migrate:status`)");
        assertThat(hints.downgrade("-1")).isEqualTo(
                "`make migration-downgrade TARGET=-1` (`mvn assistant-migrate:downgrade -Dassistant.target=-1`)");
        assertThat(hints.createMigration("add user timezone")).isEqualTo(
                "`make migration MESSAGE=\"add user timezone\"` (`mvn assistant-migrate:create"
                        + " -Dassistant.autogenerate=true -Dassistant.message=\"add user timezone\"`)");
        assertThat(hints.buildModel()).isEqualTo("`make build` (`mvn compile`)");
        assertThat(hints.baseline("adopt")).isEqualTo("`make migration-baseline MESSAGE=\"adopt\"`"
                + " (`mvn assistant-migrate:baseline -Dassistant.message=\"adopt\"`)");
        assertThat(hints.repair("failed")).isEqualTo(
                "`make migration-repair REPAIR=failed` (`mvn assistant-migrate:repair -Dassistant.repair=failed`)");
    }

    @Test
    void whatHasOnlyOneFormNamesThatOne() {
        assertThat(hints.migrateTo("3")).isEqualTo("`mvn assistant-migrate:migrate -Dassistant.target=3`");
        assertThat(hints.startDatabase()).isEqualTo("`make db-up`");
        assertThat(hints.local()).isEqualTo("`-Dassistant.local=true` (the make targets set it)");
    }

    @Test
    void settingsAreThePluginsProperties() {
        assertThat(hints.setting(Hints.Setting.URL)).isEqualTo("`-Dassistant.url`");
        assertThat(hints.setting(Hints.Setting.LOCATIONS)).isEqualTo("`-Dassistant.locations`");
        assertThat(hints.setting(Hints.Setting.MODEL_CLASSES)).isEqualTo("`-Dassistant.modelClasses`");
        assertThat(hints.setting(Hints.Setting.SHADOW_URL)).isEqualTo("`-Dassistant.shadowUrl`");
        assertThat(hints.setting(Hints.Setting.MESSAGE)).isEqualTo("`-Dassistant.message`");
        assertThat(hints.setting(Hints.Setting.BASELINE_VERSION)).isEqualTo("`-Dassistant.version`");
        assertThat(hints.setting(Hints.Setting.REPAIR, "checksums")).isEqualTo("`-Dassistant.repair=checksums`");
        assertThat(hints.setting(Hints.Setting.IGNORE, "idx_*")).isEqualTo("`-Dassistant.ignore=idx_*`");
        assertThat(hints.setting(Hints.Setting.LOCK_TIMEOUT, "<seconds>"))
                .isEqualTo("`-Dassistant.lockTimeout=<seconds>`");
        assertThat(hints.setting(Hints.Setting.DRY_RUN, "true")).isEqualTo("`-Dassistant.dryRun=true`");
    }

    @Test
    void connectionSettingsAreNamedByTheirProperties() {
        assertThat(MavenHints.CONNECTION_SETTINGS.url()).isEqualTo("-Dassistant.url (explicit configuration)");
        assertThat(MavenHints.CONNECTION_SETTINGS.user()).isEqualTo("-Dassistant.user");
        assertThat(MavenHints.CONNECTION_SETTINGS.password()).isEqualTo("a settings.xml server"
                + " (-Dassistant.serverId, encrypted) or a connection file (-Dassistant.connectionFile)");
        assertThat(MavenHints.CONNECTION_SETTINGS.explicitSource())
                .isEqualTo("explicit configuration (-Dassistant.url/user/password or plugin parameters)");
    }
}
