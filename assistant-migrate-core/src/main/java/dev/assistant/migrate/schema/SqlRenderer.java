package dev.assistant.migrate.schema;

import static dev.assistant.migrate.schema.SqlNames.list;
import static dev.assistant.migrate.schema.SqlNames.literal;
import static dev.assistant.migrate.schema.SqlNames.qualified;
import static dev.assistant.migrate.schema.SqlNames.quote;

import dev.assistant.migrate.schema.SchemaOperation.AddCheck;
import dev.assistant.migrate.schema.SchemaOperation.AddColumn;
import dev.assistant.migrate.schema.SchemaOperation.AddForeignKey;
import dev.assistant.migrate.schema.SchemaOperation.AddPrimaryKey;
import dev.assistant.migrate.schema.SchemaOperation.AddUnique;
import dev.assistant.migrate.schema.SchemaOperation.AlterColumnDefault;
import dev.assistant.migrate.schema.SchemaOperation.AlterColumnIdentity;
import dev.assistant.migrate.schema.SchemaOperation.AlterColumnNullability;
import dev.assistant.migrate.schema.SchemaOperation.AlterColumnType;
import dev.assistant.migrate.schema.SchemaOperation.AlterSequence;
import dev.assistant.migrate.schema.SchemaOperation.CheckConstraintValidation;
import dev.assistant.migrate.schema.SchemaOperation.CheckValidation;
import dev.assistant.migrate.schema.SchemaOperation.CreateExtension;
import dev.assistant.migrate.schema.SchemaOperation.CreateIndex;
import dev.assistant.migrate.schema.SchemaOperation.CreateSchema;
import dev.assistant.migrate.schema.SchemaOperation.CreateSequence;
import dev.assistant.migrate.schema.SchemaOperation.CreateTable;
import dev.assistant.migrate.schema.SchemaOperation.DropCheck;
import dev.assistant.migrate.schema.SchemaOperation.DropColumn;
import dev.assistant.migrate.schema.SchemaOperation.DropExtension;
import dev.assistant.migrate.schema.SchemaOperation.DropForeignKey;
import dev.assistant.migrate.schema.SchemaOperation.DropIndex;
import dev.assistant.migrate.schema.SchemaOperation.DropPrimaryKey;
import dev.assistant.migrate.schema.SchemaOperation.DropSchema;
import dev.assistant.migrate.schema.SchemaOperation.DropSequence;
import dev.assistant.migrate.schema.SchemaOperation.DropTable;
import dev.assistant.migrate.schema.SchemaOperation.DropUnique;
import dev.assistant.migrate.schema.SchemaOperation.ForeignKeyValidation;
import dev.assistant.migrate.schema.SchemaOperation.NotNullValidation;
import dev.assistant.migrate.schema.SchemaOperation.RenameColumn;
import dev.assistant.migrate.schema.SchemaOperation.RenameConstraint;
import dev.assistant.migrate.schema.SchemaOperation.RenameIndex;
import dev.assistant.migrate.schema.SchemaOperation.RenameTable;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders operations as PostgreSQL: the statements of each, preceded by {@code -- WARNING} lines where it destroys
 * data, {@code -- NOTE} lines where it may fail on existing rows, and {@code -- PLACEHOLDER} lines where it holds a
 * made-up value to replace. Nothing that comes from outside is concatenated without quoting: names go through
 * {@link SqlNames}, types, defaults and check expressions are PostgreSQL's own spelling.
 */
public final class SqlRenderer {

    private static final String INDENT = "    ";

    private SqlRenderer() {
    }

