package dev.assistant.migrate.maven;

import dev.assistant.migrate.api.ModelSource;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * The parameters of the goals that compare the entity model with the schema the migrations build: create (with
 * autogenerate) and check.
 */
public abstract class AbstractSchemaMojo extends AbstractMigrateMojo {

    /**
     * An empty database to replay the migrations on, instead of a temporary one created (and dropped) on the target's
     * server, which needs the CREATEDB privilege.
     */
    @Parameter(property = PluginProperties.SHADOW_URL)
    private String shadowUrl;

    /**
     * Directories of compiled entity classes, comma-separated; by default every output directory of the build that
     * holds an {@code @Entity} class. Without any, check does not check model drift.
     */
    @Parameter(property = PluginProperties.MODEL_CLASSES)
    private List<String> modelClasses;

    /**
     * How the application's Hibernate turns entity names into table and column names: {@code hibernate} (the
     * default: as written), {@code spring} (Spring Boot's default, {@code firstName} becomes {@code first_name}), or
     * the class name of a {@code PhysicalNamingStrategy} on the model's class path. It must be the application's, or
     * every name differs.
     */
    @Parameter(property = PluginProperties.NAMING_STRATEGY)
    private String namingStrategy;

    /**
     * Objects that exist only in SQL on purpose, comma-separated names in which {@code *} stands for any characters
     * and {@code ?} for one: tables (with everything on them), {@code table.column}, indexes, constraints, sequences,
     * views, functions. They are left out of the comparisons, so they are kept rather than proposed for dropping.
     */
    @Parameter(property = PluginProperties.IGNORE)
    private List<String> ignore;

    /**
     * Renames to take as such whatever the names look like, comma-separated: {@code old_table->new_table} for a
     * table, {@code table.old_column->new_column} for a column. Renames whose tables have alike columns, or whose
     * columns have fitting types and close names, are found without it.
     */
    @Parameter(property = PluginProperties.RENAMES)
    private List<String> renames;

    protected AbstractSchemaMojo(SettingsDecrypter settingsDecrypter) {
        super(settingsDecrypter);
    }

    /** The compiled model the build holds, read with the application's naming; empty when it holds none. */
    protected Optional<ModelSource> findModel() {
        return ReactorModel.find(modelClasses, session(), project())
                .map(model -> model.withNamingStrategy(namingStrategy));
    }

    /** The compiled model, where the build holds it or would (for a message that says where it looked). */
    protected ModelSource requireModel() {
        return ReactorModel.require(modelClasses, session(), project()).withNamingStrategy(namingStrategy);
    }

    protected String shadowUrl() {
        return shadowUrl;
    }

    protected List<String> renames() {
        return renames;
    }

    protected List<String> ignore() {
        return ignore;
    }
}
