package dev.assistant.migrate.maven;

import dev.assistant.migrate.api.AssistantMigrate;
import dev.assistant.migrate.api.FleetRequest;
import dev.assistant.migrate.api.MigrateRequest;
import dev.assistant.migrate.api.MigrateResult;
import dev.assistant.migrate.api.Workspace;
import dev.assistant.migrate.api.report.TextReports;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Validates the applied migrations against their files, then applies the pending ones in order, each in its own
 * transaction, up to {@code target}. Prints a line per migration with its time and ends with the current version.
 */
@Mojo(name = "migrate", aggregator = true, requiresDependencyResolution = ResolutionScope.RUNTIME,
        threadSafe = true)
public class MigrateMojo extends AbstractMigrateMojo {

    /** The version to stop at, or {@code latest}. */
    @Parameter(property = PluginProperties.TARGET, defaultValue = MigrateRequest.LATEST)
    private String target;

    /** List what would be applied, and change nothing. */
    @Parameter(property = PluginProperties.DRY_RUN, defaultValue = "false")
    private String dryRun;

    @Inject
    public MigrateMojo(SettingsDecrypter settingsDecrypter) {
        super(settingsDecrypter);
    }

    @Override
    protected void run(AssistantMigrate core, Workspace workspace, ReactorLocations scripts, MavenEngineLog log)
            throws MojoFailureException {
        boolean dryRun = ParameterValues.flag(this.dryRun, PluginProperties.DRY_RUN);
        MigrateResult result = core.migrate(new MigrateRequest(workspace, target, dryRun, lockTimeout()));
        print(log, TextReports.migrate(result));
    }

    @Override
    protected void runFleet(AssistantMigrate core, Workspace workspace, FleetRequest fleet, MavenEngineLog log)
            throws MojoFailureException, MojoExecutionException {
        boolean dryRun = ParameterValues.flag(this.dryRun, PluginProperties.DRY_RUN);
        finish(log, core.migrate(fleet, new MigrateRequest(workspace, target, dryRun, lockTimeout())));
    }
}
