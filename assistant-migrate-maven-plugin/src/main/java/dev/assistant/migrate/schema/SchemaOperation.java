package dev.assistant.migrate.schema;

/**
 * One change to a schema. Every operation knows its inverse (the undo script is the inverses in reverse order),
 * whether it destroys data, and where in a migration it belongs.
 */
public sealed interface SchemaOperation permits
        SchemaOperation.CreateTable, SchemaOperation.DropTable,
        SchemaOperation.AddColumn, SchemaOperation.DropColumn,
        SchemaOperation.AlterColumnType, SchemaOperation.AlterColumnNullability,
        SchemaOperation.AlterColumnDefault, SchemaOperation.AlterColumnIdentity,
        SchemaOperation.AddPrimaryKey, SchemaOperation.DropPrimaryKey,
        SchemaOperation.AddUnique, SchemaOperation.DropUnique,
        SchemaOperation.CreateIndex, SchemaOperation.DropIndex,
        SchemaOperation.AddForeignKey, SchemaOperation.DropForeignKey,
        SchemaOperation.CreateSequence, SchemaOperation.DropSequence, SchemaOperation.AlterSequence {

    SchemaOperation inverse();

    /** True when running it loses data: dropping a table or column, or narrowing a type. */
    boolean isDestructive();

    Phase phase();

    /** The table (or sequence) it changes, for ordering and messages. */
    String subject();

    /** One line for logs and check findings, e.g. {@code add column users.timezone character varying(255)}. */
    String describe();

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
    }

    /** Allows or forbids NULL in a column. */
    record AlterColumnNullability(String table, String column, boolean fromNullable, boolean toNullable)
            implements SchemaOperation {
        @Override
        public SchemaOperation inverse() {
            return new AlterColumnNullability(table, column, toNullable, fromNullable);
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
            return (toNullable ? "allow NULL in " : "forbid NULL in ") + table + "." + column;
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

    /** Makes a column an identity column, changes how, or makes it a plain column again. */
    record AlterColumnIdentity(String table, String column, ColumnDef.Identity fromIdentity,
            ColumnDef.Identity toIdentity) implements SchemaOperation {
        @Override
        public SchemaOperation inverse() {
            return new AlterColumnIdentity(table, column, toIdentity, fromIdentity);
        }

        @Override
        public boolean isDestructive() {
            return false;
        }

        @Override
        public Phase phase() {
            if (toIdentity == ColumnDef.Identity.NONE) {
                return Phase.DROP_IDENTITY;
            }
            return fromIdentity == ColumnDef.Identity.NONE ? Phase.ADD_IDENTITY : Phase.ALTER_TYPE;
        }

        @Override
        public String subject() {
            return table;
        }

        @Override
        public String describe() {
            return "change identity of " + table + "." + column + " from " + fromIdentity + " to " + toIdentity;
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

    /** Creates an index. */
    record CreateIndex(String table, IndexDef index) implements SchemaOperation {
        @Override
        public SchemaOperation inverse() {
            return new DropIndex(table, index);
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

    /** Drops an index. */
    record DropIndex(String table, IndexDef index) implements SchemaOperation {
        @Override
        public SchemaOperation inverse() {
            return new CreateIndex(table, index);
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

    /** Adds a foreign key. */
    record AddForeignKey(String table, ForeignKeyDef foreignKey) implements SchemaOperation {
        @Override
        public SchemaOperation inverse() {
            return new DropForeignKey(table, foreignKey);
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

    /** Drops a foreign key. */
    record DropForeignKey(String table, ForeignKeyDef foreignKey) implements SchemaOperation {
        @Override
        public SchemaOperation inverse() {
            return new AddForeignKey(table, foreignKey);
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

    /** Creates a sequence. */
    record CreateSequence(SequenceDef sequence) implements SchemaOperation {
        @Override
        public SchemaOperation inverse() {
            return new DropSequence(sequence);
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

    /** Drops a sequence and with it its current value. */
    record DropSequence(SequenceDef sequence) implements SchemaOperation {
        @Override
        public SchemaOperation inverse() {
            return new CreateSequence(sequence);
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
}
