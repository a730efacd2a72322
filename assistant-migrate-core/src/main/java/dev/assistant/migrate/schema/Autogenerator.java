package dev.assistant.migrate.schema;

import dev.assistant.migrate.api.MigrationEngineException;
import dev.assistant.migrate.engine.MigrateTarget;
import dev.assistant.migrate.engine.MigrationEngine;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The autogenerate pipeline: the model's schema (Hibernate boot metadata) against the schema the migrations build
 * (replayed on a shadow database and read from the catalog), as ordered operations with their inverses.
 */
public final class Autogenerator {

    private final MigrationEngine engine;
    private final String shadowUrl;
    private final IgnoredObjects ignored;

    /** @param engine the engine of the goal: its scripts are replayed, its database's server holds the shadow */
    public Autogenerator(MigrationEngine engine, String shadowUrl) {
        this(engine, shadowUrl, IgnoredObjects.NONE);
    }

    /**
     * @param engine the engine of the goal: its scripts are replayed, its database's server holds the shadow
     * @param ignored objects that exist only in SQL, which autogenerate leaves alone
     */
    public Autogenerator(MigrationEngine engine, String shadowUrl, IgnoredObjects ignored) {
        this.engine = engine;
        this.shadowUrl = shadowUrl;
        this.ignored = ignored;
    }

    /** What a migration must do to bring the migrations' schema to the model's; empty when they agree. */
    public SchemaChanges diff(ModelClasses model) {
        HibernateLogBridge.routeTo(engine.log());
        SchemaSnapshot modelSchema = ignored.apply(ModelSchemaReader.read(model));
        try (ShadowDatabase shadow = ShadowDatabase.open(engine.database(), shadowUrl)) {
            engine.log().debug("Replaying the migrations on " + shadow.describe());
            shadow.replaying(engine).migrate(MigrateTarget.latest(), false);
            try (Connection connection = shadow.connect()) {
                return diff(ignored.apply(DatabaseSchemaReader.read(connection)), modelSchema, connection);
            } catch (SQLException e) {
                throw new MigrationEngineException("Cannot read the schema of the shadow database " + shadow.describe()
                        + ": " + e.getMessage(), false, e);
            }
        }
    }

    /** The operations from {@code database} to the model, with the model's types spelled by {@code connection}. */
    static SchemaChanges diff(SchemaSnapshot database, SchemaSnapshot model, Connection connection) {
        SchemaSnapshot canonicalModel = TypeCanonicalizer.canonicalize(model, connection);
        return SchemaChanges.of(SchemaDiff.between(database, canonicalModel));
    }
}
