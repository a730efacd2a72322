package dev.assistant.migrate.cli;

import dev.assistant.db.config.ConnectionSettings;
import dev.assistant.db.config.DatabaseList;
import dev.assistant.db.config.InvalidConnectionSettingsException;
import dev.assistant.migrate.api.AssistantMigrate;
import dev.assistant.migrate.api.FleetRequest;
import dev.assistant.migrate.api.FleetResult;
import dev.assistant.migrate.api.MigrationEngineException;
import dev.assistant.migrate.api.Workspace;
import dev.assistant.migrate.api.report.TextReports;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * What every command shares, as the Maven goals share it: the connection, the script locations, the log. A command is
 * an adapter: it reads its options into a request, makes one call on the core and prints the result on standard
 * output; failures become exit codes here ({@link ExitCode}), with their message on standard error.
 */
abstract class DatabaseCommand implements Callable<Integer> {

    @ParentCommand
    private AssistantMigrateCommand root;

    @Mixin
    private ConnectionOptions connection;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Option(names = OptionNames.LOCATIONS, paramLabel = "<location>", description = {
        "Where the scripts are: directories (relative to the working directory) or classpath:<path>, comma-separated.",
        "Default: db/migration on the class path (the migrations jar); else src/main/resources/db/migration in the"
                + " working directory, or in the modules under it."})
    private List<String> locations;

    @Mixin
    private OutputOptions output;

    @Override
    public final Integer call() {
        ProcessContext context = root.context();
        CliLog log = new CliLog(context.err(), output.level());
        try {
            FleetOptions fleetOptions = fleetOptions();
            FleetRequest fleet = null;
            if (fleetOptions != null && fleetOptions.given()) {
                DatabaseList databases = fleetOptions.databases(context);
                fleet = new FleetRequest(connection.resolve(databases, context), fleetOptions.parallel(),
                        fleetOptions.failFast());
                if (fleetOptions.onCommandLine() && databases.carriesPasswords()) {
                    log.warn("the passwords in " + OptionNames.URLS + " can be read by every user of this machine"
                            + " (ps) while the command runs; list the databases in a file named by "
                            + OptionNames.URLS_FILE + " instead.");
                }
            }
            ConnectionSettings settings = fleet == null ? connection.resolve(context) : fleet.databases().get(0);
            log.redactWith(settings);
            if (connection.passwordInUrl(settings)) {
                log.warn("the password in " + OptionNames.URL + " can be read by every user of this machine (ps)"
                        + " while the command runs; give it in POSTGRES_PASSWORD, .env or "
                        + OptionNames.PASSWORD_FILE + " instead.");
            }
            Workspace workspace = new Workspace(settings, MigrationLocations.resolve(locations, context));
            if (fleet != null) {
                return runFleet(new AssistantMigrate(log, CliHints.INSTANCE), workspace, fleet,
                        new Output(context.out(), log), context);
            }
            return run(new AssistantMigrate(log, CliHints.INSTANCE), workspace, new Output(context.out(), log),
                    context);
        } catch (CliFailure e) {
            log.error(e.getMessage());
            return e.exitCode();
        } catch (InvalidConnectionSettingsException e) {
            log.error(e.getMessage());
            return ExitCode.PROBLEMS;
        } catch (MigrationEngineException e) {
            log.error(e.getMessage());
            return e.isUserFixable() ? ExitCode.PROBLEMS : ExitCode.COULD_NOT_RUN;
        } catch (RuntimeException e) {
            log.error("internal error: " + e + (log.isDebugEnabled() ? "\n" + stackTrace(e)
                    : " (" + OptionNames.VERBOSE + " shows where)"));
            return ExitCode.COULD_NOT_RUN;
        }
    }

    /** Builds the command's request, makes its one call on the core and prints the result; returns the exit code. */
    protected abstract int run(AssistantMigrate core, Workspace workspace, Output output, ProcessContext context);

    /** The fleet options of a command that runs over a fleet; null for one that works on one database. */
    protected FleetOptions fleetOptions() {
        return null;
    }

    /**
     * Builds the command's request for one database of the fleet, makes its one call over the fleet and prints the
     * summary; returns the exit code.
     */
    protected int runFleet(AssistantMigrate core, Workspace workspace, FleetRequest fleet, Output output,
            ProcessContext context) {
        throw new IllegalStateException("runs on one database");
    }

    /**
     * The summary table on standard output; when a database failed or was not started, an error naming them and exit
     * 1, or 3 when every failure may pass when run again (no server answered, the lock was held too long).
     */
    protected static int finish(Output output, FleetResult<?> result) {
        output.print(TextReports.fleet(result));
        if (!result.succeeded()) {
            output.log().error(TextReports.fleetFailure(result));
            return exitCode(result);
        }
        return ExitCode.OK;
    }

    /** 0 when every database passed; 3 when every failure may pass when run again; else 1. */
    protected static int exitCode(FleetResult<?> result) {
        return result.succeeded() ? ExitCode.OK : result.onlyCouldNotRun() ? ExitCode.COULD_NOT_RUN
                : ExitCode.PROBLEMS;
    }

    private static String stackTrace(Throwable e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        return trace.toString().stripTrailing();
    }

    /** Standard output: what the command produces, through the password filter. */
    static final class Output {

        private final PrintWriter out;
        private final CliLog log;

        Output(PrintWriter out, CliLog log) {
            this.out = out;
            this.log = log;
        }

        void print(List<String> lines) {
            lines.forEach(this::print);
        }

        void print(String text) {
            out.println(log.redact(text));
            out.flush();
        }

        CliLog log() {
            return log;
        }
    }
}
