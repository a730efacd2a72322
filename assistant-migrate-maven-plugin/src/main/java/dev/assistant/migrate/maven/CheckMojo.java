package dev.assistant.migrate.maven;

import dev.assistant.migrate.api.AssistantMigrate;
import dev.assistant.migrate.api.CheckReport;
import dev.assistant.migrate.api.CheckRequest;
import dev.assistant.migrate.api.FleetRequest;
import dev.assistant.migrate.api.FleetResult;
import dev.assistant.migrate.api.Workspace;
import dev.assistant.migrate.api.report.JsonReports;
import dev.assistant.migrate.api.report.TextReports;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * For CI: fails the build when migrations are pending, when status finds any problem, when a migration has no undo
 * script, when the chain does not replay from an empty database (every undo must restore the schema as it was before
 * its migration), when the entity model differs from what the migrations build, or when a migration would block
 * production (the lock and rewrite lint, docs/lint.md). Passes quietly otherwise, logging the lint's warnings.
 */
@Mojo(name = "check", aggregator = true, requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class CheckMojo extends AbstractSchemaMojo {

    /**
     * The lock and rewrite lint of the replay (docs/lint.md): {@code error} (the default) fails on the rules that are
     * errors and reports the warnings, {@code warn} reports every finding without failing, {@code off} observes
     * nothing.
     */
    @Parameter(property = PluginProperties.LINT, defaultValue = "error")
    private String lint;

    /** {@code text} (log lines) or {@code json} (one document on standard output, then the failure if any). */
    @Parameter(property = PluginProperties.FORMAT, defaultValue = "text")
    private String format;

    @Inject
    public CheckMojo(SettingsDecrypter settingsDecrypter) {
        super(settingsDecrypter);
    }

    @Override
    protected void run(AssistantMigrate core, Workspace workspace, ReactorLocations scripts, MavenEngineLog log)
            throws MojoFailureException {
        OutputFormat output = OutputFormat.parse(format);
        CheckReport report = core.check(new CheckRequest(workspace, findModel(), shadowUrl(), renames(), ignore(),
                lintMode(lint)));
        if (output == OutputFormat.JSON) {
            System.out.println(JsonReports.check(report));
        } else {
            TextReports.lintWarnings(report).forEach(log::warn);
            TextReports.lintAccepted(report).forEach(log::info);
        }
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
