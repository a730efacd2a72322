package dev.assistant.migrate.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every operation type renders, knows its inverse, and its inverse's inverse is itself; and an undo runs in an order
 * that Phase's rule allows.
 */
class SchemaOperationTest {

    /** One of each operation type. */
    static List<SchemaOperation> oneOfEach() {
        TableDef users = Samples.users();
        TableDef tasks = Samples.tasks();
        SequenceDef sequence = new SequenceDef("notes_seq", 1, 50);
        return List.of(
                new SchemaOperation.CreateTable(users),
                new SchemaOperation.DropTable(users),
                new SchemaOperation.AddColumn("users", Samples.column("timezone", "text", true), "tz"),
                new SchemaOperation.DropColumn("users", Samples.column("tz", "text", true), "timezone"),
                new SchemaOperation.AlterColumnType("users", "username", "character varying(50)", "text"),
                new SchemaOperation.AlterColumnNullability("users", Samples.column("username", "text", false), true,
                        false),
                new SchemaOperation.AlterColumnDefault("users", "created_at", null, "now()"),
                new SchemaOperation.AlterColumnIdentity("users", Samples.id("users", ColumnDef.Identity.SERIAL),
                        Samples.id("users", ColumnDef.Identity.BY_DEFAULT)),
                new SchemaOperation.AddPrimaryKey("users", users.primaryKey()),
                new SchemaOperation.DropPrimaryKey("users", users.primaryKey()),
                new SchemaOperation.AddUnique("users", users.uniques().get("uq_users_username")),
                new SchemaOperation.DropUnique("users", users.uniques().get("uq_users_username")),
                new SchemaOperation.CreateIndex("tasks", tasks.indexes().get("ix_tasks_user_id")),
                new SchemaOperation.DropIndex("tasks", tasks.indexes().get("ix_tasks_user_id")),
                new SchemaOperation.AddForeignKey("tasks", tasks.foreignKeys().get("fk_tasks_user_id")),
                new SchemaOperation.DropForeignKey("tasks", tasks.foreignKeys().get("fk_tasks_user_id")),
                new SchemaOperation.ForeignKeyValidation("tasks", tasks.foreignKeys().get("fk_tasks_user_id"), true),
                new SchemaOperation.CheckConstraintValidation("users", new CheckDef("ck_name",
                        "CHECK ((length((username)::text) > 2))"), true),
                new SchemaOperation.CheckValidation("users", Samples.column("nickname", "text", false), true),
                new SchemaOperation.NotNullValidation("users", Samples.column("nickname", "text", false), true),
                new SchemaOperation.CreateSequence(sequence),
                new SchemaOperation.DropSequence(sequence),
                new SchemaOperation.AlterSequence(sequence, new SequenceDef("notes_seq", 1, 20)),
                new SchemaOperation.CreateExtension("citext"),
                new SchemaOperation.DropExtension("citext"),
                new SchemaOperation.CreateSchema("billing"),
                new SchemaOperation.DropSchema("billing"),
                new SchemaOperation.RenameTable(users, users.withName("members"), false),
                new SchemaOperation.RenameColumn("users", Samples.column("mail", "text", true),
                        Samples.column("email", "text", true), true),
                new SchemaOperation.RenameConstraint("users", "uq_a", "uq_b"),
                new SchemaOperation.RenameIndex("tasks", "ix_a", "ix_b"),
                new SchemaOperation.AddCheck("users", new CheckDef("users_username_check",
                        "CHECK ((length((username)::text) > 2))")),
                new SchemaOperation.DropCheck("users", new CheckDef("users_username_check",
                        "CHECK ((length((username)::text) > 2))")));
    }

    @Test
    void theSamplesCoverEveryOperationType() {
        Set<Class<?>> sampled = oneOfEach().stream().map(Object::getClass).collect(Collectors.toSet());
        assertThat(sampled).containsExactlyInAnyOrderElementsOf(Arrays.asList(SchemaOperation.class
                .getPermittedSubclasses()));
    }

    @Test
    void everyOperationRendersAndReverses() {
        for (SchemaOperation operation : oneOfEach()) {
            SchemaOperation inverse = operation.inverse();
            assertThat(inverse.inverse()).as(operation.describe()).isEqualTo(operation);
            assertThat(SqlRenderer.render(operation)).as(operation.describe()).isNotEmpty()
                    .last().asString().endsWith(";");
            // the one inverse with nothing to run: PostgreSQL cannot make a valid check NOT VALID, and needs not
            boolean nothingToRun = inverse instanceof SchemaOperation.CheckValidation check && !check.validates();
            assertThat(SqlRenderer.render(inverse)).as(inverse.describe()).isNotEmpty()
                    .last().asString().endsWith(nothingToRun ? "nothing to undo for VALIDATE CONSTRAINT" : ";");
            assertThat(operation.describe()).isNotBlank();
        }
    }

    /** A column of notes in the states a migration moves it between; an identity column has no default. */
    static Stream<Arguments> columnChanges() {
        List<ColumnDef> states = List.of(
                new ColumnDef("c", "character varying(10)", true, null, ColumnDef.Identity.NONE),
                new ColumnDef("c", "character varying(10)", false, "'new'::character varying", ColumnDef.Identity.NONE),
                new ColumnDef("c", "integer", false, "0", ColumnDef.Identity.NONE),
                new ColumnDef("c", "integer", true, "0", ColumnDef.Identity.NONE),
                new ColumnDef("c", "integer", false, null, ColumnDef.Identity.BY_DEFAULT),
                new ColumnDef("c", "bigint", false, null, ColumnDef.Identity.ALWAYS),
                new ColumnDef("c", "integer", true, null, ColumnDef.Identity.NONE));
        return states.stream().flatMap(from -> states.stream().filter(to -> !to.equals(from))
                .map(to -> Arguments.of(from, to)));
    }

