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
                "drop default of users.created_at",
                "change type of users.username from character varying(255) to character varying(64)",
                "set default of users.username to 'anonymous'::character varying",
                "forbid NULL in users.username");
    }

    @Test
    void aDroppedAndAnAddedColumnOfFittingTypesButUnrelatedNamesAreAPossibleRename() {
        TableDef before = Samples.withColumns(Samples.users(), List.of(Samples.id(),
                Samples.column("title", "character varying(64)", true), Samples.column("legacy", "bytea", true)));
        TableDef after = Samples.withColumns(Samples.users(), List.of(Samples.id(),
                Samples.column("heading", "text", true), Samples.column("avatar", "jsonb", true)));
        List<SchemaOperation> operations = SchemaDiff.between(Samples.schema(before), Samples.schema(after));
        assertThat(operations).filteredOn(operation -> operation instanceof SchemaOperation.AddColumn)
                .extracting(operation -> ((SchemaOperation.AddColumn) operation).possibleRenameOf())
                .containsExactly(null, "title");
        assertThat(operations).filteredOn(operation -> operation instanceof SchemaOperation.DropColumn)
                .extracting(operation -> ((SchemaOperation.DropColumn) operation).possibleRenameTo())
                .containsExactly(null, "heading");
    }

    @Test
    void aColumnWhoseNameAndTypeFitIsRenamedAndKeepsItsValues() {
        TableDef before = Samples.withColumns(Samples.users(), List.of(Samples.id(),
                Samples.column("tz", "character varying(64)", true), Samples.column("created_at",
                        "timestamp(6) with time zone", false)));
        TableDef after = Samples.withColumns(Samples.users(), List.of(Samples.id(),
                Samples.column("timezone", "text", true), Samples.column("created_at",
                        "timestamp(6) with time zone", false)));
        assertThat(describe(SchemaDiff.between(Samples.schema(before), Samples.schema(after)))).containsExactly(
                "rename column users.tz to users.timezone",
                "change type of users.timezone from character varying(64) to text");
    }

    @Test
    void declaredRenamesApplyWhateverTheNamesLookLike() {
        TableDef before = Samples.withColumns(Samples.users(), List.of(Samples.id(),
                Samples.column("title", "text", true)));
        TableDef after = Samples.withColumns(Samples.users(), List.of(Samples.id(),
                Samples.column("heading", "text", true)));
        List<SchemaOperation> operations = SchemaDiff.between(Samples.schema(before), Samples.schema(after),
                RenameHints.parse(List.of("users.title->heading")));
        assertThat(describe(operations)).containsExactly("rename column users.title to users.heading");
        assertThat(((SchemaOperation.RenameColumn) operations.get(0)).hinted()).isTrue();
        assertThat(Renames.unused(operations, RenameHints.parse(List.of("users.title->heading", "a->b"))))
                .extracting(RenameHints.Rename::toString).containsExactly("a->b");
    }

    @Test
    void aTableWithTheSameColumnsUnderANewNameIsRenamedAndItsReferencesFollow() {
        TableDef people = Samples.users().withName("people");
        ForeignKeyDef toPeople = new ForeignKeyDef("fk_tasks_user_id", List.of("user_id"), "people", List.of("id"),
                ForeignKeyDef.OnDelete.CASCADE);
        TableDef tasks = Samples.tasks().withForeignKeys(new TreeMap<>(Map.of(toPeople.name(), toPeople)));
        List<SchemaOperation> operations = SchemaDiff.between(Samples.schema(people, tasks),
                Samples.schema(Samples.users(), Samples.tasks()));
        assertThat(describe(operations)).containsExactly("rename table people to users");
        assertThat(describe(SchemaDiff.inverse(operations))).containsExactly("rename table users to people");
    }

    @Test
    void twoCandidatesForOneColumnAreNotARename() {
        TableDef before = Samples.withColumns(Samples.users(), List.of(Samples.id(),
                Samples.column("mail", "text", true)));
        TableDef after = Samples.withColumns(Samples.users(), List.of(Samples.id(),
                Samples.column("email", "text", true), Samples.column("mail_status", "text", true)));
        assertThat(describe(SchemaDiff.between(Samples.schema(before), Samples.schema(after))))
                .noneMatch(operation -> operation.startsWith("rename"));
    }

    @Test
    void constraintsTheModelLeavesUnnamedMatchByDefinition() {
        TableDef database = new TableDef("users", Samples.users().columns(), new PrimaryKeyDef("people_pkey",
                List.of("id")), new TreeMap<>(Map.of("uq_username", new UniqueDef("uq_username",
                List.of("username")))), null, null, new TreeMap<>(Map.of("ck_name", new CheckDef("ck_name",
                "CHECK ((length((username)::text) > 2))"))));
        TableDef model = new TableDef("users", Samples.users().columns(), new PrimaryKeyDef("users_pkey",
                List.of("id")), new TreeMap<>(Map.of("users_username_key", new UniqueDef("users_username_key",
                List.of("username"), true))), null, null, new TreeMap<>(Map.of("users_username_check",
                new CheckDef("users_username_check", "CHECK ((length((username)::text) > 2))", true))));
        assertThat(SchemaDiff.between(Samples.schema(database), Samples.schema(model))).isEmpty();

        TableDef named = new TableDef("users", model.columns(), model.primaryKey(), new TreeMap<>(Map.of("uq_login",
                new UniqueDef("uq_login", List.of("username")))), null, null, database.checks());
        assertThat(describe(SchemaDiff.between(Samples.schema(database), Samples.schema(named))))
                .containsExactly("rename constraint uq_username of users to uq_login");
    }

    @Test
    void aUniqueIndexServesAsAUniqueConstraint() {
        IndexDef unique = new IndexDef("ix_users_username", List.of(new IndexDef.IndexColumn("username", false)),
                true);
        TableDef database = new TableDef("users", Samples.users().columns(), Samples.users().primaryKey(), null,
                new TreeMap<>(Map.of(unique.name(), unique)), null);
        TableDef model = new TableDef("users", Samples.users().columns(), Samples.users().primaryKey(),
                new TreeMap<>(Map.of("users_username_key", new UniqueDef("users_username_key", List.of("username"),
                        true))), null, null);
        assertThat(SchemaDiff.between(Samples.schema(database), Samples.schema(model))).isEmpty();
    }

    @Test
    void checksCompareByExpression() {
        TableDef before = Samples.users().withChecks(new TreeMap<>(Map.of("users_username_check", new CheckDef(
                "users_username_check", "CHECK ((length((username)::text) > 2))"))));
        TableDef after = Samples.users().withChecks(new TreeMap<>(Map.of("users_username_check", new CheckDef(
                "users_username_check", "CHECK ((length((username)::text) > 3))", true))));
        assertThat(describe(SchemaDiff.between(Samples.schema(before), Samples.schema(after)))).containsExactly(
                "drop check constraint users_username_check of users",
                "add check constraint users_username_check on users CHECK ((length((username)::text) > 3))");
    }

    @Test
    void ownedSequencesCompareByMeaningNotByName() {
        TableDef database = Samples.withColumns(Samples.users(), List.of(new ColumnDef("id", "integer", false,
                "nextval('people_id_seq'::regclass)", ColumnDef.Identity.SERIAL)));
        TableDef model = Samples.withColumns(Samples.users(), List.of(Samples.id("users", ColumnDef.Identity.SERIAL)));
        assertThat(SchemaDiff.between(Samples.schema(database), Samples.schema(model))).isEmpty();

        TableDef identity = Samples.withColumns(Samples.users(), List.of(Samples.id()));
        assertThat(describe(SchemaDiff.between(Samples.schema(database), Samples.schema(identity))))
                .containsExactly("change identity of users.id from SERIAL to BY_DEFAULT");
    }

    @Test
    void primaryKeysCompareByColumns() {
        TableDef database = new TableDef("users", Samples.users().columns(), new PrimaryKeyDef("people_pkey",
                List.of("id")), Samples.users().uniques(), null, null);
        assertThat(SchemaDiff.between(Samples.schema(database), Samples.schema(Samples.users()))).isEmpty();
    }

    @Test
    void aCompositePrimaryKeyIsTheSetOfItsColumns() {
        TableDef sql = new TableDef("users", Samples.users().columns(), new PrimaryKeyDef("users_pkey",
                List.of("username", "id")), Samples.users().uniques(), null, null);
        TableDef hibernate = new TableDef("users", Samples.users().columns(), new PrimaryKeyDef("users_pkey",
                List.of("id", "username")), Samples.users().uniques(), null, null);
        assertThat(SchemaDiff.between(Samples.schema(sql), Samples.schema(hibernate))).isEmpty();
    }

    @Test
    void aSerialColumnWhoseSequenceTheModelDrawsFromIsNoDrift() {
        SchemaSnapshot sql = Samples.schema(Samples.withColumns(Samples.users(),
                List.of(Samples.id("users", ColumnDef.Identity.SERIAL))));
        SequenceDef generator = new SequenceDef("users_id_seq", 1, 1);
        SchemaSnapshot model = new SchemaSnapshot(Samples.schema(Samples.withColumns(Samples.users(),
                List.of(Samples.id("users", ColumnDef.Identity.NONE)))).tables(),
                new TreeMap<>(Map.of(generator.name(), generator)), null);
        assertThat(describe(SchemaDiff.between(sql, model))).containsExactly("create sequence users_id_seq",
                "change identity of users.id from SERIAL to NONE");
        assertThat(SchemaDiff.between(Autogenerator.drawingFromModelSequences(sql, model), model)).isEmpty();
    }

    @Test
    void schemasAndExtensionsComeFirstAndGoLast() {
        TableDef invoices = Samples.users().withName("billing.invoices");
        SchemaSnapshot model = new SchemaSnapshot(new TreeMap<>(Map.of(invoices.name(), invoices)), null, null,
                new java.util.TreeSet<>(List.of("billing")), new java.util.TreeSet<>(List.of("citext")));
        List<SchemaOperation> operations = SchemaDiff.between(SchemaSnapshot.empty(), model);
        assertThat(describe(operations)).containsExactly("create extension citext", "create schema billing",
                "create table billing.invoices");
        assertThat(describe(SchemaDiff.inverse(operations))).containsExactly("drop table billing.invoices",
                "drop schema billing", "drop extension citext");
    }

    @Test
    void aNewSequenceStartsPastTheIdsOfAnExistingTableOnly() {
        SequenceDef.ColumnRef notesId = new SequenceDef.ColumnRef("users", "id");
        SchemaSnapshot model = new SchemaSnapshot(new TreeMap<>(Map.of("users", Samples.users())),
                new TreeMap<>(Map.of("users_seq", new SequenceDef("users_seq", 1, 50, notesId))), null);
        List<SchemaOperation> onExisting = SchemaDiff.between(Samples.schema(Samples.users()), model);
        assertThat(onExisting).containsExactly(new SchemaOperation.CreateSequence(
                new SequenceDef("users_seq", 1, 50, notesId), notesId));
        List<SchemaOperation> onNew = SchemaDiff.between(SchemaSnapshot.empty(), model);
        assertThat(onNew).contains(new SchemaOperation.CreateSequence(new SequenceDef("users_seq", 1, 50, notesId),
                null));
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