    /** The lines of one operation: comments, then its statements, each ending in a semicolon. */
    public static List<String> render(SchemaOperation operation) {
        List<String> lines = new ArrayList<>();
        if (operation instanceof CreateExtension create) {
            lines.add("CREATE EXTENSION IF NOT EXISTS " + quote(create.name()) + ";");
        } else if (operation instanceof DropExtension drop) {
            lines.add("DROP EXTENSION IF EXISTS " + quote(drop.name()) + ";");
        } else if (operation instanceof CreateSchema create) {
            lines.add("CREATE SCHEMA IF NOT EXISTS " + quote(create.name()) + ";");
        } else if (operation instanceof DropSchema drop) {
            lines.add("DROP SCHEMA IF EXISTS " + quote(drop.name()) + ";");
        } else if (operation instanceof RenameTable rename) {
            renderRenameTable(rename, lines);
        } else if (operation instanceof RenameColumn rename) {
            renderRenameColumn(rename, lines);
        } else if (operation instanceof RenameConstraint rename) {
            lines.add(alterTable(rename.table()) + "RENAME CONSTRAINT "
                    + quote(rename.from()) + " TO " + quote(rename.to()) + ";");
        } else if (operation instanceof RenameIndex rename) {
            lines.add("ALTER INDEX " + SqlNames.inSchemaOf(rename.table(), rename.from())
                    + " RENAME TO " + quote(rename.to()) + ";");
        } else if (operation instanceof CreateTable create) {
            renderCreateTable(create.table(), lines);
        } else if (operation instanceof DropTable drop) {
            lines.add("-- WARNING: drops table " + drop.table().name() + " and every row in it.");
            lines.add("DROP TABLE " + qualified(drop.table().name()) + ";");
        } else if (operation instanceof AddColumn add) {
            renderAddColumn(add, lines);
        } else if (operation instanceof DropColumn drop) {
            lines.add("-- WARNING: drops column " + drop.table() + "." + drop.column().name() + " and its data.");
            if (drop.possibleRenameTo() != null) {
                lines.add(renameHint(drop.table(), drop.column().name(), drop.possibleRenameTo()));
            }
            lines.add(alterTable(drop.table()) + "DROP COLUMN " + quote(drop.column().name()) + ";");
        } else if (operation instanceof AlterColumnType alter) {
            renderAlterType(alter, lines);
        } else if (operation instanceof AlterColumnNullability alter) {
            renderAlterNullability(alter, lines);
        } else if (operation instanceof AlterColumnDefault alter) {
            lines.add(alterColumn(alter.table(), alter.column())
                    + (alter.toDefault() == null ? "DROP DEFAULT;" : "SET DEFAULT " + alter.toDefault() + ";"));
        } else if (operation instanceof AlterColumnIdentity alter) {
            renderAlterIdentity(alter, lines);
        } else if (operation instanceof AddPrimaryKey add) {
            lines.add(alterTable(add.table()) + "ADD CONSTRAINT "
                    + quote(add.primaryKey().name()) + " PRIMARY KEY (" + list(add.primaryKey().columns()) + ");");
        } else if (operation instanceof DropPrimaryKey drop) {
            lines.add(alterTable(drop.table()) + "DROP CONSTRAINT "
                    + quote(drop.primaryKey().name()) + ";");
        } else if (operation instanceof AddUnique add) {
            lines.add(alterTable(add.table()) + "ADD CONSTRAINT " + quote(add.unique().name())
                    + " UNIQUE (" + list(add.unique().columns()) + ");");
        } else if (operation instanceof DropUnique drop) {
            lines.add(alterTable(drop.table()) + "DROP CONSTRAINT "
                    + quote(drop.unique().name()) + ";");
        } else if (operation instanceof AddCheck add) {
            lines.add(add.notValid() ? "-- NOT VALID: checks the rows written from now on without reading those"
                    + " there; a migration of its own validates them." : "-- NOTE: fails if a row of " + add.table()
                    + " breaks it.");
            lines.add(addCheck(add.table(), add.check(), add.notValid()));
        } else if (operation instanceof CheckConstraintValidation validation) {
            if (validation.validates()) {
                lines.add("-- NOTE: fails if a row of " + validation.table() + " breaks it. Reads every row under"
                        + " SHARE UPDATE EXCLUSIVE: reads and writes go on.");
                lines.add(alterTable(validation.table()) + "VALIDATE CONSTRAINT " + quote(validation.check().name())
                        + ";");
            } else {
                lines.add("-- PostgreSQL cannot make a valid constraint NOT VALID: it is dropped and added back NOT"
                        + " VALID, which reads no row.");
                lines.add(alterTable(validation.table()) + "DROP CONSTRAINT " + quote(validation.check().name())
                        + ";");
                lines.add(addCheck(validation.table(), validation.check(), true));
            }
        } else if (operation instanceof DropCheck drop) {
            lines.add(alterTable(drop.table()) + "DROP CONSTRAINT " + quote(drop.check().name())
                    + ";");
        } else if (operation instanceof CreateIndex create) {
            lines.add("CREATE " + (create.index().unique() ? "UNIQUE " : "") + "INDEX "
                    + (create.concurrently() ? "CONCURRENTLY " : "") + quote(create.index().name()) + " ON "
                    + qualified(create.table()) + " (" + indexColumns(create.index()) + ");");
        } else if (operation instanceof DropIndex drop) {
            lines.add("DROP INDEX " + (drop.concurrently() ? "CONCURRENTLY IF EXISTS " : "")
                    + SqlNames.inSchemaOf(drop.table(), drop.index().name()) + ";");
        } else if (operation instanceof AddForeignKey add) {
            if (add.notValid()) {
                lines.add("-- NOT VALID: checks the rows written from now on without reading those there; a migration"
                        + " of its own validates them.");
            }
            lines.add(addForeignKey(add.table(), add.foreignKey(), add.notValid()));
        } else if (operation instanceof DropForeignKey drop) {
            lines.add(alterTable(drop.table()) + "DROP CONSTRAINT "
                    + quote(drop.foreignKey().name()) + ";");
        } else if (operation instanceof ForeignKeyValidation validation) {
            renderForeignKeyValidation(validation, lines);
        } else if (operation instanceof CheckValidation validation) {
            String check = quote(notNullCheck(validation.table(), validation.column().name()));
            if (validation.validates()) {
                lines.add("-- reads every row of " + validation.table() + " under SHARE UPDATE EXCLUSIVE: reads and"
                        + " writes go on");
                lines.add(alterTable(validation.table()) + "VALIDATE CONSTRAINT " + check + ";");
            } else {
                lines.add("-- " + check + " is NOT VALID, as added above: nothing to undo for VALIDATE CONSTRAINT");
            }
        } else if (operation instanceof NotNullValidation validation) {
            renderNotNullValidation(validation, lines);
        } else if (operation instanceof CreateSequence create) {
            renderCreateSequence(create, lines);
        } else if (operation instanceof DropSequence drop) {
            lines.add("-- WARNING: drops sequence " + drop.sequence().name() + " and its current value.");
            lines.add("DROP SEQUENCE " + qualified(drop.sequence().name()) + ";");
        } else if (operation instanceof AlterSequence alter) {
            lines.add("ALTER SEQUENCE " + qualified(alter.to().name()) + " INCREMENT BY "
                    + alter.to().increment() + " START WITH " + alter.to().start() + ";");
        }
        return lines;
    }

