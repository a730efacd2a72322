package dev.assistant.migrate.cli;

import dev.assistant.db.config.DatabaseList;
import dev.assistant.migrate.api.FleetRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The options of the commands that run over a fleet of databases (apply, current, check, downgrade), the plugin's
 * {@code assistant.urls}, {@code assistant.urlsFile}, {@code assistant.parallel} and {@code assistant.failFast}.
 */
final class FleetOptions {

    @Option(names = OptionNames.URLS, paramLabel = "<url>,…", description = {
        "Run over these databases instead of one: URLs, comma-separated. A URL without user or password takes "
                + OptionNames.USER + ", " + OptionNames.PASSWORD_FILE + " or the environment's.",
        "Keep passwords off the command line: use " + OptionNames.URLS_FILE + "."})
    private String urls;

    @Option(names = OptionNames.URLS_FILE, paramLabel = "<file>", description = "Run over the databases of this file:"
            + " one URL per line; blank lines and lines starting with # are skipped.")
    private Path urlsFile;

    @Option(names = OptionNames.PARALLEL, paramLabel = "<n>", defaultValue = "" + FleetRequest.DEFAULT_PARALLEL,
            description = "Over a fleet: how many databases are worked on at once (default: ${DEFAULT-VALUE}).")
    private int parallel;

    @Option(names = OptionNames.FAIL_FAST, description = "Over a fleet: after the first database that fails, start no"
            + " other (those running finish). By default every database is done, then the command fails naming"
            + " those that failed.")
    private boolean failFast;

    /** Whether a fleet is named. */
    boolean given() {
        return urls != null && !urls.isBlank() || urlsFile != null;
    }

    /** Whether the databases are named on the command line rather than in a file. */
    boolean onCommandLine() {
        return urls != null && !urls.isBlank();
    }

    /** The databases named, each URL checked before anything runs. */
    DatabaseList databases(ProcessContext context) {
        if (urls != null && !urls.isBlank() && urlsFile != null) {
            throw CliFailure.usage(OptionNames.URLS + " and " + OptionNames.URLS_FILE + " both name databases; give"
                    + " one of the two.");
        }
        if (parallel < 1) {
            throw CliFailure.usage(OptionNames.PARALLEL + " " + parallel + ": give how many databases to work on at"
                    + " once, 1 or more (the default is " + FleetRequest.DEFAULT_PARALLEL + ").");
        }
        if (urlsFile != null) {
            Path file = context.resolve(urlsFile);
            if (!Files.isRegularFile(file)) {
                throw CliFailure.usage(OptionNames.URLS_FILE + " " + urlsFile + ": there is no such file (" + file
                        + ").");
            }
            return DatabaseList.read(file, OptionNames.URLS_FILE);
        }
        return DatabaseList.of(urls, OptionNames.URLS);
    }

    int parallel() {
        return parallel;
    }

    boolean failFast() {
        return failFast;
    }
}
