package dev.assistant.migrate.schema;

import java.util.List;

/**
 * One change to a schema. Every operation knows its inverse (the undo script is the inverses in reverse order),
 * whether it destroys data, and where in a migration it belongs.
 */
public sealed interface SchemaOperation permits
        SchemaOperation.CreateExtension, SchemaOperation.DropExtension,
        SchemaOperation.CreateSchema, SchemaOperation.DropSchema,
        SchemaOperation.RenameTable, SchemaOperation.RenameColumn,
        SchemaOperation.RenameConstraint, SchemaOperation.RenameIndex,
        SchemaOperation.CreateTable, SchemaOperation.DropTable,
        SchemaOperation.AddColumn, SchemaOperation.DropColumn,
        SchemaOperation.AlterColumnType, SchemaOperation.AlterColumnNullability,
        SchemaOperation.AlterColumnDefault, SchemaOperation.AlterColumnIdentity,
        SchemaOperation.AddPrimaryKey, SchemaOperation.DropPrimaryKey,
        SchemaOperation.AddUnique, SchemaOperation.DropUnique,
        SchemaOperation.AddCheck, SchemaOperation.DropCheck,
        SchemaOperation.CreateIndex, SchemaOperation.DropIndex,
        SchemaOperation.AddForeignKey, SchemaOperation.DropForeignKey,
        SchemaOperation.CreateSequence, SchemaOperation.DropSequence, SchemaOperation.AlterSequence,
        SchemaOperation.ForeignKeyValidation, SchemaOperation.CheckConstraintValidation,
        SchemaOperation.CheckValidation,
        SchemaOperation.NotNullValidation {

    SchemaOperation inverse();

    /** True when running it loses data: dropping a table or column, or narrowing a type. */
    boolean isDestructive();

    Phase phase();

    /** The table (or sequence) it changes, for ordering and messages. */
    String subject();

    /** One line for logs and check findings, e.g. {@code add column users.timezone character varying(255)}. */
    String describe();

    /**
     * What the author must review before applying it, one line each, as {@code create} prints them: a placeholder
     * value, a detected rename, a conversion that assumes a time zone. Destruction is reported apart
     * ({@link #isDestructive()}).
     */
    default List<String> warnings() {
        return List.of();
    }

    /** Creates a table with its columns, primary key and unique constraints. */
    record CreateTable(TableDef table) implements SchemaOperation {
        @Override
        public SchemaOperation inverse() {
            return new DropTable(table);
        }

        @Override
        public boolean isDestructive() {
            return false;
        }

        @Override
        public Phase phase() {
            return Phase.CREATE_TABLE;
        }

        @Override
        public String subject() {
            return table.name();
        }

        @Override
        public String describe() {
            return "create table " + table.name();
        }
    }

    /** Drops a table and every row in it. */
    record DropTable(TableDef table) implements SchemaOperation {
        @Override
        public SchemaOperation inverse() {
            return new CreateTable(table);
        }

        @Override
        public boolean isDestructive() {
            return true;
        }

        @Override
        public Phase phase() {
            return Phase.DROP_TABLE;
        }

        @Override
        public String subject() {
            return table.name();
        }

        @Override
        public String describe() {
            return "drop table " + table.name();
        }
    }

    /**
     * Adds a column.
     *
     * @param possibleRenameOf a column dropped from the same table in the same migration whose type fits, or null
     */
    record AddColumn(String table, ColumnDef column, String possibleRenameOf) implements SchemaOperation {
        @Override
        public SchemaOperation inverse() {
            return new DropColumn(table, column, possibleRenameOf);
        }

        @Override
        public boolean isDestructive() {
            return false;
        }

        @Override
        public Phase phase() {
            return Phase.ADD_COLUMN;
        }

        @Override
        public String subject() {
            return table;
        }

        @Override
        public String describe() {
            return "add column " + table + "." + column.name() + " " + column.type();
        }

        @Override
        public List<String> warnings() {
            Backfill fill = Backfill.whenAdded(column);
            return fill == null || !fill.placeholder() ? List.of()
                    : List.of(fill.warning(table, column.name(), "existing rows of " + table));
        }
    }

    /**
     * Drops a column and its data.
     *
     * @param possibleRenameTo a column added to the same table in the same migration whose type fits, or null
     */
    record DropColumn(String table, ColumnDef column, String possibleRenameTo) implements SchemaOperation {
        @Override
        public SchemaOperation inverse() {
            return new AddColumn(table, column, possibleRenameTo);
        }

        @Override
        public boolean isDestructive() {
            return true;
        }

        @Override
        public Phase phase() {
            return Phase.DROP_COLUMN;
        }

        @Override
        public String subject() {
            return table;
        }

        @Override
        public String describe() {
            return "drop column " + table + "." + column.name();
        }
    }

    /** Changes a column's type; narrowing loses data or fails. */
    record AlterColumnType(String table, String column, String fromType, String toType) implements SchemaOperation {
        @Override
        public SchemaOperation inverse() {
            return new AlterColumnType(table, column, toType, fromType);
        }

        @Override
        public boolean isDestructive() {
            return PostgresTypes.narrows(fromType, toType);
        }

        @Override
        public Phase phase() {
            return Phase.ALTER_TYPE;
        }

        @Override
        public String subject() {
            return table;
        }

        @Override
        public String describe() {
            return "change type of " + table + "." + column + " from " + fromType + " to " + toType;
        }

        @Override
        public List<String> warnings() {
            if (!PostgresTypes.changesTimeZone(fromType, toType)) {
                return List.of();
            }
            return List.of(table + "." + column + " changes from " + PostgresTypes.base(fromType) + " to "
                    + PostgresTypes.base(toType) + ": the script converts at UTC (USING " + column + " AT TIME ZONE"
                    + " 'UTC'), not in the session's time zone; if the values are another zone's, change 'UTC' in the"
                    + " script.");
        }
    }

    /**
     * Allows or forbids NULL in a column. Forbidding it first fills the NULLs of existing rows (see {@link Backfill}).
     *
     * @param column the column as the model declares it: its type, default and role choose the fill
     * @param viaCheck on a table with rows: forbidding NULL adds a {@code CHECK (column IS NOT NULL) NOT VALID} (no
     *     scan) that a later migration validates and turns into NOT NULL ({@link NotNullValidation}); allowing it
     *     drops that check, which an earlier migration put in the place of NOT NULL
     */
    record AlterColumnNullability(String table, ColumnDef column, boolean fromNullable, boolean toNullable,
            boolean viaCheck) implements SchemaOperation {

        public AlterColumnNullability(String table, ColumnDef column, boolean fromNullable, boolean toNullable) {
            this(table, column, fromNullable, toNullable, false);
        }

        @Override
        public SchemaOperation inverse() {
            return new AlterColumnNullability(table, column, toNullable, fromNullable, viaCheck);
        }

        @Override
        public boolean isDestructive() {
            return false;
        }

        @Override
        public Phase phase() {
            return toNullable ? Phase.DROP_NOT_NULL : Phase.SET_NOT_NULL;
        }

        @Override
        public String subject() {
            return table;
        }

        @Override
        public String describe() {
            return (toNullable ? "allow NULL in " : "forbid NULL in ") + table + "." + column.name();
        }

        @Override
        public List<String> warnings() {
            Backfill fill = toNullable ? null : Backfill.whenForbidden(column);
            return fill == null || !fill.placeholder() ? List.of()
                    : List.of(fill.warning(table, column.name(), "rows of " + table + " where it is NULL"));
        }
    }

    /** Sets, changes or removes a column's server default. */
    record AlterColumnDefault(String table, String column, String fromDefault, String toDefault)
            implements SchemaOperation {
        @Override
        public SchemaOperation inverse() {
            return new AlterColumnDefault(table, column, toDefault, fromDefault);
        }

        @Override
        public boolean isDestructive() {
            return false;
        }

        @Override
        public Phase phase() {
            return toDefault == null ? Phase.DROP_DEFAULT : Phase.SET_DEFAULT;
        }

        @Override
        public String subject() {
            return table;
        }

        @Override
        public String describe() {
            return toDefault == null ? "drop default of " + table + "." + column
                    : "set default of " + table + "." + column + " to " + toDefault;
        }
    }

    /**
     * Changes how the database generates a column's values: identity, serial (a default from a sequence the column
     * owns) or none, together with the column's default, which an identity excludes and a serial is. A sequence the
     * column no longer uses is dropped; a new identity or serial continues after the values already in the column.
     *
     * @param from the column as it is
     * @param to the column as it becomes
     */
    record AlterColumnIdentity(String table, ColumnDef from, ColumnDef to) implements SchemaOperation {
        @Override
        public SchemaOperation inverse() {
            return new AlterColumnIdentity(table, to, from);
        }

        @Override
        public boolean isDestructive() {
            return false;
        }

        @Override
        public Phase phase() {
            if (to.identity() == ColumnDef.Identity.NONE) {
                return Phase.DROP_IDENTITY;
            }
            // a switch between kinds is its own mirror, like a type change
            return from.identity() == ColumnDef.Identity.NONE ? Phase.ADD_IDENTITY : Phase.ALTER_TYPE;
        }

        @Override
        public String subject() {
            return table;
        }

        @Override
        public String describe() {
            return "change identity of " + table + "." + to.name() + " from " + from.identity() + " to "
                    + to.identity();
        }
    }

    /** Adds a primary key. */
    record AddPrimaryKey(String table, PrimaryKeyDef primaryKey) implements SchemaOperation {
        @Override
        public SchemaOperation inverse() {
            return new DropPrimaryKey(table, primaryKey);
        }

        @Override
        public boolean isDestructive() {
            return false;
        }

        @Override
        public Phase phase() {
            return Phase.ADD_PRIMARY_KEY;
        }

        @Override
        public String subject() {
            return table;
        }

        @Override
        public String describe() {
            return "add primary key " + primaryKey.name() + " on " + table + " " + primaryKey.columns();
        }
    }

    /** Drops a primary key. */
    record DropPrimaryKey(String table, PrimaryKeyDef primaryKey) implements SchemaOperation {
        @Override
        public SchemaOperation inverse() {
            return new AddPrimaryKey(table, primaryKey);
        }

        @Override
        public boolean isDestructive() {
            return false;
        }

        @Override
        public Phase phase() {
            return Phase.DROP_PRIMARY_KEY;
        }

        @Override
        public String subject() {
            return table;
        }

        @Override
        public String describe() {
            return "drop primary key " + primaryKey.name() + " of " + table;
        }
    }

    /** Adds a unique constraint. */
    record AddUnique(String table, UniqueDef unique) implements SchemaOperation {
        @Override
        public SchemaOperation inverse() {
            return new DropUnique(table, unique);
        }

        @Override
        public boolean isDestructive() {
            return false;
        }

        @Override
        public Phase phase() {
            return Phase.ADD_UNIQUE;
        }

        @Override
        public String subject() {
            return table;
        }

        @Override
        public String describe() {
            return "add unique constraint " + unique.name() + " on " + table + " " + unique.columns();
        }
    }

    /** Drops a unique constraint. */
    record DropUnique(String table, UniqueDef unique) implements SchemaOperation {
        @Override
        public SchemaOperation inverse() {
            return new AddUnique(table, unique);
        }

        @Override
        public boolean isDestructive() {
            return false;
        }

        @Override
        public Phase phase() {
            return Phase.DROP_UNIQUE;
        }

        @Override
        public String subject() {
            return table;
        }

        @Override
        public String describe() {
            return "drop unique constraint " + unique.name() + " of " + table;
        }
    }

    /**
     * Creates an index.
     *
     * @param concurrently on a table with rows: {@code CREATE INDEX CONCURRENTLY}, which lets writes go on but cannot
     *     run in a transaction, so it goes in a migration of its own
     */
    record CreateIndex(String table, IndexDef index, boolean concurrently) implements SchemaOperation {

        public CreateIndex(String table, IndexDef index) {
            this(table, index, false);
        }

        @Override
        public SchemaOperation inverse() {
            return new DropIndex(table, index, concurrently);
        }

        @Override
        public boolean isDestructive() {
            return false;
        }

        @Override
        public Phase phase() {
            return Phase.CREATE_INDEX;
        }

        @Override
        public String subject() {
            return table;
        }

        @Override
        public String describe() {
            return "create " + (index.unique() ? "unique " : "") + "index " + index.name() + " on " + table;
        }
    }

    /**
     * Drops an index.
     *
     * @param concurrently on a table with rows: {@code DROP INDEX CONCURRENTLY IF EXISTS}, in a migration of its own
     */
    record DropIndex(String table, IndexDef index, boolean concurrently) implements SchemaOperation {

        public DropIndex(String table, IndexDef index) {
            this(table, index, false);
        }

        @Override
        public SchemaOperation inverse() {
            return new CreateIndex(table, index, concurrently);
        }

        @Override
        public boolean isDestructive() {
            return false;
        }

        @Override
        public Phase phase() {
            return Phase.DROP_INDEX;
        }

        @Override
        public String subject() {
            return table;
        }

        @Override
        public String describe() {
            return "drop index " + index.name() + " of " + table;
        }
    }

    /**
     * Adds a foreign key.
     *
     * @param notValid on a table with rows: added {@code NOT VALID} (no scan of the rows), and validated by a later
     *     migration ({@link ForeignKeyValidation})
     */
    record AddForeignKey(String table, ForeignKeyDef foreignKey, boolean notValid) implements SchemaOperation {

        public AddForeignKey(String table, ForeignKeyDef foreignKey) {
            this(table, foreignKey, false);
        }

        @Override
        public SchemaOperation inverse() {
            return new DropForeignKey(table, foreignKey, notValid);
        }

        @Override
        public boolean isDestructive() {
            return false;
        }

        @Override
        public Phase phase() {
            return Phase.ADD_FOREIGN_KEY;
        }

        @Override
        public String subject() {
            return table;
        }

        @Override
        public String describe() {
            return "add foreign key " + foreignKey.name() + " from " + table + " to " + foreignKey.referencedTable();
        }
    }

    /**
     * Drops a foreign key.
     *
     * @param notValid on a table with rows: an earlier migration made it NOT VALID, so that the undo adds it back
     *     NOT VALID and that migration's undo validates it
     */
    record DropForeignKey(String table, ForeignKeyDef foreignKey, boolean notValid) implements SchemaOperation {

        public DropForeignKey(String table, ForeignKeyDef foreignKey) {
            this(table, foreignKey, false);
        }

        @Override
        public SchemaOperation inverse() {
            return new AddForeignKey(table, foreignKey, notValid);
        }

        @Override
        public boolean isDestructive() {
            return false;
        }

        @Override
        public Phase phase() {
            return Phase.DROP_FOREIGN_KEY;
        }

        @Override
        public String subject() {
            return table;
        }

        @Override
        public String describe() {
            return "drop foreign key " + foreignKey.name() + " of " + table;
        }
    }

    /**
     * Creates a sequence.
     *
     * @param continuesAfter the existing column whose values it will generate, or null: then it starts past them
     */
    record CreateSequence(SequenceDef sequence, SequenceDef.ColumnRef continuesAfter) implements SchemaOperation {
        public CreateSequence(SequenceDef sequence) {
            this(sequence, null);
        }

        @Override
        public SchemaOperation inverse() {
            return new DropSequence(sequence, continuesAfter);
        }

        @Override
        public boolean isDestructive() {
            return false;
        }

        @Override
        public Phase phase() {
            return Phase.CREATE_SEQUENCE;
        }

        @Override
        public String subject() {
            return sequence.name();
        }

        @Override
        public String describe() {
            return "create sequence " + sequence.name();
        }
    }

    /**
     * Drops a sequence and with it its current value.
     *
     * @param continuesAfter for the inverse: the column whose values a re-created sequence must start past, or null
     */
    record DropSequence(SequenceDef sequence, SequenceDef.ColumnRef continuesAfter) implements SchemaOperation {
        public DropSequence(SequenceDef sequence) {
            this(sequence, null);
        }

        @Override
        public SchemaOperation inverse() {
            return new CreateSequence(sequence, continuesAfter);
        }

        @Override
        public boolean isDestructive() {
            return true;
        }

        @Override
        public Phase phase() {
            return Phase.DROP_SEQUENCE;
        }

        @Override
        public String subject() {
            return sequence.name();
        }

        @Override
        public String describe() {
            return "drop sequence " + sequence.name();
        }
    }

    /** Changes a sequence's increment or start. */
    record AlterSequence(SequenceDef from, SequenceDef to) implements SchemaOperation {
        @Override
        public SchemaOperation inverse() {
            return new AlterSequence(to, from);
        }

        @Override
        public boolean isDestructive() {
            return false;
        }

        @Override
        public Phase phase() {
            return Phase.ALTER_SEQUENCE;
        }

        @Override
        public String subject() {
            return to.name();
        }

        @Override
        public String describe() {
            return "alter sequence " + to.name() + " (increment " + from.increment() + " -> " + to.increment()
                    + ", start " + from.start() + " -> " + to.start() + ")";
        }
    }

    /** Creates an extension the model's types or defaults need ({@code citext}, {@code hstore}, ...). */
    record CreateExtension(String name) implements SchemaOperation {
        @Override
        public SchemaOperation inverse() {
            return new DropExtension(name);
        }

        @Override
        public boolean isDestructive() {
            return false;
        }

        @Override
        public Phase phase() {
            return Phase.CREATE_EXTENSION;
        }

        @Override
        public String subject() {
            return name;
        }

        @Override
        public String describe() {
            return "create extension " + name;
        }
    }

    /** Drops an extension; only ever the undo of creating it. */
    record DropExtension(String name) implements SchemaOperation {
        @Override
        public SchemaOperation inverse() {
            return new CreateExtension(name);
        }

        @Override
        public boolean isDestructive() {
            return false;
        }

        @Override
        public Phase phase() {
            return Phase.DROP_EXTENSION;
        }

        @Override
        public String subject() {
            return name;
        }

        @Override
        public String describe() {
            return "drop extension " + name;
        }
    }

    /** Creates a schema that the model's tables or sequences live in. */
    record CreateSchema(String name) implements SchemaOperation {
        @Override
        public SchemaOperation inverse() {
            return new DropSchema(name);
        }

        @Override
        public boolean isDestructive() {
            return false;
        }

        @Override
        public Phase phase() {
            return Phase.CREATE_SCHEMA;
        }

        @Override
        public String subject() {
            return name;
        }

        @Override
        public String describe() {
            return "create schema " + name;
        }
    }

    /** Drops a schema, once its tables and sequences are gone. */
    record DropSchema(String name) implements SchemaOperation {
        @Override
        public SchemaOperation inverse() {
            return new CreateSchema(name);
        }

        @Override
        public boolean isDestructive() {
            return false;
        }

        @Override
        public Phase phase() {
            return Phase.DROP_SCHEMA;
        }

        @Override
        public String subject() {
            return name;
        }

        @Override
        public String describe() {
            return "drop schema " + name;
        }
    }

    /**
     * Renames a table, keeping its rows.
     *
     * @param fromTable the table as it is (for the commented drop-and-create alternative)
     * @param toTable the table the model declares (likewise)
     * @param hinted true when {@code assistant.renames} named it, false when detected
     */
    record RenameTable(TableDef fromTable, TableDef toTable, boolean hinted) implements SchemaOperation {
        @Override
        public SchemaOperation inverse() {
            return new RenameTable(toTable, fromTable, hinted);
        }

        @Override
        public boolean isDestructive() {
            return false;
        }

        @Override
        public Phase phase() {
            return Phase.RENAME_TABLE;
        }

        @Override
        public String subject() {
            return toTable.name();
        }

        @Override
        public String describe() {
            return "rename table " + fromTable.name() + " to " + toTable.name();
        }

        @Override
        public List<String> warnings() {
            return hinted ? List.of() : List.of("Renames table " + fromTable.name() + " to "
                    + toTable.name() + " (detected: " + Renames.why(fromTable, toTable) + "); if it is not a rename,"
                    + " use the commented DROP TABLE and CREATE TABLE under it instead.");
        }
    }

    /**
     * Renames a column, keeping its values.
     *
     * @param from the column as it is
     * @param to the column the model declares (its type may differ: a type change follows)
     * @param hinted true when {@code assistant.renames} named it, false when detected
     */
    record RenameColumn(String table, ColumnDef from, ColumnDef to, boolean hinted) implements SchemaOperation {
        @Override
        public SchemaOperation inverse() {
            return new RenameColumn(table, to, from, hinted);
        }

        @Override
        public boolean isDestructive() {
            return false;
        }

        @Override
        public Phase phase() {
            return Phase.RENAME_COLUMN;
        }

        @Override
        public String subject() {
            return table;
        }

        @Override
        public String describe() {
            return "rename column " + table + "." + from.name() + " to " + table + "." + to.name();
        }

        @Override
        public List<String> warnings() {
            return hinted ? List.of() : List.of("Renames column " + table + "." + from.name()
                    + " to " + to.name() + " (detected: " + Renames.why(from, to) + "); if it is not a rename, use"
                    + " the commented DROP COLUMN and ADD COLUMN under it instead.");
        }
    }

    /** Renames a constraint (primary key, unique, check, foreign key) whose definition stays as it is. */
    record RenameConstraint(String table, String from, String to) implements SchemaOperation {
        @Override
        public SchemaOperation inverse() {
            return new RenameConstraint(table, to, from);
        }

        @Override
        public boolean isDestructive() {
            return false;
        }

        @Override
        public Phase phase() {
            return Phase.RENAME_CONSTRAINT;
        }

        @Override
        public String subject() {
            return table;
        }

        @Override
        public String describe() {
            return "rename constraint " + from + " of " + table + " to " + to;
        }
    }

    /** Renames an index whose definition stays as it is. */
    record RenameIndex(String table, String from, String to) implements SchemaOperation {
        @Override
        public SchemaOperation inverse() {
            return new RenameIndex(table, to, from);
        }

        @Override
        public boolean isDestructive() {
            return false;
        }

        @Override
        public Phase phase() {
            return Phase.RENAME_CONSTRAINT;
        }

        @Override
        public String subject() {
            return table;
        }

        @Override
        public String describe() {
            return "rename index " + from + " of " + table + " to " + to;
        }
    }

    /**
     * Adds a check constraint; fails if a row violates it.
     *
     * @param notValid on a table with rows: added {@code NOT VALID} (no scan of the rows), and validated by a later
     *     migration ({@link CheckConstraintValidation})
     */
    record AddCheck(String table, CheckDef check, boolean notValid) implements SchemaOperation {

        public AddCheck(String table, CheckDef check) {
            this(table, check, false);
        }

        @Override
        public SchemaOperation inverse() {
            return new DropCheck(table, check, notValid);
        }

        @Override
        public boolean isDestructive() {
            return false;
        }

        @Override
        public Phase phase() {
            return Phase.ADD_CHECK;
        }

        @Override
        public String subject() {
            return table;
        }

        @Override
        public String describe() {
            return "add check constraint " + check.name() + " on " + table + " " + check.expression();
        }
    }

    /**
     * Drops a check constraint.
     *
     * @param notValid on a table with rows: an earlier migration made it NOT VALID, so that the undo adds it back
     *     NOT VALID and that migration's undo validates it
     */
    record DropCheck(String table, CheckDef check, boolean notValid) implements SchemaOperation {

        public DropCheck(String table, CheckDef check) {
            this(table, check, false);
        }

        @Override
        public SchemaOperation inverse() {
            return new AddCheck(table, check, notValid);
        }

        @Override
        public boolean isDestructive() {
            return false;
        }

        @Override
        public Phase phase() {
            return Phase.DROP_CHECK;
        }

        @Override
        public String subject() {
            return table;
        }

        @Override
        public String describe() {
            return "drop check constraint " + check.name() + " of " + table;
        }
    }
    /**
     * Validates a foreign key added {@code NOT VALID}: {@code VALIDATE CONSTRAINT} scans the rows under a SHARE UPDATE
     * EXCLUSIVE lock, which lets reads and writes go on. Its inverse makes it NOT VALID again, which PostgreSQL can
     * only do by dropping it and adding it back NOT VALID (no scan).
     *
     * @param validates true to validate, false to make it NOT VALID
     */
    record ForeignKeyValidation(String table, ForeignKeyDef foreignKey, boolean validates) implements SchemaOperation {
        @Override
        public SchemaOperation inverse() {
            return new ForeignKeyValidation(table, foreignKey, !validates);
        }

        @Override
        public boolean isDestructive() {
            return false;
        }

        @Override
        public Phase phase() {
            return Phase.ADD_FOREIGN_KEY;
        }

        @Override
        public String subject() {
            return table;
        }

        @Override
        public String describe() {
            return (validates ? "validate foreign key " : "make foreign key NOT VALID: ") + foreignKey.name() + " of "
                    + table;
        }
    }

    /**
     * Validates a check constraint added {@code NOT VALID}, as {@link ForeignKeyValidation} does a foreign key.
     *
     * @param validates true to validate, false to make it NOT VALID (drop it and add it back NOT VALID)
     */
    record CheckConstraintValidation(String table, CheckDef check, boolean validates) implements SchemaOperation {
        @Override
        public SchemaOperation inverse() {
            return new CheckConstraintValidation(table, check, !validates);
        }

        @Override
        public boolean isDestructive() {
            return false;
        }

        @Override
        public Phase phase() {
            return validates ? Phase.ADD_CHECK : Phase.DROP_CHECK;
        }

        @Override
        public String subject() {
            return table;
        }

        @Override
        public String describe() {
            return (validates ? "validate check constraint " : "make check constraint NOT VALID: ") + check.name()
                    + " of " + table;
        }
    }

    /**
     * Validates the {@code CHECK (column IS NOT NULL) NOT VALID} of {@link AlterColumnNullability#viaCheck()}: a scan
     * under SHARE UPDATE EXCLUSIVE, which lets reads and writes go on. PostgreSQL has no statement that makes a valid
     * constraint NOT VALID again; the inverse has nothing to do, because it always follows the inverse of
     * {@link NotNullValidation}, which adds the check back NOT VALID.
     *
     * @param validates true to validate, false for the inverse
     */
    record CheckValidation(String table, ColumnDef column, boolean validates) implements SchemaOperation {
        @Override
        public SchemaOperation inverse() {
            return new CheckValidation(table, column, !validates);
        }

        @Override
        public boolean isDestructive() {
            return false;
        }

        @Override
        public Phase phase() {
            return validates ? Phase.SET_NOT_NULL : Phase.DROP_NOT_NULL;
        }

        @Override
        public String subject() {
            return table;
        }

        @Override
        public String describe() {
            return (validates ? "validate the NOT NULL check of " : "leave NOT VALID the NOT NULL check of ") + table
                    + "." + column.name();
        }
    }

    /**
     * Turns a validated {@code CHECK (column IS NOT NULL)} into NOT NULL: PostgreSQL (12 and later) takes the valid
     * check as proof and sets NOT NULL without reading the rows, then the check goes. Its inverse puts the check back
     * NOT VALID in the place of NOT NULL.
     *
     * @param validates true to make the column NOT NULL, false to go back to the NOT VALID check
     */
    record NotNullValidation(String table, ColumnDef column, boolean validates) implements SchemaOperation {
        @Override
        public SchemaOperation inverse() {
            return new NotNullValidation(table, column, !validates);
        }

        @Override
        public boolean isDestructive() {
            return false;
        }

        @Override
        public Phase phase() {
            return validates ? Phase.SET_NOT_NULL : Phase.DROP_NOT_NULL;
        }

        @Override
        public String subject() {
            return table;
        }

        @Override
        public String describe() {
            return (validates ? "set NOT NULL from its check on " : "replace NOT NULL by a NOT VALID check on ")
                    + table + "." + column.name();
        }
    }
}
