package dev.assistant.migrate.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Whatever message a caller passes, the header of a new script is comments only: a line break in the message cannot
 * start a statement, whichever front end wrote the files. The scripts of the steps of a safe change say what the step
 * is for, and those that run in a transaction start with a lock timeout.
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

    @Test
    void aTransactionalScriptThatLocksATableStartsWithALockTimeoutAndAConcurrentOneCannot() {
        ForeignKeyDef fk = Samples.tasks().foreignKeys().get("fk_tasks_user_id");
        IndexDef index = Samples.tasks().indexes().get("ix_tasks_user_id");
        List<MigrationStep> steps = MigrationStep.of(SchemaChanges.of(List.of(
                new SchemaOperation.CreateIndex("tasks", index, true),
                new SchemaOperation.AddForeignKey("tasks", fk, true))));
        assertThat(steps).extracting(MigrationStep::kind).containsExactly(MigrationStep.Kind.MAIN,
                MigrationStep.Kind.VALIDATE, MigrationStep.Kind.CREATE_INDEXES);

        String validate = MigrationScripts.upgrade("owners", "U1.1__owners_validate.sql", "model", steps.get(1));
        assertThat(validate).contains("""
                -- It validates what the migration before it added NOT VALID. VALIDATE CONSTRAINT reads the rows under\
                 SHARE""").contains("""

                -- Waits at most 5 s for each lock: a long transaction on a table makes this fail (run it again later)\
                 rather
                -- than queue every query on that table behind it.
                SET LOCAL lock_timeout = '5s';

                -- reads every row of tasks under SHARE UPDATE EXCLUSIVE: reads and writes go on
                ALTER TABLE tasks VALIDATE CONSTRAINT fk_tasks_user_id;
                """);
        assertThat(MigrationScripts.downgrade("owners", "V1.1__owners_validate.sql", steps.get(1)))
                .contains("SET LOCAL lock_timeout = '5s';\n\n-- PostgreSQL cannot make a valid constraint NOT VALID");

        String indexes = MigrationScripts.upgrade("owners", "U1.2__owners_indexes.sql", "model", steps.get(2));
        assertThat(indexes).doesNotContain("SET LOCAL").contains("It builds indexes on tables with rows with CREATE INDEX")
                .endsWith("\nCREATE INDEX CONCURRENTLY ix_tasks_user_id ON tasks (user_id);\n");
        assertThat(MigrationScripts.downgrade("owners", "V1.2__owners_indexes.sql", steps.get(2)))
                .doesNotContain("SET LOCAL").contains("`downgrade` runs it statement by statement (DROP")
                .endsWith("\nDROP INDEX CONCURRENTLY IF EXISTS ix_tasks_user_id;\n");
        // a script that only creates locks nothing another session uses
        assertThat(MigrationScripts.upgrade("thing", "U1__thing.sql", "model", CHANGES)).doesNotContain("SET LOCAL");
    }
}
