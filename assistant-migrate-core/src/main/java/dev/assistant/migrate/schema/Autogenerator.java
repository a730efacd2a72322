package dev.assistant.migrate.schema;

import dev.assistant.migrate.engine.Database;
import dev.assistant.migrate.engine.EngineSettings;
import dev.assistant.migrate.engine.MigrateTarget;
import dev.assistant.migrate.engine.MigrationEngineException;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The autogenerate pipeline: the model's schema (Hibernate boot metadata) against the schema the migrations build
 * (replayed on a shadow database and read from the catalog), as ordered operations with their inverses.
 */
public final class Autogenerator {

    private final EngineSettings settings;
    private final String shadowUrl;

    public Autogenerator(EngineSettings settings, String shadowUrl) {
        this.settings = settings;
        this.shadowUrl = shadowUrl;
    }

    /** What a migration must do to bring the migrations' schema to the model's; empty when they agree. */
    public SchemaChanges diff(ModelClasses model) {
        HibernateLogBridge.routeTo(settings.log());
        SchemaSnapshot modelSchema = ModelSchemaReader.read(model);
        try (ShadowDatabase shadow = ShadowDatabase.open(new Database(settings.connection()), shadowUrl)) {
            settings.log().debug("Replaying the migrations on " + shadow.describe());
            shadow.engine(settings.locations(), settings.lockTimeout(), settings.log())
                    .migrate(MigrateTarget.latest(), false);
            try (Connection connection = shadow.connect()) {
                return diff(DatabaseSchemaReader.read(connection), modelSchema, connection);
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
