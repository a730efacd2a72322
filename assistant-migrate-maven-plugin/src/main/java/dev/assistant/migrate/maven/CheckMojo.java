package dev.assistant.migrate.maven;

import dev.assistant.migrate.engine.CheckReport;
import dev.assistant.migrate.engine.MigrationEngine;
import dev.assistant.migrate.engine.report.TextReports;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * For CI: fails the build when migrations are pending, when status finds any problem, or when a migration has no
 * undo script. Passes quietly otherwise.
 */
@Mojo(name = "check", aggregator = true, requiresDependencyResolution = ResolutionScope.RUNTIME,
        threadSafe = true)
public class CheckMojo extends AbstractMigrateMojo {

    @Inject
    public CheckMojo(SettingsDecrypter settingsDecrypter) {
        super(settingsDecrypter);
    }

    @Override
    protected void run(MigrationEngine engine, ReactorLocations scripts, MavenEngineLog log)
            throws MojoFailureException {
        CheckReport report = engine.check();
        if (!report.passed()) {
            int count = report.pending().size() + report.problems().size();
            throw new MojoFailureException("Migration check failed: " + count + " finding" + (count == 1 ? "" : "s")
                    + " in " + report.database() + System.lineSeparator()
                    + String.join(System.lineSeparator(), TextReports.check(report)));
        }
        log.debug("Migration check passed for " + report.database() + ".");
    }
}
