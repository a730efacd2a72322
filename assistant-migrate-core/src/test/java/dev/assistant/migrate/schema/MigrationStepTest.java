package dev.assistant.migrate.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assistant.migrate.schema.SchemaOperation.AddForeignKey;
import dev.assistant.migrate.schema.SchemaOperation.AlterColumnNullability;
import dev.assistant.migrate.schema.SchemaOperation.CreateIndex;
import dev.assistant.migrate.schema.SchemaOperation.DropForeignKey;
import dev.assistant.migrate.schema.SchemaOperation.DropIndex;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Which operations take the safe forms (those on tables that exist before and after the migration), and how a change
 * is split into the migrations create writes, each with its own undo.
 */
class MigrationStepTest {

    private static final IndexDef SCHEDULE = new IndexDef("ix_tasks_schedule",
            List.of(new IndexDef.IndexColumn("schedule", false)), false);

    private static TableDef tasksWith(Map<String, IndexDef> indexes, Map<String, ForeignKeyDef> foreignKeys,
            List<ColumnDef> columns) {
        TableDef tasks = Samples.tasks();
        return new TableDef(tasks.name(), columns == null ? tasks.columns() : columns, tasks.primaryKey(),
                tasks.uniques(), new TreeMap<>(indexes), new TreeMap<>(foreignKeys));
    }

    /** The operations autogenerate writes: the safe forms on. */
    private static List<SchemaOperation> between(SchemaSnapshot from, SchemaSnapshot to) {
        return SchemaDiff.between(from, to, RenameHints.none(), true);
    }

    private static List<String> describe(List<MigrationStep> steps) {
        return steps.stream().map(step -> step.kind() + ": " + step.changes().upgrade().stream()
                .map(SchemaOperation::describe).toList() + " / undo " + step.changes().downgrade().stream()
                .map(SchemaOperation::describe).toList()).toList();
    }

    @Test
    void aNewTableKeepsItsIndexesAndForeignKeysInTheMainMigration() {
        List<SchemaOperation> operations = between(Samples.schema(Samples.users()),
                Samples.schema(Samples.users(), Samples.tasks()));
        assertThat(operations).filteredOn(operation -> operation instanceof CreateIndex create && create.concurrently()
                || operation instanceof AddForeignKey add && add.notValid()).isEmpty();
        assertThat(MigrationStep.of(SchemaChanges.of(operations))).extracting(MigrationStep::kind)
                .containsExactly(MigrationStep.Kind.MAIN);
    }

    @Test
    void aFixToRunByHandKeepsThePlainForms() {
        TableDef bare = tasksWith(Map.of(), Map.of(), null);
        assertThat(SchemaDiff.between(Samples.schema(Samples.users(), bare),
                Samples.schema(Samples.users(), Samples.tasks()))).containsExactly(
                new CreateIndex("tasks", Samples.tasks().indexes().get("ix_tasks_user_id")),
                new AddForeignKey("tasks", Samples.tasks().foreignKeys().get("fk_tasks_user_id")));
    }

    @Test
    void onATableThatExistsIndexesGoConcurrentlyAndForeignKeysNotValid() {
        TableDef bare = tasksWith(Map.of(), Map.of(), null);
        List<SchemaOperation> operations = between(Samples.schema(Samples.users(), bare),
                Samples.schema(Samples.users(), Samples.tasks()));
        assertThat(operations).containsExactly(
                new CreateIndex("tasks", Samples.tasks().indexes().get("ix_tasks_user_id"), true),
                new AddForeignKey("tasks", Samples.tasks().foreignKeys().get("fk_tasks_user_id"), true));

        List<MigrationStep> steps = MigrationStep.of(SchemaChanges.of(operations));
        assertThat(describe(steps)).containsExactly(
                "MAIN: [add foreign key fk_tasks_user_id from tasks to users]"
                        + " / undo [drop foreign key fk_tasks_user_id of tasks]",
                "VALIDATE: [validate foreign key fk_tasks_user_id of tasks]"
                        + " / undo [make foreign key NOT VALID: fk_tasks_user_id of tasks]",
                "CREATE_INDEXES: [create index ix_tasks_user_id on tasks] / undo [drop index ix_tasks_user_id of tasks]");
        assertThat(String.join("\n", SqlRenderer.render(steps.get(2).changes().downgrade().get(0))))
                .isEqualTo("DROP INDEX CONCURRENTLY IF EXISTS ix_tasks_user_id;");
    }

