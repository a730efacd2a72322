package dev.assistant.migrate.maven;

import dev.assistant.migrate.api.AssistantMigrate;
import dev.assistant.migrate.api.CheckReport;
import dev.assistant.migrate.api.CheckRequest;
import dev.assistant.migrate.api.FleetRequest;
import dev.assistant.migrate.api.FleetResult;
import dev.assistant.migrate.api.Workspace;
import dev.assistant.migrate.api.report.TextReports;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * For CI: fails the build when migrations are pending, when status finds any problem, when a migration has no undo
 * script, when the chain does not replay from an empty database (every undo must restore the schema as it was before
 * its migration), or when the entity model differs from what the migrations build. Passes quietly otherwise.
 */
@Mojo(name = "check", aggregator = true, requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class CheckMojo extends AbstractSchemaMojo {

    @Inject
    public CheckMojo(SettingsDecrypter settingsDecrypter) {
        super(settingsDecrypter);
    }

    @Override
    protected void run(AssistantMigrate core, Workspace workspace, ReactorLocations scripts, MavenEngineLog log)
            throws MojoFailureException {
        CheckReport report = core.check(new CheckRequest(workspace, findModel(), shadowUrl(), renames(), ignore()));
        if (!report.passed()) {
            throw new MojoFailureException(TextReports.checkFailure(report));
        }
        log.debug(TextReports.checkPassed(report));
    }

    /** The summary table, the findings of each database that failed, and a failure naming them. */
    @Override
    protected void runFleet(AssistantMigrate core, Workspace workspace, FleetRequest fleet, MavenEngineLog log)
            throws MojoFailureException, MojoExecutionException {
        FleetResult<CheckReport> result = core.check(fleet, new CheckRequest(workspace, findModel(), shadowUrl(),
                renames(), ignore()));
        result.failed().forEach(member -> member.report()
                .ifPresent(report -> TextReports.checkFailure(report).lines().forEach(log::warn)));
        finish(log, result);
    }
}
