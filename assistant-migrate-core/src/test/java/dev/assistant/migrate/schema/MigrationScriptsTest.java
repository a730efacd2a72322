package dev.assistant.migrate.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Whatever message a caller passes, the header of a new script is comments only: a line break in the message cannot
 * start a statement, whichever front end wrote the files.
 */
class MigrationScriptsTest {

    private static final SchemaChanges CHANGES = SchemaChanges.of(List.of(new SchemaOperation.CreateTable(
            new TableDef("thing", List.of(Samples.id()), null, null, null, null))));

    @ParameterizedTest
    @ValueSource(strings = {"add thing\nDROP TABLE users; --", "add thing\rDROP TABLE users; --",
        "add thing\r\nDROP TABLE users; --", "add thing\u0000DROP TABLE users; --", "add thing */ DROP TABLE users; /*",
        "add thing\u2028DROP TABLE users; --", "add thing\u0085DROP TABLE users; --", "add\tthing\u000bDROP TABLE users"})
    void everyHeaderLineIsAComment(String message) {
        for (String script : List.of(
                MigrationScripts.upgradeTemplate(message, "U1__thing.sql"),
                MigrationScripts.downgradeTemplate(message, "V1__thing.sql"),
                MigrationScripts.upgrade(message, "U1__thing.sql", "model\nDROP TABLE users;", CHANGES),
                MigrationScripts.downgrade(message, "V1__thing.sql", CHANGES))) {
            List<String> lines = script.lines().toList();
            assertThat(script).as(script).doesNotContain("\r").doesNotContain("\u0000").doesNotContain("\u2028")
                    .doesNotContain("\u0085").doesNotContain("\u000b");
            assertThat(lines).as(script).allSatisfy(line -> assertThat(line.isEmpty() || line.startsWith("--")
                    || line.startsWith("CREATE TABLE thing") || line.startsWith("DROP TABLE thing")
                    || line.equals("SET LOCAL lock_timeout = '5s';")
                    || line.startsWith("    ") || line.equals(");")).as(line).isTrue());
            assertThat(lines).as(script).noneMatch(line -> line.startsWith("DROP TABLE users"));
        }
    }
}