    private static void renderCreateTable(TableDef table, List<String> lines) {
        List<String> elements = new ArrayList<>();
        List<String> after = new ArrayList<>();
        for (ColumnDef column : table.columns()) {
            String sequence = explicitSerialSequence(table.name(), column);
            if (sequence != null) {
                lines.add("CREATE SEQUENCE " + sequence + " AS " + column.type() + ";");
                after.add("ALTER SEQUENCE " + sequence + " OWNED BY " + qualified(table.name()) + "."
                        + quote(column.name()) + ";");
            }
            elements.add(columnDefinition(table.name(), column));
        }
        if (table.primaryKey() != null) {
            elements.add("CONSTRAINT " + quote(table.primaryKey().name()) + " PRIMARY KEY ("
                    + list(table.primaryKey().columns()) + ")");
        }
        table.uniques().values().forEach(unique -> elements.add("CONSTRAINT " + quote(unique.name()) + " UNIQUE ("
                + list(unique.columns()) + ")"));
        table.checks().values().forEach(check -> elements.add("CONSTRAINT " + quote(check.name()) + " "
                + CheckExpressions.source(check.expression())));
        lines.add("CREATE TABLE " + qualified(table.name()) + " (");
        for (int i = 0; i < elements.size(); i++) {
            lines.add(INDENT + elements.get(i) + (i < elements.size() - 1 ? "," : ""));
        }
        lines.add(");");
        lines.addAll(after);
    }

