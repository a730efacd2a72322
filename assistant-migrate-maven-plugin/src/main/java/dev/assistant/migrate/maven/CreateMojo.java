package dev.assistant.migrate.maven;

import dev.assistant.migrate.api.AssistantMigrate;
import dev.assistant.migrate.api.CreateRequest;
import dev.assistant.migrate.api.CreateResult;
import dev.assistant.migrate.api.Workspace;
import dev.assistant.migrate.api.report.TextReports;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Writes a new migration pair, {@code V<yyyyMMddHHmmss>__<slug>.sql} and its undo {@code U<same>__<slug>.sql}, into
 * the migrations directory. With {@code autogenerate} both are filled from the difference between the entity model
 * and the schema the existing migrations build; when there is none, nothing is written.
 */
@Mojo(name = "create", aggregator = true, requiresDependencyResolution = ResolutionScope.RUNTIME,
        threadSafe = true)
public class CreateMojo extends AbstractMigrateMojo {

    /** What the migration does, e.g. "add user timezone"; it names the files. Required. */
    @Parameter(property = PluginProperties.MESSAGE)
    private String message;

    /** Fill the files from the entity model instead of writing commented templates. */
    @Parameter(property = PluginProperties.AUTOGENERATE, defaultValue = "false")
    private String autogenerate;

    /**
     * An empty database to replay the migrations on, instead of a temporary one created (and dropped) on the target's
     * server, which needs the CREATEDB privilege.
     */
    @Parameter(property = PluginProperties.SHADOW_URL)
    private String shadowUrl;

    /**
     * Directories of compiled entity classes, comma-separated; by default every output directory of the build that
     * holds an {@code @Entity} class.
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

    @Inject
    public CreateMojo(SettingsDecrypter settingsDecrypter) {
        super(settingsDecrypter);
    }

    @Override
    protected void run(AssistantMigrate core, Workspace workspace, ReactorLocations scripts, MavenEngineLog log)
            throws MojoFailureException {
        boolean autogenerate = ParameterValues.flag(this.autogenerate, PluginProperties.AUTOGENERATE);
        CreateResult result = core.create(new CreateRequest(workspace, message, autogenerate,
                scripts.writableDirectory(),
                autogenerate ? Optional.of(ReactorModel.require(modelClasses, session(), project())
                        .withNamingStrategy(namingStrategy)) : Optional.empty(),
                shadowUrl, renames, ignore));
        TextReports.createWarnings(result).forEach(log::warn);
        print(log, TextReports.create(result, HINTS));
    }
}
