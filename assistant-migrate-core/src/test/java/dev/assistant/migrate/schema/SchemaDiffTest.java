package dev.assistant.migrate.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SchemaDiffTest {

    private static List<String> describe(List<SchemaOperation> operations) {
        return operations.stream().map(SchemaOperation::describe).toList();
    }

    @Test
    void identicalSchemasNeedNothing() {
        assertThat(SchemaDiff.between(Samples.schema(Samples.users(), Samples.tasks()),
                Samples.schema(Samples.users(), Samples.tasks()))).isEmpty();
    }

    @Test
    void aTimeTypeWithTheDefaultPrecisionIsTheSameType() {
        TableDef declared = Samples.withColumns(Samples.users(), List.of(Samples.id(),
                Samples.column("created_at", "timestamp without time zone", false),
                Samples.column("seen_at", "timestamp with time zone", true)));
        TableDef hibernate = Samples.withColumns(Samples.users(), List.of(Samples.id(),
                Samples.column("created_at", "timestamp(6) without time zone", false),
                Samples.column("seen_at", "timestamp(6) with time zone", true)));
        TableDef coarser = Samples.withColumns(Samples.users(), List.of(Samples.id(),
                Samples.column("created_at", "timestamp(3) without time zone", false),
                Samples.column("seen_at", "timestamp(6) with time zone", true)));

        assertThat(SchemaDiff.between(Samples.schema(declared), Samples.schema(hibernate))).isEmpty();
        assertThat(describe(SchemaDiff.between(Samples.schema(declared), Samples.schema(coarser)))).containsExactly(
                "change type of users.created_at from timestamp without time zone to timestamp(3) without time zone");
    }

    @Test
    void aNewTableComesWithItsIndexesAndThenItsForeignKeys() {
        List<SchemaOperation> operations = SchemaDiff.between(Samples.schema(Samples.users()),
                Samples.schema(Samples.users(), Samples.tasks()));
        assertThat(describe(operations)).containsExactly(
                "create table tasks",
                "create index ix_tasks_user_id on tasks",
                "add foreign key fk_tasks_user_id from tasks to users");
        assertThat(((SchemaOperation.CreateTable) operations.get(0)).table().foreignKeys()).isEmpty();
    }

    @Test
    void droppingTablesTakesTheirForeignKeysFirstAndChildrenBeforeParents() {
        List<SchemaOperation> operations = SchemaDiff.between(Samples.schema(Samples.users(), Samples.tasks()),
                SchemaSnapshot.empty());
        assertThat(describe(operations)).containsExactly(
                "drop foreign key fk_tasks_user_id of tasks",
                "drop index ix_tasks_user_id of tasks",
                "drop table tasks",
                "drop table users");
    }

    @Test
    void newTablesComeInForeignKeyOrder() {
        TableDef settings = new TableDef("a_settings", List.of(Samples.id(), Samples.column("user_id", "integer",
                false)), new PrimaryKeyDef("a_settings_pkey", List.of("id")), null, null,
                new TreeMap<>(Map.of("fk", new ForeignKeyDef("fk", List.of("user_id"), "users", List.of("id"), null))));
        List<SchemaOperation> creates = SchemaDiff.between(SchemaSnapshot.empty(),
                Samples.schema(settings, Samples.users())).stream()
                .filter(operation -> operation instanceof SchemaOperation.CreateTable).toList();
        assertThat(describe(creates)).containsExactly("create table users", "create table a_settings");
    }

    @Test
    void columnChangesAreDetectedOneByOne() {
        TableDef before = Samples.users();
        TableDef after = Samples.withColumns(before, List.of(
                Samples.id(),
                new ColumnDef("username", "character varying(64)", false, "'anonymous'::character varying",
                        ColumnDef.Identity.NONE),
                new ColumnDef("created_at", "timestamp(6) with time zone", false, null, ColumnDef.Identity.NONE)));
        assertThat(describe(SchemaDiff.between(Samples.schema(before), Samples.schema(after)))).containsExactly(
                "change type of users.username from character varying(255) to character varying(64)",
                "drop default of users.created_at",
                "set default of users.username to 'anonymous'::character varying",
                "forbid NULL in users.username");
    }

    @Test
    void aDroppedAndAnAddedColumnOfFittingTypesAreAPossibleRename() {
        TableDef before = Samples.withColumns(Samples.users(), List.of(Samples.id(),
                Samples.column("tz", "character varying(64)", true), Samples.column("legacy", "bytea", true)));
        TableDef after = Samples.withColumns(Samples.users(), List.of(Samples.id(),
                Samples.column("timezone", "text", true), Samples.column("avatar", "jsonb", true)));
        List<SchemaOperation> operations = SchemaDiff.between(Samples.schema(before), Samples.schema(after));
        assertThat(operations).filteredOn(operation -> operation instanceof SchemaOperation.AddColumn)
                .extracting(operation -> ((SchemaOperation.AddColumn) operation).possibleRenameOf())
                .containsExactly(null, "tz");
        assertThat(operations).filteredOn(operation -> operation instanceof SchemaOperation.DropColumn)
                .extracting(operation -> ((SchemaOperation.DropColumn) operation).possibleRenameTo())
                .containsExactly(null, "timezone");
    }

    @Test
    void constraintsIndexesAndForeignKeysAreComparedByName() {
        TableDef before = Samples.tasks();
        IndexDef descending = new IndexDef("ix_tasks_user_id", List.of(new IndexDef.IndexColumn("user_id", true)),
                false);
        ForeignKeyDef noCascade = new ForeignKeyDef("fk_tasks_user_id", List.of("user_id"), "users", List.of("id"),
                ForeignKeyDef.OnDelete.NO_ACTION);
        TableDef after = new TableDef("tasks", before.columns(), before.primaryKey(),
                new TreeMap<>(Map.of("uq_tasks_schedule", new UniqueDef("uq_tasks_schedule", List.of("schedule")))),
                new TreeMap<>(Map.of(descending.name(), descending)),
                new TreeMap<>(Map.of(noCascade.name(), noCascade)));
        assertThat(describe(SchemaDiff.between(Samples.schema(Samples.users(), before),
                Samples.schema(Samples.users(), after)))).containsExactly(
                "drop foreign key fk_tasks_user_id of tasks",
                "drop index ix_tasks_user_id of tasks",
                "add unique constraint uq_tasks_schedule on tasks [schedule]",
                "create index ix_tasks_user_id on tasks",
                "add foreign key fk_tasks_user_id from tasks to users");
    }

    @Test
    void primaryKeyChangesAreADropAndAnAdd() {
        TableDef before = Samples.users();
        TableDef after = new TableDef("users", before.columns(), new PrimaryKeyDef("users_pkey", List.of("id",
                "username")), before.uniques(), before.indexes(), before.foreignKeys());
        assertThat(describe(SchemaDiff.between(Samples.schema(before), Samples.schema(after)))).containsExactly(
                "drop primary key users_pkey of users", "add primary key users_pkey on users [id, username]");
    }

    @Test
    void sequencesAreCreatedAlteredAndDroppedLast() {
        SchemaSnapshot before = new SchemaSnapshot(null, new TreeMap<>(Map.of(
                "a_seq", new SequenceDef("a_seq", 1, 1), "b_seq", new SequenceDef("b_seq", 1, 1))), null);
        SchemaSnapshot after = new SchemaSnapshot(new TreeMap<>(Map.of("users", Samples.users())), new TreeMap<>(Map.of(
                "b_seq", new SequenceDef("b_seq", 1, 50), "c_seq", new SequenceDef("c_seq", 1, 50))), null);
        assertThat(describe(SchemaDiff.between(before, after))).containsExactly(
                "create sequence c_seq",
                "create table users",
                "alter sequence b_seq (increment 1 -> 50, start 1 -> 1)",
                "drop sequence a_seq");
    }

    @Test
    void theOrderIsTheSameWhateverOrderTheInputComesIn() {
        List<SchemaOperation> operations = SchemaDiff.between(Samples.schema(Samples.users(), Samples.tasks()),
                SchemaSnapshot.empty());
        List<SchemaOperation> shuffled = new ArrayList<>(operations);
        java.util.Collections.reverse(shuffled);
        assertThat(SchemaDiff.order(shuffled, Samples.schema(Samples.users(), Samples.tasks()),
                SchemaSnapshot.empty())).isEqualTo(operations);
    }

    @Test
    void theUndoOfADiffIsTheDiffTheOtherWayRound() {
        SchemaSnapshot before = Samples.schema(Samples.users());
        SchemaSnapshot after = Samples.schema(Samples.users(), Samples.tasks());
        assertThat(describe(SchemaDiff.inverse(SchemaDiff.between(before, after))))
                .containsExactlyElementsOf(describe(SchemaDiff.between(after, before)));
    }
}
