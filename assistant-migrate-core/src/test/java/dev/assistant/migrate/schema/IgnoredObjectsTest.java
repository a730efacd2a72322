package dev.assistant.migrate.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assistant.migrate.api.MigrationEngineException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class IgnoredObjectsTest {

    private static final SchemaSnapshot SCHEMA = new SchemaSnapshot(
            new TreeMap<>(Map.of(
                    "users", new TableDef("users", List.of(Samples.id(), Samples.column("legacy_flag", "boolean", true),
                            Samples.column("email", "text", false)), new PrimaryKeyDef("users_pkey", List.of("id")),
                            new TreeMap<>(Map.of("users_email_key", new UniqueDef("users_email_key",
                                    List.of("email")))),
                            new TreeMap<>(Map.of("idx_users_email", new IndexDef("idx_users_email",
                                    List.of(new IndexDef.IndexColumn("email", false)), false))),
                            null),
                    "jgroups_ping", new TableDef("jgroups_ping", List.of(Samples.id()), null, null, null, null))),
            new TreeMap<>(Map.of("handle_seq", new SequenceDef("handle_seq", 1, 1))),
            new TreeMap<>(Map.of("function getnextid(text)", "CREATE FUNCTION …", "view active_users", "SELECT …")));

    @Test
    void aPatternLeavesOutWhatItNamesOfAnyKind() {
        SchemaSnapshot kept = IgnoredObjects.of(List.of("JGroups_*", "idx_*", "handle_seq", "getnextid",
                "users.legacy_*")).apply(SCHEMA);

        assertThat(kept.tables()).containsOnlyKeys("users");
        assertThat(kept.tables().get("users").indexes()).isEmpty();
        assertThat(kept.tables().get("users").columnsByName()).containsOnlyKeys("id", "email");
        assertThat(kept.tables().get("users").uniques()).containsOnlyKeys("users_email_key");
        assertThat(kept.sequences()).isEmpty();
        assertThat(kept.otherObjects()).containsOnlyKeys("view active_users");
    }

    @Test
    void aKindLimitsAPatternToObjectsOfThatKind() {
        SchemaSnapshot kept = IgnoredObjects.of(List.of("index:*", "table:users_*", "view:*")).apply(SCHEMA);

        assertThat(kept.tables()).containsOnlyKeys("jgroups_ping", "users");
        assertThat(kept.tables().get("users").indexes()).isEmpty();
        assertThat(kept.tables().get("users").uniques()).containsOnlyKeys("users_email_key");
        assertThat(kept.otherObjects()).containsOnlyKeys("function getnextid(text)");
    }

    @Test
    void aPatternThatCannotBeReadIsRefusedWithTheSyntax() {
        assertThat(IgnoredObjects.of(List.of(" ", "")).isEmpty()).isTrue();
        assertThatThrownBy(() -> IgnoredObjects.of(List.of("indexes:*")))
                .isInstanceOf(MigrationEngineException.class)
                .hasMessage("Cannot read the ignore pattern 'indexes:*': write a name in which * stands for any"
                        + " characters and ? for one, optionally after one of the kinds table:, column:, index:,"
                        + " constraint:, sequence:, view:, function:, trigger:, type: (e.g. idx_*, index:*,"
                        + " column:users.legacy_*).");
        assertThatThrownBy(() -> IgnoredObjects.of(List.of("users; DROP TABLE x"))).isInstanceOf(
                MigrationEngineException.class);
    }
}
