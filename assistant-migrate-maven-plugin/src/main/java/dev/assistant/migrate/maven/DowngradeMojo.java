package dev.assistant.migrate.maven;

import dev.assistant.migrate.engine.DowngradeResult;
import dev.assistant.migrate.engine.DowngradeTarget;
import dev.assistant.migrate.engine.MigrationEngine;
import dev.assistant.migrate.engine.report.TextReports;
import javax.inject.Inject;
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
    protected void run(MigrationEngine engine, ReactorLocations scripts, MavenEngineLog log)
            throws MojoFailureException {
        boolean dryRun = ParameterValues.flag(this.dryRun, PluginProperties.DRY_RUN);
        DowngradeTarget parsed = DowngradeTarget.parse(target);
        log.info((dryRun ? "Planning downgrade of " : "Downgrading ") + engine.database().describe() + " to "
                + parsed);
        DowngradeResult result = engine.downgrade(parsed, dryRun);
        print(log, TextReports.downgrade(result));
    }
}
