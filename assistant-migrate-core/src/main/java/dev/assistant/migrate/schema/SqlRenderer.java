package dev.assistant.migrate.schema;

import static dev.assistant.migrate.schema.SqlNames.list;
import static dev.assistant.migrate.schema.SqlNames.literal;
import static dev.assistant.migrate.schema.SqlNames.quote;

import dev.assistant.migrate.schema.SchemaOperation.AddColumn;
import dev.assistant.migrate.schema.SchemaOperation.AddForeignKey;
import dev.assistant.migrate.schema.SchemaOperation.AddPrimaryKey;
import dev.assistant.migrate.schema.SchemaOperation.AddUnique;
import dev.assistant.migrate.schema.SchemaOperation.AlterColumnDefault;
import dev.assistant.migrate.schema.SchemaOperation.AlterColumnIdentity;
import dev.assistant.migrate.schema.SchemaOperation.AlterColumnNullability;
import dev.assistant.migrate.schema.SchemaOperation.AlterColumnType;
import dev.assistant.migrate.schema.SchemaOperation.AlterSequence;
import dev.assistant.migrate.schema.SchemaOperation.CreateIndex;
import dev.assistant.migrate.schema.SchemaOperation.CreateSequence;
import dev.assistant.migrate.schema.SchemaOperation.CreateTable;
import dev.assistant.migrate.schema.SchemaOperation.DropColumn;
import dev.assistant.migrate.schema.SchemaOperation.DropForeignKey;
import dev.assistant.migrate.schema.SchemaOperation.DropIndex;
import dev.assistant.migrate.schema.SchemaOperation.DropPrimaryKey;
import dev.assistant.migrate.schema.SchemaOperation.DropSequence;
import dev.assistant.migrate.schema.SchemaOperation.DropTable;
import dev.assistant.migrate.schema.SchemaOperation.DropUnique;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders operations as PostgreSQL: one statement each, preceded by {@code -- WARNING} lines where it destroys data
 * and {@code -- NOTE} lines where it may fail on existing rows. Nothing that comes from outside is concatenated
 * without quoting: names go through {@link SqlNames}, types and defaults are PostgreSQL's own spelling.
 */
public final class SqlRenderer {

    private static final String INDENT = "    ";

    private SqlRenderer() {
    }

    /** The lines of one operation: comments, then the statement ending in a semicolon. */
    public static List<String> render(SchemaOperation operation) {
        List<String> lines = new ArrayList<>();
        if (operation instanceof CreateTable create) {
            renderCreateTable(create.table(), lines);
        } else if (operation instanceof DropTable drop) {
            lines.add("-- WARNING: drops table " + drop.table().name() + " and every row in it.");
            lines.add("DROP TABLE " + quote(drop.table().name()) + ";");
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
            if (!alter.toNullable()) {
                lines.add("-- NOTE: fails if " + alter.table() + "." + alter.column()
                        + " holds NULL in any row; fill those first.");
            }
            lines.add(alterColumn(alter.table(), alter.column())
                    + (alter.toNullable() ? "DROP NOT NULL;" : "SET NOT NULL;"));
        } else if (operation instanceof AlterColumnDefault alter) {
            lines.add(alterColumn(alter.table(), alter.column())
                    + (alter.toDefault() == null ? "DROP DEFAULT;" : "SET DEFAULT " + alter.toDefault() + ";"));
        } else if (operation instanceof AlterColumnIdentity alter) {
            renderAlterIdentity(alter, lines);
        } else if (operation instanceof AddPrimaryKey add) {
            lines.add(alterTable(add.table()) + "ADD CONSTRAINT " + quote(add.primaryKey().name()) + " PRIMARY KEY ("
                    + list(add.primaryKey().columns()) + ");");
        } else if (operation instanceof DropPrimaryKey drop) {
            lines.add(alterTable(drop.table()) + "DROP CONSTRAINT " + quote(drop.primaryKey().name()) + ";");
        } else if (operation instanceof AddUnique add) {
            lines.add(alterTable(add.table()) + "ADD CONSTRAINT " + quote(add.unique().name()) + " UNIQUE ("
                    + list(add.unique().columns()) + ");");
        } else if (operation instanceof DropUnique drop) {
            lines.add(alterTable(drop.table()) + "DROP CONSTRAINT " + quote(drop.unique().name()) + ";");
        } else if (operation instanceof CreateIndex create) {
            lines.add("CREATE " + (create.index().unique() ? "UNIQUE " : "") + "INDEX " + quote(create.index().name())
                    + " ON " + quote(create.table()) + " (" + indexColumns(create.index()) + ");");
        } else if (operation instanceof DropIndex drop) {
            lines.add("DROP INDEX " + quote(drop.index().name()) + ";");
        } else if (operation instanceof AddForeignKey add) {
            ForeignKeyDef fk = add.foreignKey();
            lines.add(alterTable(add.table()) + "ADD CONSTRAINT " + quote(fk.name()) + " FOREIGN KEY ("
                    + list(fk.columns()) + ") REFERENCES " + quote(fk.referencedTable()) + " ("
                    + list(fk.referencedColumns()) + ")"
                    + (fk.onDelete() == ForeignKeyDef.OnDelete.NO_ACTION ? "" : " ON DELETE " + fk.onDelete().sql())
                    + ";");
        } else if (operation instanceof DropForeignKey drop) {
            lines.add(alterTable(drop.table()) + "DROP CONSTRAINT " + quote(drop.foreignKey().name()) + ";");
        } else if (operation instanceof CreateSequence create) {
            lines.add("CREATE SEQUENCE " + quote(create.sequence().name()) + " START WITH " + create.sequence().start()
                    + " INCREMENT BY " + create.sequence().increment() + ";");
        } else if (operation instanceof DropSequence drop) {
            lines.add("-- WARNING: drops sequence " + drop.sequence().name() + " and its current value.");
            lines.add("DROP SEQUENCE " + quote(drop.sequence().name()) + ";");
        } else if (operation instanceof AlterSequence alter) {
            lines.add("ALTER SEQUENCE " + quote(alter.to().name()) + " INCREMENT BY " + alter.to().increment()
                    + " START WITH " + alter.to().start() + ";");
        }
        return lines;
    }

