package dev.assistant.migrate.maven;

import dev.assistant.db.config.ConnectionSettings;
import dev.assistant.db.config.ConnectionSettingsResolver;
import dev.assistant.db.config.DatabaseList;
import dev.assistant.db.config.InvalidConnectionSettingsException;
import dev.assistant.migrate.api.AssistantMigrate;
import dev.assistant.migrate.api.FleetRequest;
import dev.assistant.migrate.api.FleetResult;
import dev.assistant.migrate.api.Hints;
import dev.assistant.migrate.api.LintMode;
import dev.assistant.migrate.api.MigrationEngineException;
import dev.assistant.migrate.api.Workspace;
import dev.assistant.migrate.api.report.TextReports;
import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * What every goal shares: the connection parameters, the migration locations, {@code skip}, and running once per
 * invocation. A goal is an adapter: it reads its own parameters into a request, makes one call on the core
 * ({@link AssistantMigrate}) and renders the result; failures of the core become Maven's here.
 */
public abstract class AbstractMigrateMojo extends AbstractMojo {

    private static final int DEFAULT_LOCK_TIMEOUT_SECONDS = 60;

    /**
     * The database URL, on the command line as {@code -Dassistant.url}: {@code postgresql://user@host/db},
     * {@code postgres://}, {@code postgresql+asyncpg://}, {@code jdbc:postgresql://host/db} or
     * {@code jdbc:postgresql:db}. When unset, DATABASE_URL, then POSTGRES_*, then {@code .env} in the reactor root, then
     * temporal/temporal@postgresql:5432/the_assistant. An explicit URL that names no database, user or password takes
     * it from the environment or {@code .env}, never from those defaults. Keep the password out of it on the command
     * line, where every user of the machine can read it ({@code ps}) while the goal runs, and out of POMs, which Maven
     * prints at {@code -X}: give it in the environment, {@code .env}, serverId or connectionFile.
     */
    @Parameter
    private String url;

    /** The database user; overrides the one in the URL and the environment. */
    @Parameter(property = PluginProperties.USER)
    private String user;

    /**
     * The database password; overrides the one in the URL and the environment. The goal reads
     * {@code -Dassistant.password} itself, so Maven never prints it, but on a command line every user of the machine
     * can read it ({@code ps}) while the goal runs, and a POM is printed at {@code -X}: prefer POSTGRES_PASSWORD in the
     * environment, {@code .env}, serverId (encrypted in settings.xml) or connectionFile.
     */
    @Parameter
    private String password;

    /**
     * A properties file with {@code url}, {@code user} and/or {@code password}: explicit configuration that stays out
     * of POMs, command lines and Maven's debug output. Values given directly win over the file's.
     */
    @Parameter(property = PluginProperties.CONNECTION_FILE)
    private File connectionFile;

    /** The id of a server entry in settings.xml whose username and (possibly encrypted) password to use. */
    @Parameter(property = PluginProperties.SERVER_ID)
    private String serverId;

    /**
     * Reach the database from this machine rather than from inside Docker Compose: the default host becomes
     * {@code localhost}, and a host {@code postgresql} in DATABASE_URL or POSTGRES_HOST is rewritten to it.
     */
    @Parameter(property = PluginProperties.LOCAL, defaultValue = "false")
    private String local;

    /**
     * Where the scripts are: directories ({@code filesystem:} prefix optional; relative to the directory Maven runs
     * in) or {@code classpath:} paths, comma-separated. By default the {@code db/migration} folder of the reactor's
     * migrations module, or {@code db/migration} on the project's runtime class path.
     */
    @Parameter(property = PluginProperties.LOCATIONS)
    private List<String> locations;

    /** Seconds a changing goal waits for another run to release the migration lock before giving up. */
    @Parameter(property = PluginProperties.LOCK_TIMEOUT, defaultValue = "" + DEFAULT_LOCK_TIMEOUT_SECONDS)
    private String lockTimeout;

