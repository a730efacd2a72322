package dev.assistant.migrate.maven;

import dev.assistant.migrate.api.AssistantMigrate;
import dev.assistant.migrate.api.CreateRequest;
import dev.assistant.migrate.api.CreateResult;
import dev.assistant.migrate.api.Workspace;
import dev.assistant.migrate.api.report.TextReports;
import java.util.Optional;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Writes a new migration pair, {@code V<yyyyMMddHHmmss>__<slug>.sql} and its undo {@code U<same>__<slug>.sql}, into
 * the migrations directory. With {@code autogenerate} both are filled from the difference between the entity model
 * and the schema the existing migrations build; when there is none, nothing is written. On tables that exist, what
 * must run apart to be safe ({@code CREATE INDEX CONCURRENTLY}, the validation of constraints added {@code NOT VALID})
 * gets pairs of its own under the same second: {@code <version>.1}, {@code <version>.2} …
 */
@Mojo(name = "create", aggregator = true, requiresDependencyResolution = ResolutionScope.RUNTIME,
        threadSafe = true)
public class CreateMojo extends AbstractSchemaMojo {

    /** What the migration does, e.g. "add user timezone"; it names the files. Required. */
    @Parameter(property = PluginProperties.MESSAGE)
    private String message;

    /** Fill the files from the entity model instead of writing commented templates. */
    @Parameter(property = PluginProperties.AUTOGENERATE, defaultValue = "false")
    private String autogenerate;

    @Inject
    public CreateMojo(SettingsDecrypter settingsDecrypter) {
        super(settingsDecrypter);
    }

    @Override
    protected void run(AssistantMigrate core, Workspace workspace, ReactorLocations scripts, MavenEngineLog log)
            throws MojoFailureException {
        boolean autogenerate = ParameterValues.flag(this.autogenerate, PluginProperties.AUTOGENERATE);
        CreateResult result = core.create(new CreateRequest(workspace, message, autogenerate,
                scripts.writableDirectory(),
                autogenerate ? Optional.of(requireModel()) : Optional.empty(), shadowUrl(), renames(), ignore()));
        TextReports.createWarnings(result).forEach(log::warn);
        print(log, TextReports.create(result, HINTS));
    }
}
