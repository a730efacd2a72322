package dev.assistant.migrate.schema;

import static dev.assistant.migrate.engine.TestHints.HINTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assistant.migrate.api.MigrationEngineException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MigrationNamesTest {

    @Test
    void theVersionIsTheUtcTimestamp() {
        assertThat(MigrationNames.version(Instant.parse("2026-11-24T15:30:05Z"))).isEqualTo("20261124153005");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "add user timezone|add_user_timezone",
        "Add User's  Time-Zone!!|add_user_s_time_zone",
        "  --drop legacy (v2)--  |drop_legacy_v2",
        "ÄÖÜ umlauts ok?|umlauts_ok",
        "x|x"
    })
    void slugs(String message, String slug) {
        assertThat(MigrationNames.slug(message, HINTS)).isEqualTo(slug);
    }

    @Test
    void slugsAreAtMostOneHundredCharacters() {
        String slug = MigrationNames.slug("word ".repeat(60), HINTS);
        assertThat(slug).hasSizeLessThanOrEqualTo(100).doesNotEndWith("_").startsWith("word_word");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "!!!", "--- ... ---", "ÄÖÜ"})
    void messagesWithoutLettersOrDigitsAreRefused(String message) {
        assertThatThrownBy(() -> MigrationNames.slug(message, HINTS))
                .isInstanceOf(MigrationEngineException.class)
                .satisfies(e -> assertThat(((MigrationEngineException) e).isUserFixable()).isTrue())
                .hasMessageContaining("add user timezone");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../etc/passwd", "sub/dir", "a\\b"})
    void pathSeparatorsAreRefused(String message) {
        assertThatThrownBy(() -> MigrationNames.slug(message, HINTS)).hasMessageContaining("path separator");
    }

    /** A message reaches the file name and the scripts' first lines: one line of text, nothing else. */
    @ParameterizedTest
    @ValueSource(strings = {"add thing\nDROP TABLE users; --", "add thing\rDROP TABLE users; --",
        "add thing\r\nDROP TABLE users; --", "add thing\u0000DROP TABLE users; --", "add\tthing",
        "add thing\u0085DROP TABLE users; --", "add thing\u2028DROP TABLE users; --", "add \u001b[31mthing"})
    void controlCharactersAreRefusedNamingTheProperty(String message) {
        assertThatThrownBy(() -> MigrationNames.slug(message, HINTS))
                .isInstanceOf(MigrationEngineException.class)
                .satisfies(e -> assertThat(((MigrationEngineException) e).isUserFixable()).isTrue())
                .hasMessageContaining("{MESSAGE}")
                .hasMessageContaining("one line")
                .hasMessageNotContaining("\n").hasMessageNotContaining("\r").hasMessageNotContaining("\u0000");
    }

    @Test
    void theRefusalSaysWhichCharacterAndWhere() {
        assertThatThrownBy(() -> MigrationNames.slug("add thing\nDROP TABLE users; --", HINTS))
                .hasMessageContaining("a line break (U+000A) after 'add thing'");
        assertThatThrownBy(() -> MigrationNames.slug("add thing\u0000x", HINTS))
                .hasMessageContaining("a NUL character (U+0000) after 'add thing'");
    }
}
