package dev.assistant.migrate.maven;

import dev.assistant.migrate.api.AssistantMigrate;
import dev.assistant.migrate.api.CheckReport;
import dev.assistant.migrate.api.CheckRequest;
import dev.assistant.migrate.api.Workspace;
import dev.assistant.migrate.api.report.TextReports;
import java.util.List;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * For CI: fails the build when migrations are pending, when status finds any problem, when a migration has no undo
 * script, when the chain does not replay from an empty database (every undo must restore the schema as it was before
 * its migration), or when the entity model differs from what the migrations build. Passes quietly otherwise.
 */
@Mojo(name = "check", aggregator = true, requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class CheckMojo extends AbstractMigrateMojo {

    /**
     * An empty database to replay the migrations on, instead of a temporary one created (and dropped) on the target's
     * server, which needs the CREATEDB privilege.
     */
    @Parameter(property = PluginProperties.SHADOW_URL)
    private String shadowUrl;

    /**
     * Directories of compiled entity classes, comma-separated; by default every output directory of the build that
     * holds an {@code @Entity} class. Without any, model drift is not checked.
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
    public CheckMojo(SettingsDecrypter settingsDecrypter) {
        super(settingsDecrypter);
    }

    @Override
    protected void run(AssistantMigrate core, Workspace workspace, ReactorLocations scripts, MavenEngineLog log)
            throws MojoFailureException {
        CheckReport report = core.check(new CheckRequest(workspace,
                ReactorModel.find(modelClasses, session(), project())
                        .map(model -> model.withNamingStrategy(namingStrategy)), shadowUrl, renames, ignore));
        if (!report.passed()) {
            throw new MojoFailureException(TextReports.checkFailure(report));
        }
        log.debug(TextReports.checkPassed(report));
    }
}
