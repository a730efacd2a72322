package dev.assistant.migrate.maven;

import dev.assistant.migrate.api.AssistantMigrate;
import dev.assistant.migrate.api.BaselineRequest;
import dev.assistant.migrate.api.BaselineResult;
import dev.assistant.migrate.api.Workspace;
import dev.assistant.migrate.api.report.TextReports;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Adopts a database whose schema was built without these migrations (by hand, or by another tool). With
 * {@code message} it reads the live schema, writes {@code V<yyyyMMddHHmmss>__<slug>.sql} that builds it from nothing
 * and its undo, and records that version as Flyway's baseline on the database, where the script does not run; with
 * {@code version} it records an existing migration instead. Refuses on a database that already has a history. All of
 * it under the lock that migrate takes.
 */
@Mojo(name = "baseline", aggregator = true, requiresDependencyResolution = ResolutionScope.RUNTIME,
        threadSafe = true)
public class BaselineMojo extends AbstractMigrateMojo {

    /** What the baseline migration is called, e.g. "adopt existing schema"; it names the files. */
    @Parameter(property = PluginProperties.MESSAGE)
    private String message;

    /** The version of an existing migration that the live schema matches: recorded, no file written. */
    @Parameter(property = PluginProperties.VERSION)
    private String version;

    @Inject
    public BaselineMojo(SettingsDecrypter settingsDecrypter) {
        super(settingsDecrypter);
    }

    @Override
    protected void run(AssistantMigrate core, Workspace workspace, ReactorLocations scripts, MavenEngineLog log)
            throws MojoFailureException {
        boolean writes = message != null && !message.isBlank();
        BaselineResult result = core.baseline(new BaselineRequest(workspace, message, version,
                writes ? scripts.writableDirectory() : null, lockTimeout()));
        TextReports.baselineWarnings(result).forEach(log::warn);
        print(log, TextReports.baseline(result, HINTS));
    }
}
