package dev.assistant.migrate.maven;

import dev.assistant.migrate.api.AssistantMigrate;
import dev.assistant.migrate.api.RepairRequest;
import dev.assistant.migrate.api.RepairResult;
import dev.assistant.migrate.api.Workspace;
import dev.assistant.migrate.api.report.TextReports;
import javax.inject.Inject;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Repairs the schema history: removes the rows of failed migrations (which ran outside a transaction) and realigns
 * the recorded checksums and descriptions of applied migrations to their files, each only when {@code repair} names
 * it. Prints every row before and after; changes them in one transaction, under the lock that migrate takes. Without
 * {@code repair} it prints what it would change and changes nothing.
 */
@Mojo(name = "repair", aggregator = true, requiresDependencyResolution = ResolutionScope.RUNTIME,
        threadSafe = true)
public class RepairMojo extends AbstractMigrateMojo {

    /**
     * What to change, comma-separated: {@code failed} (remove failed rows), {@code checksums} (record the files'
     * checksums, after a deliberate, reviewed edit), {@code descriptions} (record renamed files). Unset: change nothing.
     */
    @Parameter(property = PluginProperties.REPAIR)
    private String repair;

    @Inject
    public RepairMojo(SettingsDecrypter settingsDecrypter) {
        super(settingsDecrypter);
    }

    @Override
    protected void run(AssistantMigrate core, Workspace workspace, ReactorLocations scripts, MavenEngineLog log) {
        RepairResult result = core.repair(new RepairRequest(workspace, RepairRequest.parse(repair, HINTS),
                lockTimeout()));
        print(log, TextReports.repair(result, HINTS));
    }
}