    /**
     * Run the goal over a fleet of databases instead of one: their URLs, comma-separated, on the command line as
     * {@code -Dassistant.urls}. Each URL may carry its own user and password (keep them off command lines and out of
     * POMs, as for {@code url}); otherwise user, password, serverId and connectionFile apply to every database.
     * migrate, status, check and downgrade take it.
     */
    @Parameter
    private String urls;

    /**
     * A file with the URLs of a fleet of databases, one per line; blank lines and lines starting with {@code #} are
     * skipped. The place for URLs that carry credentials.
     */
    @Parameter(property = PluginProperties.URLS_FILE)
    private File urlsFile;

    /** Over a fleet: how many databases are worked on at once, 1 or more. */
    @Parameter(property = PluginProperties.PARALLEL, defaultValue = "" + FleetRequest.DEFAULT_PARALLEL)
    private String parallel;

    /**
     * Over a fleet: after the first database that fails, start no other (those running finish). By default every
     * database is done, and the goal then fails naming those that failed.
     */
    @Parameter(property = PluginProperties.FAIL_FAST, defaultValue = "false")
    private String failFast;

    /** Skip the goal. */
    @Parameter(property = PluginProperties.SKIP, defaultValue = "false")
    private String skip;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    private MojoExecution mojoExecution;

    /** The commands that messages name, as this front end spells them. */
    protected static final Hints HINTS = MavenHints.INSTANCE;

    private final SettingsDecrypter settingsDecrypter;
    private Duration lockWait;

