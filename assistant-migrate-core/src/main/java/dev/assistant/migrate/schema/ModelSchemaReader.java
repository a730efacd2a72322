package dev.assistant.migrate.schema;

import dev.assistant.migrate.api.MigrationEngineException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.model.relational.Namespace;
import org.hibernate.boot.model.relational.Sequence;
import org.hibernate.boot.registry.BootstrapServiceRegistry;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.ForeignKey;
import org.hibernate.mapping.Index;
import org.hibernate.mapping.Table;
import org.hibernate.mapping.UniqueKey;

/**
 * The schema the entity model asks for, read from Hibernate's boot metadata with the PostgreSQL dialect (chosen by
 * database name and version, as if connected) and no database connection. Types and defaults come out as Hibernate writes them in DDL ({@code varchar(255)});
 * {@link TypeCanonicalizer} turns them into PostgreSQL's own spelling before they are compared.
 */
public final class ModelSchemaReader {

    /** The PostgreSQL version the dialect assumes for the types it chooses. */
    static final String DATABASE_VERSION = "15";

    private ModelSchemaReader() {
    }

    public static SchemaSnapshot read(ModelClasses model) {
        BootstrapServiceRegistry bootstrap = new BootstrapServiceRegistryBuilder()
                .applyClassLoader(model.classLoader())
                .build();
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder(bootstrap)
                .applySetting(AvailableSettings.JAKARTA_HBM2DDL_DB_NAME, "PostgreSQL")
                .applySetting(AvailableSettings.JAKARTA_HBM2DDL_DB_VERSION, DATABASE_VERSION)
                .applySetting(AvailableSettings.ALLOW_METADATA_ON_BOOT, false)
                .build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            model.annotatedClasses().forEach(sources::addAnnotatedClass);
            return snapshot(sources.buildMetadata());
        } catch (RuntimeException e) {
            throw new MigrationEngineException("Hibernate cannot read the entity model in " + model.describe() + ": "
                    + e.getMessage(), true, e);
        } finally {
            StandardServiceRegistryBuilder.destroy(registry);
        }
    }

    private static SchemaSnapshot snapshot(Metadata metadata) {
        Map<String, TableDef> tables = new TreeMap<>();
        for (Table table : metadata.collectTableMappings()) {
            if (!table.isPhysicalTable() || table.getSchema() != null) {
                continue;
            }
            TableDef definition = table(table, metadata);
            tables.put(definition.name(), definition);
        }
        Map<String, SequenceDef> sequences = new TreeMap<>();
        for (Namespace namespace : metadata.getDatabase().getNamespaces()) {
            if (namespace.getName().schema() != null) {
                continue;
            }
            for (Sequence sequence : namespace.getSequences()) {
                String name = physical(sequence.getName().getSequenceName().getText(),
                        sequence.getName().getSequenceName().isQuoted());
                sequences.put(name, new SequenceDef(name, sequence.getInitialValue(), sequence.getIncrementSize()));
            }
        }
        return new SchemaSnapshot(new TreeMap<>(tables), new TreeMap<>(sequences), null);
    }

    private static TableDef table(Table table, Metadata metadata) {
        String tableName = physical(table.getName(), table.isQuoted());
        List<ColumnDef> columns = new ArrayList<>();
        for (Column column : table.getColumns()) {
            boolean primary = table.getPrimaryKey() != null && table.getPrimaryKey().containsColumn(column);
            columns.add(new ColumnDef(name(column), column.getSqlType(metadata),
                    column.isNullable() && !primary, column.getDefaultValue(),
                    column.isIdentity() ? ColumnDef.Identity.BY_DEFAULT : ColumnDef.Identity.NONE));
        }
        PrimaryKeyDef primaryKey = table.getPrimaryKey() == null ? null
                : new PrimaryKeyDef(tableName + "_pkey", names(table.getPrimaryKey().getColumns()));

        Map<String, UniqueDef> uniques = new TreeMap<>();
        for (UniqueKey unique : table.getUniqueKeys().values()) {
            if (!table.isRedundantUniqueKey(unique)) {
                String name = constraintName(unique.getName());
                uniques.put(name, new UniqueDef(name, names(unique.getColumns())));
            }
        }
        Map<String, IndexDef> indexes = new TreeMap<>();
        for (Index index : table.getIndexes().values()) {
            List<IndexDef.IndexColumn> indexColumns = new ArrayList<>();
            for (Column column : index.getColumns()) {
                String order = index.getColumnOrderMap().get(column);
                indexColumns.add(new IndexDef.IndexColumn(name(column),
                        order != null && order.trim().equalsIgnoreCase("desc")));
            }
            String name = constraintName(index.getName());
            indexes.put(name, new IndexDef(name, indexColumns, index.isUnique()));
        }
        Map<String, ForeignKeyDef> foreignKeys = new TreeMap<>();
        for (ForeignKey fk : table.getForeignKeyCollection()) {
            if (!fk.isCreationEnabled() || !fk.isPhysicalConstraint()) {
                continue;
            }
            Table referenced = fk.getReferencedTable();
            List<String> referencedColumns = fk.isReferenceToPrimaryKey()
                    ? names(referenced.getPrimaryKey().getColumns())
                    : names(fk.getReferencedColumns());
            String name = constraintName(fk.getName());
            foreignKeys.put(name, new ForeignKeyDef(name, names(fk.getColumns()),
                    physical(referenced.getName(), referenced.isQuoted()), referencedColumns, onDelete(fk)));
        }
        return new TableDef(tableName, columns, primaryKey, new TreeMap<>(uniques), new TreeMap<>(indexes),
                new TreeMap<>(foreignKeys));
    }

    private static ForeignKeyDef.OnDelete onDelete(ForeignKey fk) {
        if (fk.getOnDeleteAction() == null) {
            return ForeignKeyDef.OnDelete.NO_ACTION;
        }
        return switch (fk.getOnDeleteAction()) {
            case CASCADE -> ForeignKeyDef.OnDelete.CASCADE;
            case SET_NULL -> ForeignKeyDef.OnDelete.SET_NULL;
            case SET_DEFAULT -> ForeignKeyDef.OnDelete.SET_DEFAULT;
            case RESTRICT -> ForeignKeyDef.OnDelete.RESTRICT;
            default -> ForeignKeyDef.OnDelete.NO_ACTION;
        };
    }

    private static List<String> names(List<Column> columns) {
        return columns.stream().map(ModelSchemaReader::name).toList();
    }

    private static String name(Column column) {
        return physical(column.getName(), column.isQuoted());
    }

    /** A name as PostgreSQL stores it: unquoted names are folded to lower case, quoted ones kept as written. */
    static String physical(String name, boolean quoted) {
        return quoted ? name : name.toLowerCase(java.util.Locale.ROOT);
    }

    /** Index and constraint names come from annotations as written, quotes (or backticks) included. */
    static String constraintName(String name) {
        if (name.length() > 1 && (name.startsWith("\"") && name.endsWith("\"")
                || name.startsWith("`") && name.endsWith("`"))) {
            return name.substring(1, name.length() - 1);
        }
        return name.toLowerCase(java.util.Locale.ROOT);
    }
}
