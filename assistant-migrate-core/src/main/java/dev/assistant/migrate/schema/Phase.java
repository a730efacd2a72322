package dev.assistant.migrate.schema;

/**
 * The order operations run in within one migration. The rule behind it: take away what depends on something before
 * that something (foreign keys before the keys they reference, constraints before their columns, tables after
 * their foreign keys), and build in the opposite order (tables before their columns' constraints, foreign keys last).
 * The undo script runs the inverse operations in exactly the reverse order, which makes it valid by the same rule.
 * The changes to one column mirror each other around ALTER_TYPE: what is taken away from a column (default, identity,
 * NOT NULL) goes before the type changes and what is given to it after, in the reverse order, so that the inverse of
 * a removal is an addition in the mirrored place; a change of type and default together is a drop of the old
 * default, the type change and the new default, which reads the same in both directions.
 *
 * <pre>
 *  phase                  why here
 *  CREATE_EXTENSION       first: the types and functions everything after may use
 *  CREATE_SCHEMA          before the tables and sequences that live in it
 *  RENAME_TABLE           renames come before everything else, which then speaks of the new names
 *  RENAME_COLUMN          after the table has its new name
 *  RENAME_CONSTRAINT      (and indexes) once table and columns have their names
 *  DROP_FOREIGN_KEY       nothing else can be dropped while a foreign key still points at it
 *  DROP_INDEX             before the columns and tables it covers
 *  DROP_CHECK             before the columns it reads change type or go
 *  DROP_UNIQUE            before the columns it covers; after the foreign keys that may rely on it
 *  DROP_PRIMARY_KEY       likewise
 *  DROP_TABLE             once no foreign key points at it
 *  DROP_COLUMN            once no constraint or index covers it
 *  CREATE_SEQUENCE        before tables and columns whose defaults draw from it
 *  CREATE_TABLE           with its columns, primary key, unique and check constraints; foreign keys come later
 *  ADD_COLUMN             after the sequences its default may use
 *  DROP_IDENTITY          before NOT NULL can go (an identity column is NOT NULL)
 *  DROP_NOT_NULL
 *  DROP_DEFAULT           before the type changes: a default written for the old type may not convert
 *  ALTER_TYPE             with nothing in the way that belongs to only one of the two types; also a change between
 *                         kinds of generation (identity ALWAYS, BY DEFAULT, serial), which is its own mirror
 *  SET_DEFAULT            for the final type, and before NOT NULL, so that the default can fill the rows' NULLs
 *  SET_NOT_NULL           before identity, which needs it
 *  ADD_IDENTITY           on the final type, NOT NULL, without a plain default
 *  ADD_PRIMARY_KEY        once the columns exist with their final type and nullability
 *  ADD_UNIQUE             likewise; before foreign keys that reference it
 *  ADD_CHECK              once the columns have their final type and values
 *  CREATE_INDEX
 *  ADD_FOREIGN_KEY        last of the building: every table and referenced key exists
 *  ALTER_SEQUENCE
 *  DROP_SEQUENCE          after every default that used it is gone
 *  DROP_SCHEMA            once nothing lives in it
 *  DROP_EXTENSION         last: once nothing uses its types
 * </pre>
 */
public enum Phase {
    CREATE_EXTENSION,
    CREATE_SCHEMA,
    RENAME_TABLE,
    RENAME_COLUMN,
    RENAME_CONSTRAINT,
    DROP_FOREIGN_KEY,
    DROP_INDEX,
    DROP_CHECK,
    DROP_UNIQUE,
    DROP_PRIMARY_KEY,
    DROP_TABLE,
    DROP_COLUMN,
    CREATE_SEQUENCE,
    CREATE_TABLE,
    ADD_COLUMN,
    DROP_IDENTITY,
    DROP_NOT_NULL,
    DROP_DEFAULT,
    ALTER_TYPE,
    SET_DEFAULT,
    SET_NOT_NULL,
    ADD_IDENTITY,
    ADD_PRIMARY_KEY,
    ADD_UNIQUE,
    ADD_CHECK,
    CREATE_INDEX,
    ADD_FOREIGN_KEY,
    ALTER_SEQUENCE,
    DROP_SEQUENCE,
    DROP_SCHEMA,
    DROP_EXTENSION
}