    private static void renderAddColumn(AddColumn add, List<String> lines) {
        ColumnDef column = add.column();
        String table = add.table();
        if (add.possibleRenameOf() != null) {
            lines.add(renameHint(table, add.possibleRenameOf(), column.name()));
        }
        String sequence = explicitSerialSequence(table, column);
        if (sequence != null) {
            lines.add("CREATE SEQUENCE " + sequence + " AS " + column.type() + ";");
            lines.add(alterTable(table) + "ADD COLUMN " + columnDefinition(table, column) + ";");
            lines.add("ALTER SEQUENCE " + sequence + " OWNED BY " + qualified(table) + "." + quote(column.name())
                    + ";");
            return;
        }
        Backfill fill = Backfill.whenAdded(column);
        if (fill == null) {
            lines.add(alterTable(table) + "ADD COLUMN " + columnDefinition(table, column) + ";");
        } else if (!fill.placeholder()) {
            lines.add("-- the rows that exist start at version " + fill.expression() + ", as Hibernate does");
            lines.add(alterTable(table) + "ADD COLUMN " + columnDefinition(table, column.withDefault(fill.expression()))
                    + ";");
            lines.add(alterColumn(table, column.name()) + "DROP DEFAULT;");
        } else {
            // a default fills the rows as the column is added, without SET NOT NULL's scan; a constant one without
            // rewriting the table either (PostgreSQL 11 and later)
            lines.add("-- " + Backfill.MARKER + ": the rows that exist get " + fill.expression() + " in " + table + "."
                    + column.name() + ", which is NOT NULL without a default: write the value they should have.");
            lines.add(alterTable(table) + "ADD COLUMN " + columnDefinition(table, column.withDefault(fill.expression()))
                    + ";");
            lines.add(alterColumn(table, column.name()) + "DROP DEFAULT;");
        }
    }

    private static void renderAlterNullability(AlterColumnNullability alter, List<String> lines) {
        String column = alter.column().name();
        if (alter.toNullable()) {
            lines.add(alter.viaCheck() ? alterTable(alter.table()) + "DROP CONSTRAINT "
                    + quote(notNullCheck(alter.table(), column)) + ";"
                    : alterColumn(alter.table(), column) + "DROP NOT NULL;");
            return;
        }
        Backfill fill = Backfill.whenForbidden(alter.column());
        if (fill != null) {
            lines.add(fill.placeholder()
                    ? "-- " + Backfill.MARKER + ": rows where " + alter.table() + "." + column + " is NULL get "
                    + fill.expression() + ", so that it can be NOT NULL: write the value they should have."
                    : "-- rows where " + alter.table() + "." + column + " is NULL get " + fill.expression()
                    .replace("DEFAULT", "its default"));
            lines.add("UPDATE " + qualified(alter.table()) + " SET " + quote(column) + " = " + fill.expression()
                    + " WHERE " + quote(column) + " IS NULL;");
        }
        if (alter.viaCheck()) {
            lines.add("-- NOT VALID: keeps NULL out of the rows written from now on without reading those there; a"
                    + " migration of its own validates it and sets NOT NULL.");
            lines.add(addNotNullCheck(alter.table(), column));
        } else {
            lines.add(alterColumn(alter.table(), column) + "SET NOT NULL;");
        }
    }

