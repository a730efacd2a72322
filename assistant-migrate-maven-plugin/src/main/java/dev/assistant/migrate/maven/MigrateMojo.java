package dev.assistant.migrate.maven;

import dev.assistant.migrate.api.AssistantMigrate;
import dev.assistant.migrate.api.FleetRequest;
import dev.assistant.migrate.api.MigrateRequest;
import dev.assistant.migrate.api.MigrateResult;
import dev.assistant.migrate.api.PsqlCommand;
import dev.assistant.migrate.api.Workspace;
import dev.assistant.migrate.api.report.TextReports;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * With {@code dryRun} it lists what it would apply and changes nothing; with {@code sqlOut} it also writes the psql
 * script of the run, for a DBA to review and run.
 */
@Mojo(name = "migrate", aggregator = true, requiresDependencyResolution = ResolutionScope.RUNTIME,
        threadSafe = true)
public class MigrateMojo extends AbstractMigrateMojo {

    /** Where {@link #sqlOut} names standard output. */
    private static final String STANDARD_OUTPUT = "-";

    /** The version to stop at, or {@code latest}. */
    @Parameter(property = PluginProperties.TARGET, defaultValue = MigrateRequest.LATEST)
    private String target;

    /** List what would be applied, and change nothing. */
    @Parameter(property = PluginProperties.DRY_RUN, defaultValue = "false")
    private String dryRun;

    /**
     * Write the psql script of the run to this file instead of applying anything (a dry run, whatever
     * {@code dryRun} says): each pending migration in its transaction with the history row migrate would write,
     * under the migration lock, with a header saying for which database and version it was written and how to run
     * it. Relative to the directory of the project the goal runs in; missing directories are created; {@code -}
     * prints the script on standard output without log prefixes (with {@code -q}, nothing else).
     */
    @Parameter(property = PluginProperties.SQL_OUT)
    private String sqlOut;

    @Inject
    public MigrateMojo(SettingsDecrypter settingsDecrypter) {
        super(settingsDecrypter);
    }

    @Override
    protected void run(AssistantMigrate core, Workspace workspace, ReactorLocations scripts, MavenEngineLog log)
            throws MojoExecutionException, MojoFailureException {
        boolean dryRun = ParameterValues.flag(this.dryRun, PluginProperties.DRY_RUN);
        boolean script = sqlOut != null && !sqlOut.isBlank();
        MigrateResult result = core.migrate(new MigrateRequest(workspace, target, dryRun, lockTimeout(), script));
        if (!script) {
            print(log, TextReports.migrate(result));
            return;
        }
        String text = result.script().orElseThrow();
        if (sqlOut.strip().equals(STANDARD_OUTPUT)) {
            PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
            out.print(text);
            out.flush();
            print(log, TextReports.scriptWritten(result, workspace.connection(), "standard output",
                    PsqlCommand.FILE_SLOT));
            return;
        }
        Path file = project().getBasedir().toPath().resolve(sqlOut.strip()).normalize();
        write(file, text);
        print(log, TextReports.scriptWritten(result, workspace.connection(), file.toString(), file.toString()));
    }

    private static void write(Path file, String text) throws MojoExecutionException {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write the migration script to " + file + " (-D"
                    + PluginProperties.SQL_OUT + "): " + e + ". Nothing was applied.", e);
        }
    }

    @Override
    protected void runFleet(AssistantMigrate core, Workspace workspace, FleetRequest fleet, MavenEngineLog log)
            throws MojoFailureException, MojoExecutionException {
        if (sqlOut != null && !sqlOut.isBlank()) {
            throw new MojoFailureException("-D" + PluginProperties.SQL_OUT + " writes the script of one database; it"
                    + " cannot be combined with a fleet (-D" + PluginProperties.URLS + " or -D"
                    + PluginProperties.URLS_FILE + "). Write it for each database with -D" + PluginProperties.URL
                    + " instead.");
        }
        boolean dryRun = ParameterValues.flag(this.dryRun, PluginProperties.DRY_RUN);
        finish(log, core.migrate(fleet, new MigrateRequest(workspace, target, dryRun, lockTimeout())));
    }
}
