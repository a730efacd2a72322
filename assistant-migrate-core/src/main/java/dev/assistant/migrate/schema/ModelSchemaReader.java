package dev.assistant.migrate.schema;

import dev.assistant.migrate.api.MigrationEngineException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.relational.Database;
import org.hibernate.boot.model.relational.Namespace;
import org.hibernate.boot.model.relational.QualifiedName;
import org.hibernate.boot.model.relational.Sequence;
import org.hibernate.boot.model.relational.SqlStringGenerationContext;
import org.hibernate.boot.model.relational.internal.SqlStringGenerationContextImpl;
import org.hibernate.boot.registry.BootstrapServiceRegistry;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.generator.Generator;
import org.hibernate.id.enhanced.SequenceStyleGenerator;
import org.hibernate.mapping.CheckConstraint;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.ForeignKey;
import org.hibernate.mapping.GeneratorSettings;
import org.hibernate.mapping.Index;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.RootClass;
import org.hibernate.mapping.Table;
import org.hibernate.mapping.UniqueKey;

/**
 * The schema the entity model asks for, read from Hibernate's boot metadata with the PostgreSQL dialect (chosen by
 * database name and version, as if connected) and no database connection: what Hibernate's own DDL would create,
 * including the unique constraints of {@code @Column(unique = true)}, {@code @OneToOne} and {@code @NaturalId}, and the
 * check constraints of {@code @Enumerated} columns, discriminators and {@code @Check}. Types, defaults and check
 * expressions come out as Hibernate writes them in DDL ({@code varchar(255)}); {@link TypeCanonicalizer} turns them
 * into PostgreSQL's own spelling before they are compared. Keys, checks and indexes the model leaves unnamed are
 * marked implicit and named as PostgreSQL would name them ({@code notes_title_key}, {@code notes_author_id_fkey},
 * {@code notes_title_idx}), not with Hibernate's hashes.
 */
public final class ModelSchemaReader {

    /** The PostgreSQL version the dialect assumes for the types it chooses. */
    static final String DATABASE_VERSION = "15";

    /** Names Hibernate makes up for unnamed keys and indexes: a prefix and a hash. */
    private static final Pattern HIBERNATE_NAME = Pattern.compile("(?i)(FK|UK|IDX)[0-9a-z]{20,}");
    private static final Set<String> SERIAL_TYPES = Set.of("serial", "serial4", "bigserial", "serial8", "smallserial",
            "serial2");

    private ModelSchemaReader() {
    }

    public static SchemaSnapshot read(ModelClasses model) {
        BootstrapServiceRegistry bootstrap = new BootstrapServiceRegistryBuilder()
                .applyClassLoader(model.classLoader())
                .build();
        StandardServiceRegistryBuilder settings = new StandardServiceRegistryBuilder(bootstrap)
                .applySetting(AvailableSettings.JAKARTA_HBM2DDL_DB_NAME, "PostgreSQL")
                .applySetting(AvailableSettings.JAKARTA_HBM2DDL_DB_VERSION, DATABASE_VERSION)
                .applySetting(AvailableSettings.ALLOW_METADATA_ON_BOOT, false);
        model.physicalNamingStrategy().ifPresent(strategy ->
                settings.applySetting(AvailableSettings.PHYSICAL_NAMING_STRATEGY, strategy));
        if (model.springImplicitNaming()) {
            settings.applySetting(AvailableSettings.IMPLICIT_NAMING_STRATEGY, new SpringImplicitNaming());
        }
        StandardServiceRegistry registry = settings.build();
        Metadata metadata;
        try {
            MetadataSources sources = new MetadataSources(registry);
            model.annotatedClasses().forEach(sources::addAnnotatedClass);
            metadata = sources.buildMetadata();
        } catch (RuntimeException e) {
            StandardServiceRegistryBuilder.destroy(registry);
            throw new MigrationEngineException("Hibernate cannot read the entity model in " + model.describe() + ": "
                    + e.getMessage(), true, e);
        }
        try {
            return snapshot(metadata, model);
        } finally {
            StandardServiceRegistryBuilder.destroy(registry);
        }
    }

