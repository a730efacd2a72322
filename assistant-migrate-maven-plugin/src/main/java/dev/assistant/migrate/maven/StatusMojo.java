package dev.assistant.migrate.maven;

import dev.assistant.migrate.api.AssistantMigrate;
import dev.assistant.migrate.api.FleetRequest;
import dev.assistant.migrate.api.FleetResult;
import dev.assistant.migrate.api.StatusReport;
import dev.assistant.migrate.api.StatusRequest;
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
 * Shows the database (password masked), the current version, the pending migrations (each marked reversible or
 * not) and every problem with what to do about it. Changes nothing and succeeds whatever it finds; {@code check} is
 * the goal that fails.
 */
@Mojo(name = "status", aggregator = true, requiresDependencyResolution = ResolutionScope.RUNTIME,
        threadSafe = true)
public class StatusMojo extends AbstractMigrateMojo {

    /** {@code text} (log lines) or {@code json} (one document on standard output; combine with -q). */
    @Parameter(property = PluginProperties.FORMAT, defaultValue = "text")
    private String format;

    /**
     * The lock and rewrite lint (docs/lint.md): unless {@code off}, pending migrations are replayed on a temporary
     * database and those that would block production are marked (status never fails for them).
     */
    @Parameter(property = PluginProperties.LINT, defaultValue = "error")
    private String lint;

    @Inject
    public StatusMojo(SettingsDecrypter settingsDecrypter) {
        super(settingsDecrypter);
    }

    @Override
    protected void run(AssistantMigrate core, Workspace workspace, ReactorLocations scripts, MavenEngineLog log)
            throws MojoFailureException {
        OutputFormat output = OutputFormat.parse(format);
        StatusReport report = core.status(new StatusRequest(workspace, lintMode(lint)));
        if (output == OutputFormat.JSON) {
            System.out.println(JsonReports.status(report));
        } else {
            print(log, TextReports.status(report, HINTS));
        }
    }

    /** The summary table; with {@code json}, one document with every database's status. */
    @Override
    protected void runFleet(AssistantMigrate core, Workspace workspace, FleetRequest fleet, MavenEngineLog log)
            throws MojoFailureException, MojoExecutionException {
        OutputFormat output = OutputFormat.parse(format);
        FleetResult<StatusReport> result = core.status(fleet, new StatusRequest(workspace));
        if (output == OutputFormat.JSON) {
            System.out.println(JsonReports.status(result));
            fail(result);
        } else {
            finish(log, result);
        }
    }
}