    @Test
    void whatATableThatExistsLosesIsTakenAwayBeforeTheMainMigration() {
        List<SchemaOperation> operations = between(Samples.schema(Samples.users(), Samples.tasks()),
                Samples.schema(Samples.users(), tasksWith(Map.of(), Map.of(), null)));
        assertThat(operations).containsExactly(
                new DropForeignKey("tasks", Samples.tasks().foreignKeys().get("fk_tasks_user_id"), true),
                new DropIndex("tasks", Samples.tasks().indexes().get("ix_tasks_user_id"), true));

        assertThat(describe(MigrationStep.of(SchemaChanges.of(operations)))).containsExactly(
                "DROP_INDEXES: [drop index ix_tasks_user_id of tasks] / undo [create index ix_tasks_user_id on tasks]",
                "UNVALIDATE: [make foreign key NOT VALID: fk_tasks_user_id of tasks]"
                        + " / undo [validate foreign key fk_tasks_user_id of tasks]",
                "MAIN: [drop foreign key fk_tasks_user_id of tasks]"
                        + " / undo [add foreign key fk_tasks_user_id from tasks to users]");
    }

    @Test
    void theValidationReadsEveryTableBeforeItTakesAnAccessExclusiveLock() {
        List<ColumnDef> nullable = List.of(Samples.id(), Samples.column("user_id", "integer", true),
                Samples.column("schedule", "character varying(255)", true));
        TableDef before = tasksWith(Map.of(), Map.of(), nullable);
        TableDef after = tasksWith(Map.of(), Samples.tasks().foreignKeys(), null);
        List<SchemaOperation> operations = between(Samples.schema(Samples.users(), before),
                Samples.schema(Samples.users(), after));
        assertThat(operations).filteredOn(AlterColumnNullability.class::isInstance)
                .allMatch(operation -> ((AlterColumnNullability) operation).viaCheck()).hasSize(2);

        List<MigrationStep> steps = MigrationStep.of(SchemaChanges.of(operations));
        assertThat(steps.get(1).changes().upgrade()).extracting(SchemaOperation::describe).containsExactly(
                "validate the NOT NULL check of tasks.schedule",
                "validate the NOT NULL check of tasks.user_id",
                "validate foreign key fk_tasks_user_id of tasks",
                "set NOT NULL from its check on tasks.schedule",
                "set NOT NULL from its check on tasks.user_id");
        // and its undo adds the checks back NOT VALID, with nothing to undo for the validations
        assertThat(steps.get(1).changes().downgrade()).extracting(SchemaOperation::describe).containsExactly(
                "replace NOT NULL by a NOT VALID check on tasks.user_id",
                "replace NOT NULL by a NOT VALID check on tasks.schedule",
                "make foreign key NOT VALID: fk_tasks_user_id of tasks",
                "leave NOT VALID the NOT NULL check of tasks.user_id",
                "leave NOT VALID the NOT NULL check of tasks.schedule");
    }

    @Test
    void onARenamedTableWhatGoesBeforeTheMainMigrationStaysPlain() {
        TableDef renamed = tasksWith(Map.of(), Map.of(), null).withName("jobs");
        List<SchemaOperation> operations = SchemaDiff.between(Samples.schema(Samples.users(), Samples.tasks()),
                Samples.schema(Samples.users(), renamed), RenameHints.parse(List.of("tasks->jobs")), true);
        assertThat(operations).filteredOn(operation -> operation instanceof DropIndex
                || operation instanceof DropForeignKey).containsExactlyInAnyOrder(
                new DropForeignKey("jobs", Samples.tasks().foreignKeys().get("fk_tasks_user_id"), false),
                new DropIndex("jobs", Samples.tasks().indexes().get("ix_tasks_user_id"), false));
        assertThat(MigrationStep.of(SchemaChanges.of(operations))).extracting(MigrationStep::kind)
                .containsExactly(MigrationStep.Kind.MAIN);
    }

    @Test
    void aColumnOfThePrimaryKeyOrAnIdentityChangesNullabilityPlainly() {
        TableDef users = Samples.users();
        List<ColumnDef> columns = List.of(new ColumnDef("id", "integer", true, null, ColumnDef.Identity.NONE),
                users.columns().get(1), users.columns().get(2));
        TableDef keyless = new TableDef("users", columns, null, users.uniques(), users.indexes(),
                users.foreignKeys());
        List<SchemaOperation> operations = between(Samples.schema(keyless), Samples.schema(
                new TableDef("users", List.of(new ColumnDef("id", "integer", false, null, ColumnDef.Identity.NONE),
                        columns.get(1), columns.get(2)), users.primaryKey(), users.uniques(), users.indexes(),
                        users.foreignKeys())));
        assertThat(operations).filteredOn(AlterColumnNullability.class::isInstance)
                .noneMatch(operation -> ((AlterColumnNullability) operation).viaCheck()).hasSize(1);
    }
}