    private static SchemaSnapshot snapshot(Metadata metadata, ModelClasses model) {
        Map<String, Set<String>> versions = versionColumns(metadata);
        Map<String, TableDef> tables = new TreeMap<>();
        Set<String> schemas = new TreeSet<>();
        for (Table table : metadata.collectTableMappings()) {
            if (!table.isPhysicalTable()) {
                continue;
            }
            if (table.getCatalog() != null) {
                throw new MigrationEngineException("The entity model in " + model.describe() + " puts table "
                        + table.getName() + " in catalog " + table.getCatalog() + ": in PostgreSQL a catalog is"
                        + " another database, which one migration cannot reach. Use @Table(schema = \"...\")"
                        + " instead of catalog.", true);
            }
            TableDef definition = table(table, metadata, versions);
            tables.put(definition.name(), definition);
            String schema = schema(table.getSchemaIdentifier());
            if (schema != null) {
                schemas.add(schema);
            }
        }
        Map<String, SequenceDef.ColumnRef> feeds = sequenceUses(metadata);
        Map<String, SequenceDef> sequences = new TreeMap<>();
        for (Namespace namespace : metadata.getDatabase().getNamespaces()) {
            if (namespace.getName().catalog() != null) {
                continue;
            }
            String schema = schema(namespace.getName().schema());
            for (Sequence sequence : namespace.getSequences()) {
                String name = SqlNames.key(schema, physical(sequence.getName().getSequenceName()));
                if (schema != null) {
                    schemas.add(schema);
                }
                sequences.put(name, new SequenceDef(name, sequence.getInitialValue(), sequence.getIncrementSize(),
                        feeds.get(name)));
            }
        }
        return new SchemaSnapshot(new TreeMap<>(tables), new TreeMap<>(sequences), null, new TreeSet<>(schemas),
                null);
    }

