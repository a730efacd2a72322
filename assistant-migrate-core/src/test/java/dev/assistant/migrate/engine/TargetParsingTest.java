package dev.assistant.migrate.engine;

import static dev.assistant.migrate.engine.TestHints.HINTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assistant.migrate.api.MigrationEngineException;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TargetParsingTest {

    @Test
    void migrateDefaultsToLatest() {
        assertThat(MigrateTarget.parse(null).isLatest()).isTrue();
        assertThat(MigrateTarget.parse("").isLatest()).isTrue();
        assertThat(MigrateTarget.parse("latest").isLatest()).isTrue();
        assertThat(MigrateTarget.parse(" LATEST ").isLatest()).isTrue();
    }

    @Test
    void migrateTakesAnyFlywayVersion() {
        assertThat(MigrateTarget.parse("3").version()).isEqualTo(MigrationVersion.fromVersion("3"));
        assertThat(MigrateTarget.parse("1.2.10").version()).isEqualTo(MigrationVersion.fromVersion("1.2.10"));
        assertThat(MigrateTarget.parse("20261124153000").version().toString()).isEqualTo("20261124153000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-0", "+2", "abc", "1.2.x", "-1", "1..2", ".1", "1.", "v3"})
    void migrateRejectsWhatIsNotAVersion(String text) {
        assertThatThrownBy(() -> MigrateTarget.parse(text))
                .isInstanceOf(MigrationEngineException.class)
                .hasMessageContaining("'" + text + "' is not a migrate target")
                .satisfies(e -> assertThat(((MigrationEngineException) e).isUserFixable()).isTrue());
    }

    @Test
    void downgradeTakesStepsVersionsAndBase() {
        assertThat(DowngradeTarget.parse("-1", HINTS)).isEqualTo(new DowngradeTarget.Steps(1));
        assertThat(DowngradeTarget.parse(" -12 ", HINTS)).isEqualTo(new DowngradeTarget.Steps(12));
        assertThat(DowngradeTarget.parse("base", HINTS)).isEqualTo(new DowngradeTarget.Base());
        assertThat(DowngradeTarget.parse("BASE", HINTS)).isEqualTo(new DowngradeTarget.Base());
        assertThat(DowngradeTarget.parse("1.1", HINTS))
                .isEqualTo(new DowngradeTarget.ToVersion(MigrationVersion.fromVersion("1.1")));
    }

    @Test
    void downgradeRejectsZeroStepsAndForwardTargets() {
        assertThatThrownBy(() -> DowngradeTarget.parse("-0", HINTS)).hasMessageContaining("would undo nothing");
        assertThatThrownBy(() -> DowngradeTarget.parse("+2", HINTS)).hasMessageContaining("only goes back");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "1.2.x", "--1", "-1.5", "-", "base1"})
    void downgradeRejectsGarbage(String text) {
        assertThatThrownBy(() -> DowngradeTarget.parse(text, HINTS))
                .isInstanceOf(MigrationEngineException.class)
                .hasMessageContaining("'" + text + "' is not a downgrade target")
                .hasMessageContaining("-N");
    }

    @Test
    void downgradeNeedsATarget() {
        assertThatThrownBy(() -> DowngradeTarget.parse(null, HINTS))
                .hasMessageContaining("downgrade needs a target")
                .hasMessageContaining("e.g. {downgrade -1}.");
        assertThatThrownBy(() -> DowngradeTarget.parse("  ", HINTS)).hasMessageContaining("downgrade needs a target");
    }
}
