package dev.assistant.migrate.maven;

import dev.assistant.migrate.api.AssistantMigrate;
import dev.assistant.migrate.api.HistoryReport;
import dev.assistant.migrate.api.HistoryRequest;
import dev.assistant.migrate.api.Workspace;
import dev.assistant.migrate.api.report.JsonReports;
import dev.assistant.migrate.api.report.TextReports;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Prints the applied migrations as an aligned table (version, description, type, installed on, by, duration,
 * state, whether an undo exists), then the pending ones.
 */
@Mojo(name = "history", aggregator = true, requiresDependencyResolution = ResolutionScope.RUNTIME,
        threadSafe = true)
public class HistoryMojo extends AbstractMigrateMojo {

    /** {@code text} (an aligned table) or {@code json} (one document on standard output; combine with -q). */
    @Parameter(property = PluginProperties.FORMAT, defaultValue = "text")
    private String format;

    @Inject
    public HistoryMojo(SettingsDecrypter settingsDecrypter) {
        super(settingsDecrypter);
    }

    @Override
    protected void run(AssistantMigrate core, Workspace workspace, ReactorLocations scripts, MavenEngineLog log)
            throws MojoFailureException {
        OutputFormat output = OutputFormat.parse(format);
        HistoryReport report = core.history(new HistoryRequest(workspace));
        if (output == OutputFormat.JSON) {
            System.out.println(JsonReports.history(report));
        } else {
            print(log, TextReports.history(report));
        }
    }
}