    protected AbstractMigrateMojo(SettingsDecrypter settingsDecrypter) {
        this.settingsDecrypter = settingsDecrypter;
    }

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (ParameterValues.flag(skip, PluginProperties.SKIP)) {
            getLog().info("Skipping " + goal() + ": " + PluginProperties.SKIP + " is set.");
            return;
        }
        if (!isFirstProjectOfInvocation()) {
            getLog().debug(goal() + " already ran for this invocation at " + session.getProjects().get(0).getArtifactId()
                    + "; nothing to do in " + project.getArtifactId() + ".");
            return;
        }
        lockWait = ParameterValues.seconds(lockTimeout, PluginProperties.LOCK_TIMEOUT,
                DEFAULT_LOCK_TIMEOUT_SECONDS);
        FleetRequest fleet = fleet();
        ConnectionSettings connection = fleet == null ? connectionSettings() : fleet.databases().get(0);
        MavenEngineLog log = new MavenEngineLog(getLog(), connection);
        try (ReactorLocations scripts = ReactorLocations.resolve(givenLocations(), session, project)) {
            Workspace workspace = new Workspace(connection, scripts.locations());
            if (fleet == null) {
                run(new AssistantMigrate(log, HINTS), workspace, scripts, log);
            } else {
                runFleet(new AssistantMigrate(log, HINTS), workspace, fleet, log);
            }
        } catch (MigrationEngineException e) {
            Failures.rethrow(e, connection.redact(e.getMessage()));
        }
    }

    /**
     * The locations as given. Maven hands an empty list parameter over as none at all, so an empty
     * {@code -Dassistant.locations=} would quietly mean the defaults; it is passed on as given, and refused.
     */
    private List<String> givenLocations() {
        if (locations != null && !locations.isEmpty()) {
            return locations;
        }
        String property = session.getUserProperties().getProperty(PluginProperties.LOCATIONS);
        return property != null && property.isBlank() ? List.of(property) : locations;
    }

    /** Builds the goal's request, makes its one call on the core and renders the result. */
    protected abstract void run(AssistantMigrate core, Workspace workspace, ReactorLocations scripts,
            MavenEngineLog log) throws MojoExecutionException, MojoFailureException;

    /**
     * Builds the goal's request for one database of the fleet, makes its one call over the fleet, prints the summary
     * and fails naming the databases that failed. Goals that take no fleet refuse it.
     */
    protected void runFleet(AssistantMigrate core, Workspace workspace, FleetRequest fleet, MavenEngineLog log)
            throws MojoExecutionException, MojoFailureException {
        throw new MojoFailureException(goal() + " works on one database; " + PluginProperties.URLS + " and "
                + PluginProperties.URLS_FILE + " are for migrate, status, check and downgrade. Give the database with"
                + " -D" + PluginProperties.URL + ".");
    }

    /**
     * The summary table of a fleet run; when a database failed or was not started, the goal fails naming them: as an
     * execution error when every failure may pass when run again (no server, the lock held), as Maven's build
     * failure otherwise, as on one database.
     */
    protected static void finish(MavenEngineLog log, FleetResult<?> result)
            throws MojoFailureException, MojoExecutionException {
        print(log, TextReports.fleet(result));
        fail(result);
    }

    /** Fails the goal when a database of the fleet failed or was not started; nothing when all passed. */
    protected static void fail(FleetResult<?> result) throws MojoFailureException, MojoExecutionException {
        if (result.onlyCouldNotRun()) {
            throw new MojoExecutionException(TextReports.fleetFailure(result));
        }
        if (!result.succeeded()) {
            throw new MojoFailureException(TextReports.fleetFailure(result));
        }
    }

    /** How long a changing goal waits for the migration lock. */
    protected Duration lockTimeout() {
        return lockWait;
    }

    protected String goal() {
        return mojoExecution.getGoal();
    }

    protected MavenProject project() {
        return project;
    }

    protected MavenSession session() {
        return session;
    }

    /**
     * Invoked from the command line on a reactor, Maven runs a goal in every module; the migrations are one set,
     * so the goal runs in the first project of the build only. Bound to a phase in a module's pom, it runs there.
     */
    private boolean isFirstProjectOfInvocation() {
        if (!"default-cli".equals(mojoExecution.getExecutionId())) {
            return true;
        }
        List<MavenProject> projects = session.getProjects();
        return projects.isEmpty() || projects.get(0) == project
                || projects.get(0).getBasedir().equals(project.getBasedir());
    }

    private ConnectionSettings connectionSettings() throws MojoFailureException {
        Properties file = connectionFile();
        String effectiveUrl = firstOf(configuredOrCommandLine(url, PluginProperties.URL), file.getProperty("url"));
        try {
            return resolver(file).url(effectiveUrl).resolve();
        } catch (InvalidConnectionSettingsException e) {
            throw new MojoFailureException(e.getMessage(), Failures.detached(e, e.getMessage()));
        }
    }

    /**
     * The fleet named by {@code urls} or {@code urlsFile}, every URL checked before anything runs; null when neither
     * is given.
     */
    private FleetRequest fleet() throws MojoFailureException {
        String list = configuredOrCommandLine(urls, PluginProperties.URLS);
        boolean hasList = list != null && !list.isBlank();
        if (!hasList && urlsFile == null) {
            return null;
        }
        if (hasList && urlsFile != null) {
            throw new MojoFailureException("Both -D" + PluginProperties.URLS + " and -D" + PluginProperties.URLS_FILE
                    + " name databases; give one of the two.");
        }
        if (configuredOrCommandLine(url, PluginProperties.URL) != null) {
            throw new MojoFailureException("-D" + PluginProperties.URL + " names one database and -D"
                    + (hasList ? PluginProperties.URLS : PluginProperties.URLS_FILE) + " a fleet; give one of the"
                    + " two.");
        }
        int threads = ParameterValues.count(parallel, PluginProperties.PARALLEL, FleetRequest.DEFAULT_PARALLEL);
        boolean stopAtFirst = ParameterValues.flag(failFast, PluginProperties.FAIL_FAST);
        try {
            DatabaseList databases = hasList ? DatabaseList.of(list, "-D" + PluginProperties.URLS)
                    : DatabaseList.read(urlsFile.toPath(), "-D" + PluginProperties.URLS_FILE);
            return new FleetRequest(databases.resolve(resolver(connectionFile())), threads, stopAtFirst);
        } catch (InvalidConnectionSettingsException e) {
            throw new MojoFailureException(e.getMessage(), Failures.detached(e, e.getMessage()));
        }
    }

    /** The connection rule with every explicit setting but the URL: user, password, serverId, the file, local. */
    private ConnectionSettingsResolver resolver(Properties file) throws MojoFailureException {
        String effectiveUser = firstOf(user, file.getProperty("user"));
        String effectivePassword = firstOf(configuredOrCommandLine(password, PluginProperties.PASSWORD),
                file.getProperty("password"));
        if (serverId != null && !serverId.isBlank()) {
            Server server = decryptedServer(serverId.trim());
            effectiveUser = effectiveUser != null ? effectiveUser : server.getUsername();
            effectivePassword = effectivePassword != null ? effectivePassword : server.getPassword();
        }
        return ConnectionSettingsResolver.create()
                .user(effectiveUser)
                .password(effectivePassword)
                .local(ParameterValues.flag(local, PluginProperties.LOCAL))
                .dotenvDirectory(reactorRoot())
                .names(MavenHints.CONNECTION_SETTINGS);
    }

    /**
     * A sensitive parameter from the POM, else its property from the command line: the property is read here rather
     * than injected, so that Maven does not print it at debug level.
     */
    private String configuredOrCommandLine(String configured, String property) {
        String value = configured;
        if (value == null) {
            value = session.getUserProperties().getProperty(property);
        }
        if (value == null) {
            value = session.getSystemProperties().getProperty(property);
        }
        return value;
    }

    private Properties connectionFile() throws MojoFailureException {
        Properties properties = new Properties();
        if (connectionFile == null) {
            return properties;
        }
        try (Reader reader = Files.newBufferedReader(connectionFile.toPath(), StandardCharsets.UTF_8)) {
            properties.load(reader);
            return properties;
        } catch (IOException e) {
            throw new MojoFailureException("Cannot read the connection file " + connectionFile + " (-D"
                    + PluginProperties.CONNECTION_FILE + "): " + e.getMessage() + ". It is a properties file with url,"
                    + " user and/or password.", e);
        }
    }

    private static String firstOf(String first, String second) {
        return first != null && !first.isEmpty() ? first : second;
    }

    private Server decryptedServer(String id) throws MojoFailureException {
        Server server = session.getSettings().getServer(id);
        if (server == null) {
            throw new MojoFailureException("settings.xml has no <server> with id '" + id + "' (named by -D"
                    + PluginProperties.SERVER_ID + "). Add one with <username> and <password>, or drop the"
                    + " parameter.");
        }
        SettingsDecryptionResult result = settingsDecrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        for (SettingsProblem problem : result.getProblems()) {
            if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
                throw new MojoFailureException("Cannot decrypt the password of <server> '" + id + "' in settings.xml: "
                        + problem.getMessage() + ". Check settings-security.xml (`mvn --encrypt-master-password`).");
            }
        }
        return result.getServer() == null ? server : result.getServer();
    }

    /** Where {@code .env} is looked up: the top of the reactor (where {@code .mvn} is), else where Maven runs. */
    private Path reactorRoot() {
        File multiModule = session.getRequest().getMultiModuleProjectDirectory();
        return multiModule != null ? multiModule.toPath() : Path.of(session.getExecutionRootDirectory());
    }

    /** Logs each line at info level, through the password filter. */
    protected static void print(MavenEngineLog log, List<String> lines) {
        lines.forEach(log::info);
    }

    /** {@code assistant.lint}: error, warn or off. */
    static LintMode lintMode(String value) throws MojoFailureException {
        try {
            return LintMode.parse(value);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("-D" + PluginProperties.LINT + "=" + value + " is not a lint mode: use"
                    + " error (the default), warn or off.");
        }
    }
}