    /**
     * Phase's rule holds for undo scripts: the undo runs the inverses in reverse order, and for the changes of one
     * column (type, default, NOT NULL, identity, in any combination) that order is Phase order again. Each step
     * also meets what PostgreSQL requires at that moment, both ways: a type changes while no default of only the
     * old or only the new type is set; a default is set on a column that has its type and no identity; NOT NULL is
     * dropped from a column that is no identity; identity is added to a NOT NULL column without a default.
     */
    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("columnChanges")
    void theUndoOfAColumnChangeRunsInPhaseOrderAndEachStepIsValid(ColumnDef from, ColumnDef to) {
        TableDef before = Samples.withColumns(Samples.users(), List.of(Samples.id(), from));
        TableDef after = Samples.withColumns(Samples.users(), List.of(Samples.id(), to));
        List<SchemaOperation> upgrade = SchemaDiff.between(Samples.schema(before), Samples.schema(after));
        List<SchemaOperation> undo = SchemaDiff.inverse(upgrade);

        assertThat(upgrade).isNotEmpty().isSortedAccordingTo(Comparator.comparing(SchemaOperation::phase));
        assertThat(undo).as("undo " + undo.stream().map(SchemaOperation::describe).toList())
                .isSortedAccordingTo(Comparator.comparing(SchemaOperation::phase));
        assertThat(replay(from, to, upgrade)).isEqualTo(to);
        assertThat(replay(to, from, undo)).isEqualTo(from);
    }

    /** Applies column operations to {@code start}, checking before each what PostgreSQL would check. */
    private static ColumnDef replay(ColumnDef start, ColumnDef goal, List<SchemaOperation> operations) {
        ColumnDef column = start;
        for (SchemaOperation operation : operations) {
            String step = operation.describe() + " (from " + start + " to " + goal + ")";
            if (operation instanceof SchemaOperation.AlterColumnType alter) {
                assertThat(column.defaultExpression() == null
                        || column.defaultExpression().equals(start.defaultExpression())
                        && column.defaultExpression().equals(goal.defaultExpression()))
                        .as(step + ": a default written for one of the types is still set").isTrue();
                column = new ColumnDef("c", alter.toType(), column.nullable(), column.defaultExpression(),
                        column.identity());
            } else if (operation instanceof SchemaOperation.AlterColumnDefault alter) {
                if (alter.toDefault() != null) {
                    assertThat(column.type()).as(step + ": the default is set on the other type")
                            .isEqualTo(goal.type());
                    assertThat(column.identity()).as(step + ": an identity column takes no default")
                            .isEqualTo(ColumnDef.Identity.NONE);
                }
                column = new ColumnDef("c", column.type(), column.nullable(), alter.toDefault(), column.identity());
            } else if (operation instanceof SchemaOperation.AlterColumnNullability alter) {
                if (alter.toNullable()) {
                    assertThat(column.identity()).as(step + ": an identity column stays NOT NULL")
                            .isEqualTo(ColumnDef.Identity.NONE);
                }
                column = new ColumnDef("c", column.type(), alter.toNullable(), column.defaultExpression(),
                        column.identity());
            } else if (operation instanceof SchemaOperation.AlterColumnIdentity alter) {
                // the operation replaces the default itself: an identity takes none, a serial's is its sequence
                ColumnDef.Identity identity = alter.to().identity();
                if (identity == ColumnDef.Identity.BY_DEFAULT || identity == ColumnDef.Identity.ALWAYS) {
                    assertThat(column.nullable()).as(step + ": identity needs NOT NULL first").isFalse();
                }
                if (alter.from().identity() == ColumnDef.Identity.NONE) {
                    assertThat(column.type()).as(step + ": generation starts on the final type")
                            .isEqualTo(goal.type());
                    assertThat(column.defaultExpression()).as(step + ": a plain default is gone first")
                            .isEqualTo(alter.from().defaultExpression());
                }
                column = new ColumnDef("c", column.type(), column.nullable(), alter.to().defaultExpression(),
                        identity);
            } else {
                throw new AssertionError("not a column change: " + operation.describe());
            }
        }
        return column;
    }

    @Test
    void destructiveOperationsAreFlaggedAndWarnInTheirSql() {
        for (SchemaOperation operation : oneOfEach()) {
            boolean warns = SqlRenderer.render(operation).stream().anyMatch(line -> line.startsWith("-- WARNING"));
            if (operation.isDestructive()) {
                assertThat(warns).as(operation.describe() + " destroys data and says so").isTrue();
            }
        }
        assertThat(oneOfEach()).filteredOn(SchemaOperation::isDestructive).extracting(SchemaOperation::describe)
                .containsExactlyInAnyOrder("drop table users", "drop column users.tz", "drop sequence notes_seq");
    }

    @Test
    void theUndoOfAListIsTheInversesInReverseOrder() {
        List<SchemaOperation> upgrade = oneOfEach().subList(0, 3);
        List<SchemaOperation> downgrade = SchemaDiff.inverse(upgrade);
        assertThat(downgrade).containsExactly(upgrade.get(2).inverse(), upgrade.get(1).inverse(),
                upgrade.get(0).inverse());
        assertThat(SchemaDiff.inverse(downgrade)).isEqualTo(upgrade);
    }
}