    private static void renderForeignKeyValidation(ForeignKeyValidation validation, List<String> lines) {
        String table = validation.table();
        ForeignKeyDef fk = validation.foreignKey();
        if (validation.validates()) {
            lines.add("-- reads every row of " + table + " under SHARE UPDATE EXCLUSIVE: reads and writes go on");
            lines.add(alterTable(table) + "VALIDATE CONSTRAINT " + quote(fk.name()) + ";");
        } else {
            lines.add("-- PostgreSQL cannot make a valid constraint NOT VALID: it is dropped and added back NOT VALID,"
                    + " which reads no row.");
            lines.add(alterTable(table) + "DROP CONSTRAINT " + quote(fk.name()) + ";");
            lines.add(addForeignKey(table, fk, true));
        }
    }

    private static void renderNotNullValidation(NotNullValidation validation, List<String> lines) {
        String table = validation.table();
        String column = validation.column().name();
        String check = quote(notNullCheck(table, column));
        if (validation.validates()) {
            lines.add("-- the valid check proves it: PostgreSQL (12 and later) sets NOT NULL without reading the rows");
            lines.add(alterColumn(table, column) + "SET NOT NULL;");
            lines.add(alterTable(table) + "DROP CONSTRAINT " + check + ";");
        } else {
            lines.add(addNotNullCheck(table, column));
            lines.add(alterColumn(table, column) + "DROP NOT NULL;");
        }
    }

    /** The check that stands for NOT NULL while it is validated: {@code users_nickname_not_null}. */
    static String notNullCheck(String table, String column) {
        return SqlNames.defaultName(SqlNames.nameOf(table), column, "not_null");
    }

    private static String addNotNullCheck(String table, String column) {
        return alterTable(table) + "ADD CONSTRAINT " + quote(notNullCheck(table, column)) + " CHECK ("
                + quote(column) + " IS NOT NULL) NOT VALID;";
    }

    private static String addCheck(String table, CheckDef check, boolean notValid) {
        return alterTable(table) + "ADD CONSTRAINT " + quote(check.name()) + " "
                + CheckExpressions.source(check.expression()) + (notValid ? " NOT VALID" : "") + ";";
    }

    private static String addForeignKey(String table, ForeignKeyDef fk, boolean notValid) {
        return alterTable(table) + "ADD CONSTRAINT " + quote(fk.name()) + " FOREIGN KEY (" + list(fk.columns())
                + ") REFERENCES " + qualified(fk.referencedTable()) + " (" + list(fk.referencedColumns()) + ")"
                + (fk.onDelete() == ForeignKeyDef.OnDelete.NO_ACTION ? "" : " ON DELETE " + fk.onDelete().sql())
                + (notValid ? " NOT VALID" : "") + ";";
    }

    private static void renderAlterType(AlterColumnType alter, List<String> lines) {
        if (alter.isDestructive()) {
            lines.add("-- WARNING: narrows " + alter.table() + "." + alter.column() + " from " + alter.fromType()
                    + " to " + alter.toType() + ": values that do not fit make it fail or are cut short.");
        }
        String using = "";
        if (PostgresTypes.changesTimeZone(alter.fromType(), alter.toType())) {
            lines.add("-- NOTE: converts at UTC, whatever the session's time zone; if the values are another zone's,"
                    + " change 'UTC'.");
            using = " USING " + quote(alter.column()) + " AT TIME ZONE 'UTC'";
        } else if (PostgresTypes.needsUsing(alter.fromType(), alter.toType())) {
            using = " USING " + quote(alter.column()) + "::" + alter.toType();
        }
        lines.add(alterColumn(alter.table(), alter.column()) + "TYPE " + alter.toType() + using + ";");
    }