    private static TableDef table(Table table, Metadata metadata, Map<String, Set<String>> versions) {
        String tableName = tableKey(table);
        String bare = SqlNames.nameOf(tableName);
        Set<Column> referencing = new HashSet<>();
        table.getForeignKeyCollection().forEach(fk -> referencing.addAll(fk.getColumns()));
        Set<String> versionColumns = versions.getOrDefault(tableName, Set.of());
        List<ColumnDef> columns = new ArrayList<>();
        for (Column column : table.getColumns()) {
            boolean primary = table.getPrimaryKey() != null && table.getPrimaryKey().containsColumn(column);
            columns.add(new ColumnDef(name(column), sqlType(column, metadata, primary, referencing),
                    column.isNullable() && !primary, column.getDefaultValue(),
                    column.isIdentity() ? ColumnDef.Identity.BY_DEFAULT : ColumnDef.Identity.NONE,
                    versionColumns.contains(name(column))));
        }
        PrimaryKeyDef primaryKey = table.getPrimaryKey() == null ? null
                : new PrimaryKeyDef(SqlNames.defaultName(bare, null, "pkey"), names(table.getPrimaryKey().getColumns()));

        Map<String, UniqueDef> uniques = new TreeMap<>();
        Set<List<String>> uniqueColumns = new HashSet<>();
        for (UniqueKey unique : table.getUniqueKeys().values()) {
            if (table.isRedundantUniqueKey(unique)) {
                continue;
            }
            List<String> keyColumns = names(unique.getColumns());
            boolean implicit = !unique.isNameExplicit() || HIBERNATE_NAME.matcher(unique.getName()).matches();
            String name = implicit ? SqlNames.defaultName(bare, SqlNames.columnsPart(keyColumns), "key")
                    : constraintName(unique.getName());
            uniques.put(name, new UniqueDef(name, keyColumns, implicit));
            uniqueColumns.add(keyColumns);
        }
        for (Column column : table.getColumns()) {
            List<String> keyColumns = List.of(name(column));
            boolean onlyKey = primaryKey != null && primaryKey.columns().equals(keyColumns);
            if (column.isUnique() && !onlyKey && uniqueColumns.add(keyColumns)) {
                String name = SqlNames.defaultName(bare, name(column), "key");
                uniques.put(name, new UniqueDef(name, keyColumns, true));
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
            boolean implicit = HIBERNATE_NAME.matcher(index.getName()).matches();
            String name = implicit ? SqlNames.defaultName(bare, SqlNames.columnsPart(indexColumns.stream()
                    .map(IndexDef.IndexColumn::name).toList()), "idx") : constraintName(index.getName());
            indexes.put(name, new IndexDef(name, indexColumns, index.isUnique(), implicit));
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
            boolean implicit = HIBERNATE_NAME.matcher(fk.getName()).matches();
            List<String> fkColumns = names(fk.getColumns());
            String name = implicit ? SqlNames.defaultName(bare, SqlNames.columnsPart(fkColumns), "fkey")
                    : constraintName(fk.getName());
            foreignKeys.put(name, new ForeignKeyDef(name, fkColumns, tableKey(referenced), referencedColumns,
                    onDelete(fk), implicit));
        }
        return new TableDef(tableName, columns, primaryKey, new TreeMap<>(uniques), new TreeMap<>(indexes),
                new TreeMap<>(foreignKeys), new TreeMap<>(checks(table, bare)));
    }

    /**
     * Column checks ({@code @Enumerated}, discriminators, {@code @Check} on a field) and table checks
     * ({@code @Check} on a class), as Hibernate writes them; unnamed ones get the name PostgreSQL would give them.
     */
    private static Map<String, CheckDef> checks(Table table, String bare) {
        Map<String, CheckDef> checks = new TreeMap<>();
        Set<String> taken = new HashSet<>();
        for (Column column : table.getColumns()) {
            for (CheckConstraint check : column.getCheckConstraints()) {
                add(checks, taken, check, bare, name(column));
            }
        }
        for (CheckConstraint check : table.getChecks()) {
            add(checks, taken, check, bare, null);
        }
        return checks;
    }

    private static void add(Map<String, CheckDef> checks, Set<String> taken, CheckConstraint check, String table,
            String column) {
        String expression = check.getConstraint();
        if (check.isNamed()) {
            String name = constraintName(check.getName());
            taken.add(name);
            checks.put(name, new CheckDef(name, expression, false));
            return;
        }
        String name = SqlNames.defaultName(table, column, "check");
        for (int attempt = 1; taken.contains(name); attempt++) {
            name = SqlNames.defaultName(table, column, "check" + attempt);
        }
        taken.add(name);
        checks.put(name, new CheckDef(name, expression, true));
    }

    /**
     * The column's type. A column that references a {@code serial} key inherits that columnDefinition in Hibernate;
     * as a plain reference it is the serial's integer type ({@code serial} there would give it a sequence of its own).
     */
    private static String sqlType(Column column, Metadata metadata, boolean primary, Set<Column> referencing) {
        String type = column.getSqlType(metadata);
        String lower = type.strip().toLowerCase(Locale.ROOT);
        if (!primary && referencing.contains(column) && SERIAL_TYPES.contains(lower)) {
            return lower.startsWith("big") || lower.equals("serial8") ? "bigint"
                    : lower.startsWith("small") || lower.equals("serial2") ? "smallint" : "integer";
        }
        return type;
    }

    /** Table key to the names of its {@code @Version} columns. */
    private static Map<String, Set<String>> versionColumns(Metadata metadata) {
        Map<String, Set<String>> versions = new HashMap<>();
        for (PersistentClass entity : metadata.getEntityBindings()) {
            if (entity.getVersion() == null) {
                continue;
            }
            for (Column column : entity.getVersion().getColumns()) {
                versions.computeIfAbsent(tableKey(entity.getVersion().getValue().getTable()),
                        key -> new LinkedHashSet<>()).add(name(column));
            }
        }
        return versions;
    }

    /**
     * Sequence key to the id column Hibernate draws from it, for every entity whose generator is a sequence: where a
     * sequence created for an existing table must start.
     */
    private static Map<String, SequenceDef.ColumnRef> sequenceUses(Metadata metadata) {
        Database database = metadata.getDatabase();
        SqlStringGenerationContext context = SqlStringGenerationContextImpl.fromExplicit(database.getJdbcEnvironment(),
                database, null, null);
        GeneratorSettings settings = new GeneratorSettings() {
            @Override
            public String getDefaultCatalog() {
                return null;
            }

            @Override
            public String getDefaultSchema() {
                return null;
            }

            @Override
            public SqlStringGenerationContext getSqlStringGenerationContext() {
                return context;
            }
        };
        Map<String, SequenceDef.ColumnRef> uses = new HashMap<>();
        for (PersistentClass entity : metadata.getEntityBindings()) {
            if (!(entity instanceof RootClass root) || root.getIdentifier().getColumnSpan() != 1) {
                continue;
            }
            try {
                Generator generator = root.getIdentifier().createGenerator(database.getDialect(), root,
                        root.getIdentifierProperty(), settings);
                if (generator instanceof SequenceStyleGenerator sequences
                        && sequences.getDatabaseStructure().isPhysicalSequence()) {
                    QualifiedName name = sequences.getDatabaseStructure().getPhysicalName();
                    String key = SqlNames.key(schema(name.getSchemaName()), physical(name.getObjectName()));
                    Column id = root.getIdentifier().getColumns().get(0);
                    uses.putIfAbsent(key, new SequenceDef.ColumnRef(tableKey(root.getTable()), name(id)));
                }
            } catch (RuntimeException notAvailable) {
                // a generator that cannot be built here only loses the start-past-existing-ids hint
            }
        }
        return uses;
    }

    private static String tableKey(Table table) {
        return SqlNames.key(schema(table.getSchemaIdentifier()), physical(table.getName(), table.isQuoted()));
    }

    private static String schema(Identifier schema) {
        return schema == null ? null : physical(schema);
    }

    private static String physical(Identifier identifier) {
        return physical(identifier.getText(), identifier.isQuoted());
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
        return quoted ? name : name.toLowerCase(Locale.ROOT);
    }

    /** Index and constraint names come from annotations as written, quotes (or backticks) included. */
    static String constraintName(String name) {
        if (name.length() > 1 && (name.startsWith("\"") && name.endsWith("\"")
                || name.startsWith("`") && name.endsWith("`"))) {
            return name.substring(1, name.length() - 1);
        }
        return name.toLowerCase(Locale.ROOT);
    }
}
