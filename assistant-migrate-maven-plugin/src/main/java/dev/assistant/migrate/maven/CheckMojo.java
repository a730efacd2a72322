package dev.assistant.migrate.maven;

import dev.assistant.migrate.engine.CheckReport;
import dev.assistant.migrate.engine.MigrationEngine;
import dev.assistant.migrate.engine.report.TextReports;
import dev.assistant.migrate.schema.MigrationCheck;
import dev.assistant.migrate.schema.RenameHints;
import dev.assistant.migrate.schema.ModelClasses;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
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
    protected void run(MigrationEngine engine, ReactorLocations scripts, MavenEngineLog log)
            throws MojoFailureException {
        Optional<Supplier<ModelClasses>> model = ReactorModel.find(modelClasses, session(), project());
        if (model.isEmpty()) {
            log.info("Model drift not checked: this build has no compiled @Entity classes (make build compiles them;"
                    + " -D" + PluginProperties.MODEL_CLASSES + " names them).");
        }
        CheckReport report = new MigrationCheck(engineSettings(), shadowUrl, RenameHints.parse(renames))
                .run(model);
        if (!report.passed()) {
            int count = report.pending().size() + report.problems().size();
            throw new MojoFailureException("Migration check failed: " + count + " finding" + (count == 1 ? "" : "s")
                    + " in " + report.database() + System.lineSeparator()
                    + String.join(System.lineSeparator(), TextReports.check(report)));
        }
        log.debug("Migration check passed for " + report.database() + ".");
    }
}