    private static void renderCreateTable(TableDef table, List<String> lines) {
        List<String> elements = new ArrayList<>();
        table.columns().forEach(column -> elements.add(columnDefinition(column)));
        if (table.primaryKey() != null) {
            elements.add("CONSTRAINT " + quote(table.primaryKey().name()) + " PRIMARY KEY ("
                    + list(table.primaryKey().columns()) + ")");
        }
        table.uniques().values().forEach(unique -> elements.add("CONSTRAINT " + quote(unique.name()) + " UNIQUE ("
                + list(unique.columns()) + ")"));
        lines.add("CREATE TABLE " + quote(table.name()) + " (");
        for (int i = 0; i < elements.size(); i++) {
            lines.add(INDENT + elements.get(i) + (i < elements.size() - 1 ? "," : ""));
        }
        lines.add(");");
    }

    private static void renderAddColumn(AddColumn add, List<String> lines) {
        ColumnDef column = add.column();
        if (add.possibleRenameOf() != null) {
            lines.add(renameHint(add.table(), add.possibleRenameOf(), column.name()));
        }
        if (!column.nullable() && column.defaultExpression() == null
                && column.identity() == ColumnDef.Identity.NONE) {
            lines.add("-- NOTE: " + add.table() + "." + column.name() + " is NOT NULL without a default: this fails"
                    + " if " + add.table() + " has rows. Add a default, or add the column nullable, fill it, then"
                    + " SET NOT NULL.");
        }
        lines.add(alterTable(add.table()) + "ADD COLUMN " + columnDefinition(column) + ";");
    }

    private static void renderAlterType(AlterColumnType alter, List<String> lines) {
        if (alter.isDestructive()) {
            lines.add("-- WARNING: narrows " + alter.table() + "." + alter.column() + " from " + alter.fromType()
                    + " to " + alter.toType() + ": values that do not fit make it fail or are cut short.");
        }
        lines.add(alterColumn(alter.table(), alter.column()) + "TYPE " + alter.toType()
                + (PostgresTypes.needsUsing(alter.fromType(), alter.toType())
                ? " USING " + quote(alter.column()) + "::" + alter.toType() : "") + ";");
    }

    private static void renderAlterIdentity(AlterColumnIdentity alter, List<String> lines) {
        String prefix = alterColumn(alter.table(), alter.column());
        if (alter.toIdentity() == ColumnDef.Identity.NONE) {
            lines.add(prefix + "DROP IDENTITY;");
        } else if (alter.fromIdentity() == ColumnDef.Identity.NONE) {
            lines.add(prefix + "ADD " + generated(alter.toIdentity()) + ";");
            lines.add("-- the identity continues after the values already in " + alter.table() + "." + alter.column());
            lines.add("SELECT setval(pg_get_serial_sequence(" + literal(quote(alter.table())) + ", "
                    + literal(alter.column()) + "), coalesce((SELECT max(" + quote(alter.column()) + ") FROM "
                    + quote(alter.table()) + "), 0) + 1, false);");
        } else {
            lines.add(prefix + "SET GENERATED " + (alter.toIdentity() == ColumnDef.Identity.ALWAYS ? "ALWAYS"
                    : "BY DEFAULT") + ";");
        }
    }

    private static String columnDefinition(ColumnDef column) {
        StringBuilder definition = new StringBuilder(quote(column.name())).append(' ').append(column.type());
        if (column.identity() != ColumnDef.Identity.NONE) {
            definition.append(' ').append(generated(column.identity()));
        }
        if (column.defaultExpression() != null) {
            definition.append(" DEFAULT ").append(column.defaultExpression());
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
                + " ALTER TABLE " + quote(table) + " RENAME COLUMN " + quote(from) + " TO " + quote(to) + ";";
    }

    private static String alterTable(String table) {
        return "ALTER TABLE " + quote(table) + " ";
    }

    private static String alterColumn(String table, String column) {
        return alterTable(table) + "ALTER COLUMN " + quote(column) + " ";
    }
}
