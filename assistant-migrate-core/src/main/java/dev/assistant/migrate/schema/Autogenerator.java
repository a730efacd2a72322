package dev.assistant.migrate.schema;

import dev.assistant.migrate.api.MigrationEngineException;
import dev.assistant.migrate.engine.MigrateTarget;
import dev.assistant.migrate.engine.MigrationEngine;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The autogenerate pipeline: the model's schema (Hibernate boot metadata) against the schema the migrations build
 * (replayed on a shadow database and read from the catalog), as ordered operations with their inverses.
 */
public final class Autogenerator {

    private final MigrationEngine engine;
    private final String shadowUrl;
    private final RenameHints renames;
    private final IgnoredObjects ignored;

    /** @param engine the engine of the goal: its scripts are replayed, its database's server holds the shadow */
    public Autogenerator(MigrationEngine engine, String shadowUrl) {
        this(engine, shadowUrl, RenameHints.none(), IgnoredObjects.NONE);
    }

    /**
     * @param engine the engine of the goal: its scripts are replayed, its database's server holds the shadow
     * @param renames renames the author declares ({@code assistant.renames})
     * @param ignored objects that exist only in SQL, which autogenerate leaves alone ({@code assistant.ignore})
     */
    public Autogenerator(MigrationEngine engine, String shadowUrl, RenameHints renames, IgnoredObjects ignored) {
        this.engine = engine;
        this.shadowUrl = shadowUrl;
        this.renames = renames;
        this.ignored = ignored;
    }

    /** What a migration must do to bring the migrations' schema to the model's; empty when they agree. */
    public SchemaChanges diff(ModelClasses model) {
        HibernateLogBridge.routeTo(engine.log());
        SchemaSnapshot modelSchema = ModelSchemaReader.read(model);
        try (ShadowDatabase shadow = ShadowDatabase.open(engine.database(), shadowUrl)) {
            engine.log().debug("Replaying the migrations on " + shadow.describe());
            shadow.replaying(engine).migrate(MigrateTarget.latest(), false);
            try (Connection connection = shadow.connect()) {
                return diff(connection, modelSchema, renames, ignored);
            } catch (SQLException e) {
                throw new MigrationEngineException("Cannot read the schema of the shadow database " + shadow.describe()
                        + ": " + e.getMessage(), false, e);
            }
        }
    }

    /**
     * The operations from the schema of {@code connection} (its own schema and those the model names) to the model,
     * with the model's types, defaults and checks spelled by that connection; what {@code ignored} names is left out
     * of both. Extensions are only ever added: one the database has and the model does not need stays.
     */
    static SchemaChanges diff(Connection connection, SchemaSnapshot model, RenameHints renames,
            IgnoredObjects ignored) throws SQLException {
        SchemaSnapshot canonical = ignored.apply(TypeCanonicalizer.canonicalize(model, connection));
        SchemaSnapshot database = drawingFromModelSequences(
                ignored.apply(DatabaseSchemaReader.read(connection, canonical.schemas())), canonical);
        Set<String> extensions = new TreeSet<>(database.extensions());
        extensions.addAll(canonical.extensions());
        List<SchemaOperation> operations = SchemaDiff.between(database, canonical.withExtensions(extensions), renames,
                true);
        List<String> unused = Renames.unused(operations, renames).stream()
                .map(rename -> "assistant.renames: " + rename + " was not used: the schema has no table or column "
                        + rename.from() + " that the model replaces by " + rename.to() + ".")
                .toList();
        return SchemaChanges.of(operations, unused);
    }

    /**
     * The database as the model sees it where a serial column's own sequence is a sequence of the model: an id the
     * model draws from {@code @SequenceGenerator(sequenceName = "items_id_seq")} on a {@code serial} column of the
     * SQL. Both take their values from that one sequence, so the column is a plain one and the sequence the model's,
     * rather than a column to change and a sequence to create.
     */
    static SchemaSnapshot drawingFromModelSequences(SchemaSnapshot database, SchemaSnapshot model) {
        Map<String, TableDef> tables = new TreeMap<>(database.tables());
        Map<String, SequenceDef> sequences = new TreeMap<>(database.sequences());
        for (TableDef table : database.tables().values()) {
            TableDef modelTable = model.tables().get(table.name());
            if (modelTable == null) {
                continue;
            }
            Map<String, ColumnDef> modelColumns = modelTable.columnsByName();
            List<ColumnDef> columns = new ArrayList<>();
            for (ColumnDef column : table.columns()) {
                ColumnDef modelColumn = modelColumns.get(column.name());
                String sequence = column.serialSequence();
                if (sequence != null && modelColumn != null
                        && modelColumn.identity() == ColumnDef.Identity.NONE && modelColumn.defaultExpression() == null
                        && model.sequences().containsKey(sequence) && !database.sequences().containsKey(sequence)) {
                    columns.add(column.withIdentity(ColumnDef.Identity.NONE, null));
                    sequences.put(sequence, model.sequences().get(sequence));
                } else {
                    columns.add(column);
                }
            }
            tables.put(table.name(), table.withColumns(columns));
        }
        return new SchemaSnapshot(new TreeMap<>(tables), new TreeMap<>(sequences), database.otherObjects(),
                database.schemas(), database.extensions());
    }
}