    /** First what the column stops using (its default, identity or serial sequence), then what it starts using. */
    private static void renderAlterIdentity(AlterColumnIdentity alter, List<String> lines) {
        ColumnDef from = alter.from();
        ColumnDef to = alter.to();
        String table = alter.table();
        String prefix = alterColumn(table, to.name());
        boolean fromIdentity = from.identity() == ColumnDef.Identity.BY_DEFAULT
                || from.identity() == ColumnDef.Identity.ALWAYS;
        boolean toIdentity = to.identity() == ColumnDef.Identity.BY_DEFAULT
                || to.identity() == ColumnDef.Identity.ALWAYS;
        if (fromIdentity && toIdentity) {
            lines.add(prefix + "SET GENERATED " + (to.identity() == ColumnDef.Identity.ALWAYS ? "ALWAYS"
                    : "BY DEFAULT") + ";");
            return;
        }
        if (fromIdentity) {
            lines.add(prefix + "DROP IDENTITY;");
        } else if (from.defaultExpression() != null) {
            lines.add(prefix + "DROP DEFAULT;");
        }
        if (from.identity() == ColumnDef.Identity.SERIAL && from.serialSequence() != null) {
            lines.add("-- the column no longer draws from the sequence it owned");
            lines.add("DROP SEQUENCE " + from.serialSequence() + ";");
        }
        if (toIdentity) {
            lines.add(prefix + "ADD " + generated(to.identity()) + ";");
            lines.add("-- the identity continues after the values already in " + table + "." + to.name());
            lines.add("SELECT setval(pg_get_serial_sequence(" + literal(qualified(table)) + ", "
                    + literal(to.name()) + "), " + pastMaximum(table, to.name(), 1) + ", false);");
        } else if (to.identity() == ColumnDef.Identity.SERIAL && to.serialSequence() != null) {
            String sequence = to.serialSequence();
            lines.add("CREATE SEQUENCE " + sequence + " AS " + to.type() + " OWNED BY " + qualified(table) + "."
                    + quote(to.name()) + ";");
            lines.add(prefix + "SET DEFAULT " + to.defaultExpression() + ";");
            lines.add("-- the sequence continues after the values already in " + table + "." + to.name());
            lines.add("SELECT setval(" + literal(sequence) + ", " + pastMaximum(table, to.name(), 1) + ", false);");
        } else if (to.defaultExpression() != null) {
            lines.add(prefix + "SET DEFAULT " + to.defaultExpression() + ";");
        }
    }

    private static void renderCreateSequence(CreateSequence create, List<String> lines) {
        SequenceDef sequence = create.sequence();
        lines.add("CREATE SEQUENCE " + qualified(sequence.name()) + " START WITH " + sequence.start()
                + " INCREMENT BY " + sequence.increment() + ";");
        SequenceDef.ColumnRef column = create.continuesAfter();
        if (column != null) {
            lines.add("-- Hibernate draws " + column.table() + "." + column.column() + " from it"
                    + (sequence.increment() > 1 ? " in blocks of " + sequence.increment() : "")
                    + ": the next block starts past the ids already there");
            lines.add("SELECT setval(" + literal(qualified(sequence.name())) + ", "
                    + pastMaximum(column.table(), column.column(), sequence.increment()) + ", false);");
        }
    }

    /** {@code coalesce((SELECT max(id) FROM notes), 0) + step}: the first value past those in the column. */
    private static String pastMaximum(String table, String column, long step) {
        return "coalesce((SELECT max(" + quote(column) + ") FROM " + qualified(table) + "), 0) + " + step;
    }

    private static void renderRenameTable(RenameTable rename, List<String> lines) {
        TableDef from = rename.fromTable();
        TableDef to = rename.toTable();
        lines.add("-- Renames " + from.name() + " to " + to.name() + ", keeping its rows ("
                + (rename.hinted() ? "named by assistant.renames" : "detected: " + Renames.why(from, to))
                + "). If it is not a rename, replace this statement with:");
        List<String> alternative = new ArrayList<>();
        alternative.add("DROP TABLE " + qualified(from.name()) + ";");
        renderCreateTable(to.bare(), alternative);
        alternative.forEach(line -> lines.add("-- " + line));
        lines.add(alterTable(from.name()) + "RENAME TO " + quote(SqlNames.nameOf(to.name())) + ";");
    }

