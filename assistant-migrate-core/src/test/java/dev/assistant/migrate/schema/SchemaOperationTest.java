package dev.assistant.migrate.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every operation type renders, knows its inverse, and its inverse's inverse is itself. */
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
            assertThat(SqlRenderer.render(inverse)).as(inverse.describe()).isNotEmpty()
                    .last().asString().endsWith(";");
            assertThat(operation.describe()).isNotBlank();
            assertThat(inverse.phase()).as("an inverse runs in the mirrored phase of " + operation.describe())
                    .isNotNull();
        }
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
