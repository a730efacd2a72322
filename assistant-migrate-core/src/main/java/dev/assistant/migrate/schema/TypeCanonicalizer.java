package dev.assistant.migrate.schema;

import dev.assistant.migrate.api.MigrationEngineException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Lets PostgreSQL spell the model's types and defaults: Hibernate writes {@code varchar(255)} and {@code 'x'}, the
 * catalog says {@code character varying(255)} and {@code 'x'::character varying}. Each distinct type and default is
 * declared once in a temporary table inside a transaction that is rolled back, and read back from the catalog. No
 * alias table can drift from the server this way.
 */
final class TypeCanonicalizer {

    private TypeCanonicalizer() {
    }

    static SchemaSnapshot canonicalize(SchemaSnapshot model, Connection connection) {
        Map<String, ColumnDef> distinct = new LinkedHashMap<>();
        for (TableDef table : model.tables().values()) {
            for (ColumnDef column : table.columns()) {
                distinct.putIfAbsent(key(column), column);
            }
        }
        if (distinct.isEmpty()) {
            return model;
        }
        Map<String, ColumnDef> canonical = spell(new ArrayList<>(distinct.values()), connection, model);
        Map<String, TableDef> tables = new TreeMap<>();
        for (TableDef table : model.tables().values()) {
            List<ColumnDef> columns = table.columns().stream()
                    .map(column -> {
                        ColumnDef spelled = canonical.get(key(column));
                        return new ColumnDef(column.name(), spelled.type(), column.nullable(),
                                spelled.defaultExpression(), column.identity());
                    })
                    .toList();
            tables.put(table.name(), new TableDef(table.name(), columns, table.primaryKey(), table.uniques(),
                    table.indexes(), table.foreignKeys()));
        }
        return new SchemaSnapshot(new TreeMap<>(tables), model.sequences(), model.otherObjects());
    }

    private static String key(ColumnDef column) {
        return column.type() + "\u0000" + column.defaultExpression();
    }

    private static Map<String, ColumnDef> spell(List<ColumnDef> columns, Connection connection, SchemaSnapshot model) {
        Map<String, ColumnDef> spelled = new HashMap<>();
        try {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                for (SequenceDef sequence : model.sequences().values()) {
                    statement.execute("CREATE TEMPORARY SEQUENCE " + SqlNames.quote(sequence.name()));
                }
                StringBuilder ddl = new StringBuilder("CREATE TEMPORARY TABLE assistant_model_types (");
                for (int i = 0; i < columns.size(); i++) {
                    ColumnDef column = columns.get(i);
                    ddl.append(i == 0 ? "" : ", ").append("c").append(i).append(' ').append(column.type());
                    if (column.defaultExpression() != null) {
                        ddl.append(" DEFAULT ").append(column.defaultExpression());
                    }
                }
                statement.execute(ddl.append(")").toString());
                read(columns, connection, spelled);
            } catch (SQLException e) {
                connection.rollback();
                throw culprit(columns, connection, e);
            } finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new MigrationEngineException("Cannot check the model's column types against the database: "
                    + e.getMessage(), false, e);
        }
        return spelled;
    }

    private static void read(List<ColumnDef> columns, Connection connection, Map<String, ColumnDef> spelled)
            throws SQLException {
        String sql = """
                SELECT a.attnum, format_type(a.atttypid, a.atttypmod), pg_get_expr(d.adbin, d.adrelid)
                FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                WHERE a.attrelid = 'pg_temp.assistant_model_types'::regclass AND a.attnum > 0
                """;
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                ColumnDef column = columns.get(rows.getInt(1) - 1);
                spelled.put(key(column), column.withType(rows.getString(2)).withDefault(rows.getString(3)));
            }
        }
    }

    /** The first column PostgreSQL refuses, named by its table, for the message. */
    private static MigrationEngineException culprit(List<ColumnDef> columns, Connection connection, SQLException e)
            throws SQLException {
        for (ColumnDef column : columns) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TEMPORARY TABLE assistant_model_probe (c " + column.type()
                        + (column.defaultExpression() == null ? "" : " DEFAULT " + column.defaultExpression()) + ")");
            } catch (SQLException refused) {
                connection.rollback();
                return new MigrationEngineException("The model declares a column of type '" + column.type() + "'"
                        + (column.defaultExpression() == null ? "" : " with default " + column.defaultExpression())
                        + " (column " + column.name() + "), which PostgreSQL refuses: " + refused.getMessage()
                        + ". Fix the entity's @Column(columnDefinition) or @ColumnDefault.", true, refused);
            } finally {
                connection.rollback();
            }
        }
        return new MigrationEngineException("PostgreSQL refuses the model's column types: " + e.getMessage(), true, e);
    }
}
