package dev.assistant.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** migrate-on-start is off unless switched on; the system property wins over the environment; flags are flags. */
class MigrateOnStartTest {

    private static Properties properties(String value) {
        Properties properties = new Properties();
        if (value != null) {
            properties.setProperty(MigrateOnStart.PROPERTY, value);
        }
        return properties;
    }

    @Test
    void offUnlessSwitchedOn() {
        assertThat(MigrateOnStart.isEnabled(properties(null), Map.of())).isFalse();
        assertThat(MigrateOnStart.isEnabled(properties(" "), Map.of(MigrateOnStart.VARIABLE, ""))).isFalse();
    }

    @Test
    void theSystemPropertyOrTheEnvironmentSwitchesItOn() {
        assertThat(MigrateOnStart.isEnabled(properties("true"), Map.of())).isTrue();
        assertThat(MigrateOnStart.isEnabled(properties(null), Map.of(MigrateOnStart.VARIABLE, "TRUE"))).isTrue();
        assertThat(MigrateOnStart.isEnabled(properties("false"), Map.of(MigrateOnStart.VARIABLE, "true")))
                .as("the system property wins").isFalse();
    }

    @Test
    void aValueThatIsNotAFlagIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> MigrateOnStart.isEnabled(properties("yes"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("-Dassistant.migrateOnStart=yes is neither true nor false. Give"
                        + " -Dassistant.migrateOnStart=true to apply the migrations when the service starts, or leave"
                        + " it out.");
        assertThatThrownBy(() -> MigrateOnStart.isEnabled(properties(null), Map.of(MigrateOnStart.VARIABLE, "1")))
                .hasMessageStartingWith("ASSISTANT_MIGRATE_ON_START=1 is neither true nor false.");
    }
}
