package dev.assistant.migrate.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScriptNameTest {

    @Test
    void parsesVersionedUndoAndRepeatableNames() {
        ScriptName versioned = ScriptName.parse("V1_2__add_user_timezone.sql").orElseThrow();
        assertThat(versioned.kind()).isEqualTo(ScriptKind.VERSIONED);
        assertThat(versioned.version()).isEqualTo(MigrationVersion.fromVersion("1.2"));
        assertThat(versioned.description()).isEqualTo("add user timezone");
        assertThat(versioned.label()).isEqualTo("V1.2");

        ScriptName undo = ScriptName.parse("U20261124153000__add_user_timezone.sql").orElseThrow();
        assertThat(undo.kind()).isEqualTo(ScriptKind.UNDO);
        assertThat(undo.version().toString()).isEqualTo("20261124153000");

        ScriptName repeatable = ScriptName.parse("R__refresh_views.sql").orElseThrow();
        assertThat(repeatable.kind()).isEqualTo(ScriptKind.REPEATABLE);
        assertThat(repeatable.version()).isNull();
        assertThat(repeatable.description()).isEqualTo("refresh views");
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1__lower_case.sql", "V1_single_underscore.sql", "V__no_version.sql", "V1.x__bad.sql",
            "R1__versioned_repeatable.sql", "U__no_version.sql"})
    void flagsNamesThatLookLikeMigrationsButAreNot(String name) {
        assertThat(ScriptName.parse(name)).isEmpty();
        assertThat(ScriptName.looksLikeMigration(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"README.md", "notes.sql", "V1__x.txt", "seed_data.sql"})
    void ignoresOtherFiles(String name) {
        assertThat(ScriptName.parse(name)).isEmpty();
        assertThat(ScriptName.looksLikeMigration(name)).isFalse();
    }

    @Test
    void ordersVersionsNumericallyNotAlphabetically() {
        List<MigrationVersion> versions = new ArrayList<>();
        for (String name : List.of("V10__c.sql", "V2__b.sql", "V1.10__e.sql", "V1.9__d.sql", "V1__a.sql",
                "V20261124153000__f.sql")) {
            versions.add(ScriptName.parse(name).orElseThrow().version());
        }
        versions.sort(null);
        assertThat(versions).extracting(MigrationVersion::toString)
                .containsExactly("1", "1.9", "1.10", "2", "10", "20261124153000");
    }
}
