package dev.assistant.migrate.maven;

import dev.assistant.migrate.api.AssistantMigrate;
import dev.assistant.migrate.api.DowngradeRequest;
import dev.assistant.migrate.api.DowngradeResult;
import dev.assistant.migrate.api.FleetRequest;
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
 * Undoes applied migrations with their {@code U} scripts, newest first. Plans first and refuses, before changing
 * anything, when a step has no undo script. Each undo and the removal of its history row run in one transaction,
 * under the lock that migrate takes.
 */
@Mojo(name = "downgrade", aggregator = true, requiresDependencyResolution = ResolutionScope.RUNTIME,
        threadSafe = true)
public class DowngradeMojo extends AbstractMigrateMojo {

    /** {@code -N} (undo the last N migrations), a version (undo everything above it) or {@code base}. Required. */
    @Parameter(property = PluginProperties.TARGET)
    private String target;

    /** Print the plan and the SQL of every undo, and change nothing. */
    @Parameter(property = PluginProperties.DRY_RUN, defaultValue = "false")
    private String dryRun;

    @Inject
    public DowngradeMojo(SettingsDecrypter settingsDecrypter) {
        super(settingsDecrypter);
    }

    @Override
    protected void run(AssistantMigrate core, Workspace workspace, ReactorLocations scripts, MavenEngineLog log)
            throws MojoFailureException {
        boolean dryRun = ParameterValues.flag(this.dryRun, PluginProperties.DRY_RUN);
        DowngradeResult result = core.downgrade(new DowngradeRequest(workspace, target, dryRun, lockTimeout()));
        print(log, TextReports.downgrade(result));
    }

    @Override
    protected void runFleet(AssistantMigrate core, Workspace workspace, FleetRequest fleet, MavenEngineLog log)
            throws MojoFailureException, MojoExecutionException {
        boolean dryRun = ParameterValues.flag(this.dryRun, PluginProperties.DRY_RUN);
        finish(log, core.downgrade(fleet, new DowngradeRequest(workspace, target, dryRun, lockTimeout())));
    }
}