    private static void renderRenameColumn(RenameColumn rename, List<String> lines) {
        String table = rename.table();
        lines.add("-- Renames " + table + "." + rename.from().name() + " to " + rename.to().name() + ", keeping its"
                + " values (" + (rename.hinted() ? "named by assistant.renames"
                : "detected: " + Renames.why(rename.from(), rename.to())) + "). If it is not a rename, replace this"
                + " statement with:");
        lines.add("-- " + alterTable(table) + "DROP COLUMN " + quote(rename.from().name()) + ";");
        lines.add("-- " + alterTable(table) + "ADD COLUMN " + columnDefinition(table, rename.to()) + ";");
        lines.add(alterTable(table) + "RENAME COLUMN " + quote(rename.from().name()) + " TO "
                + quote(rename.to().name()) + ";");
    }

    /**
     * The sequence of a serial column when PostgreSQL would not choose its name by itself (it must then be created
     * by name); null for a serial that {@code serial} spells, and for any other column.
     */
    private static String explicitSerialSequence(String table, ColumnDef column) {
        String sequence = column.serialSequence();
        if (sequence == null || sequence.equals(defaultSerialSequence(table, column.name()))) {
            return null;
        }
        return sequence;
    }

    /** The sequence PostgreSQL creates for a serial column: {@code notes_id_seq}, as SQL. */
    static String defaultSerialSequence(String table, String column) {
        return SqlNames.inSchemaOf(table, SqlNames.defaultName(SqlNames.nameOf(table), column, "seq"));
    }

    private static String columnDefinition(String table, ColumnDef column) {
        StringBuilder definition = new StringBuilder(quote(column.name())).append(' ');
        if (column.identity() == ColumnDef.Identity.SERIAL && explicitSerialSequence(table, column) == null) {
            definition.append(PostgresTypes.serialType(column.type()));
        } else {
            definition.append(column.type());
            if (column.identity() == ColumnDef.Identity.BY_DEFAULT || column.identity() == ColumnDef.Identity.ALWAYS) {
                definition.append(' ').append(generated(column.identity()));
            }
            if (column.defaultExpression() != null) {
                definition.append(" DEFAULT ").append(column.defaultExpression());
            }
        }
        if (!column.nullable()) {
            definition.append(" NOT NULL");
        }
        return definition.toString();
    }

    private static String generated(ColumnDef.Identity identity) {
        return identity == ColumnDef.Identity.ALWAYS ? "GENERATED ALWAYS AS IDENTITY"
                : "GENERATED BY DEFAULT AS IDENTITY";
    }

    private static String indexColumns(IndexDef index) {
        return index.columns().stream()
                .map(column -> quote(column.name()) + (column.descending() ? " DESC" : ""))
                .collect(Collectors.joining(", "));
    }

    private static String renameHint(String table, String from, String to) {
        return "-- WARNING: possible rename of " + table + "." + from + " to " + table + "." + to + ": as generated,"
                + " the data of " + from + " is lost. If it is a rename, replace the ADD COLUMN and DROP COLUMN with"
                + " ALTER TABLE " + qualified(table) + " RENAME COLUMN " + quote(from) + " TO " + quote(to)
                + "; (or run create again with the rename declared: " + table + "." + from + "->" + to
                + " in -Dassistant.renames or --renames)";
    }

    private static String alterTable(String table) {
        return "ALTER TABLE " + qualified(table) + " ";
    }

    private static String alterColumn(String table, String column) {
        return alterTable(table) + "ALTER COLUMN " + quote(column) + " ";
    }
}
