package dev.assistant.migrate.it;

import dev.assistant.db.config.ConnectionSettings;
import dev.assistant.db.config.ConnectionSettingsResolver;
import dev.assistant.db.config.InvalidConnectionSettingsException;
import dev.assistant.db.testing.Jdbc;
import dev.assistant.db.testing.ScratchDatabase;
import dev.assistant.db.testing.TestDatabaseServer;
import dev.assistant.migrate.api.AssistantMigrate;
import dev.assistant.migrate.api.EngineLog;
import dev.assistant.migrate.api.MigrateRequest;
import dev.assistant.migrate.api.ScriptLocation;
import dev.assistant.migrate.api.Workspace;
import dev.assistant.migrate.engine.Psql;
import dev.assistant.migrate.engine.TestHints;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The database side of a plugin integration test (src/it), shared by the projects' hook scripts. The setup hook gives
 * the project a scratch database of its own, written to the project's {@code .env} as DATABASE_URL (which the plugin
 * reads like any user's), with a role and a random password of its own:
 *
 * <pre>{@code setup(basedir) { project -> project.migrate('1') }}</pre>
 *
 * The verify hook first proves that the goal logged in to that database, so with that password, and that the build
 * log does not show the password; then runs the project's own checks on the log and the database; then drops the
 * database, whatever happened:
 *
 * <pre>{@code verify(basedir) { project, log -> assert log.contains('Applied V1') }}</pre>
 */
public final class InvokerProject {

    private static final String DATABASE_URL = "DATABASE_URL";
    /** The logins to the project's database when the setup ended; the goal's come after. */
    private static final String SESSIONS_FILE = ".sessions-after-setup";
    /** A fleet project's databases, one URL per line, the project's own first. */
    public static final String FLEET_FILE = "fleet.txt";

    private final Path basedir;
    /** The database of one member of a fleet; null for the project's own, read from {@code .env}. */
    private final ConnectionSettings member;

    private InvokerProject(Path basedir) {
        this(basedir, null);
    }

    private InvokerProject(Path basedir, ConnectionSettings member) {
        this.basedir = basedir;
        this.member = member;
    }

    private static InvokerProject of(File basedir) {
        return new InvokerProject(basedir.toPath());
    }

    /** The setup hook: a scratch database for the project, then the preconditions the project sets up in it. */
    public static void setup(File basedir, Consumer<InvokerProject> preconditions) {
        InvokerProject project = of(basedir).prepare();
        preconditions.accept(project);
        project.write(SESSIONS_FILE, Long.toString(project.sessions()));
    }

    public static void setup(File basedir) {
        setup(basedir, project -> { });
    }

    /**
     * The setup hook of a fleet project: the project's scratch database and {@code others} more, each with a role and
     * password of its own, listed in {@link #FLEET_FILE} (after a comment line) with their credentials; then the
     * preconditions, which reach each database through {@link #fleet()}.
     */
    public static void setupFleet(File basedir, int others, Consumer<InvokerProject> preconditions) {
        InvokerProject project = of(basedir).prepare();
        List<String> lines = new ArrayList<>();
        lines.add("# the project's own database, then " + others + " more");
        lines.add(project.databaseUrl());
        for (int i = 1; i <= others; i++) {
            lines.add(TestDatabaseServer.get().createScratch("it_" + basedir.getName() + "_" + i).url());
        }
        project.write(FLEET_FILE, String.join("\n", lines) + "\n");
        preconditions.accept(project);
        project.write(SESSIONS_FILE, Long.toString(project.sessions()));
    }

    /**
     * Each database of a fleet project, in the order of {@link #FLEET_FILE}, the project's own first; lines a project
     * added on purpose that are not a database of the test server (bad URLs, repeats) are left out.
     */
    public List<InvokerProject> fleet() {
        if (!Files.exists(basedir.resolve(FLEET_FILE))) {
            return List.of();
        }
        Map<String, InvokerProject> databases = new LinkedHashMap<>();
        read(FLEET_FILE).lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .forEach(url -> {
                    try {
                        ConnectionSettings settings = ConnectionSettingsResolver.create().url(url)
                                .environment(Map.of()).resolve();
                        if (settings.host().equals(TestDatabaseServer.get().host())) {
                            databases.putIfAbsent(settings.database(), new InvokerProject(basedir, settings));
                        }
                    } catch (InvalidConnectionSettingsException e) {
                        // a bad line the project wrote on purpose
                    }
                });
        return List.copyOf(databases.values());
    }

    /**
     * The verify hook of a goal that works on the database: it logged in with the project's password, and the build
     * log does not contain that password. Then the project's checks, then the database is dropped.
     */
    public static void verify(File basedir, BiConsumer<InvokerProject, String> checks) {
        verify(basedir, true, checks);
    }

    /** The verify hook of a goal that must not reach the database (skipped, or refused before connecting). */
    public static void verifyNoConnection(File basedir, BiConsumer<InvokerProject, String> checks) {
        verify(basedir, false, checks);
    }

    private static void verify(File basedir, boolean connects, BiConsumer<InvokerProject, String> checks) {
        InvokerProject project = of(basedir);
        try {
            String log = project.log();
            long logins = project.sessions() - Long.parseLong(project.read(SESSIONS_FILE).strip());
            ConnectionSettings settings = project.settings();
            if (connects && logins == 0) {
                throw new AssertionError("The goal never logged in to " + settings.database() + " with the project's"
                        + " password, so its absence from build.log would prove nothing.");
            }
            if (!connects && logins > 0) {
                throw new AssertionError("The goal logged in to " + settings.database() + " " + logins
                        + " time(s); it must not reach the database.");
            }
            if (settings.password().equals(settings.user())) {
                throw new AssertionError("The project's password is its user name; build.log cannot show whether it"
                        + " leaked.");
            }
            if (log.contains(settings.password())) {
                throw new AssertionError("build.log shows the database password.");
            }
            for (InvokerProject database : project.fleet()) {
                if (log.contains(database.settings().password())) {
                    throw new AssertionError("build.log shows the password of " + database.settings().database()
                            + ".");
                }
            }
            checks.accept(project, log);
        } finally {
            project.drop();
        }
    }

    /**
     * Creates the scratch database and points the project at it. The project gets a {@code .mvn} directory so that
     * Maven takes it, not an enclosing checkout, as the top of the build, which is where the plugin reads
     * {@code .env}.
     */
    private InvokerProject prepare() {
        ScratchDatabase database = TestDatabaseServer.get().createScratch("it_" + basedir.getFileName());
        try {
            Files.createDirectories(basedir.resolve(".mvn"));
            Files.writeString(basedir.resolve(".env"), DATABASE_URL + "=" + database.url() + "\n",
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            database.close();
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public ConnectionSettings settings() {
        if (member != null) {
            return member;
        }
        try {
            String line = Files.readAllLines(basedir.resolve(".env"), StandardCharsets.UTF_8).stream()
                    .filter(l -> l.startsWith(DATABASE_URL + "="))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no DATABASE_URL in " + basedir.resolve(".env")));
            return ConnectionSettingsResolver.create().url(line.substring(DATABASE_URL.length() + 1))
                    .environment(Map.of()).resolve();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The project's own database URL, with its credentials, as {@code .env} has it. */
    private String databaseUrl() {
        return read(".env").lines().filter(l -> l.startsWith(DATABASE_URL + "=")).findFirst()
                .map(l -> l.substring(DATABASE_URL.length() + 1)).orElseThrow();
    }

    /** Applies the project's migrations up to {@code target} with the engine, as a precondition. */
    public InvokerProject migrate(String target) {
        Path scripts = basedir.resolve("src/main/resources/db/migration");
        new AssistantMigrate(EngineLog.SILENT, TestHints.HINTS).migrate(new MigrateRequest(
                new Workspace(settings(), List.of(new ScriptLocation.Directory(scripts))), target, false,
                Duration.ofSeconds(30)));
        return this;
    }

    /** Runs SQL on the project's database, as a precondition. */
    public InvokerProject execute(String sql) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
            return this;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Rewrites a file of the project, e.g. to change a migration after it was applied. */
    public InvokerProject write(String relativePath, String content) {
        try {
            Files.writeString(basedir.resolve(relativePath), content, StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Renames a file of the project, e.g. to hide a migration while the preconditions are applied. */
    public InvokerProject move(String from, String to) {
        try {
            Files.move(basedir.resolve(from), basedir.resolve(to));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The tables of the public schema, without the history table, sorted. */
    public List<String> tables() {
        return strings("SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
                + " AND tablename <> 'flyway_schema_history' ORDER BY 1");
    }

    /** The versions in the history table in the order applied; a failed one ends with '!'. Empty without a table. */
    public List<String> history() {
        return strings("SELECT coalesce(version, 'R') || CASE WHEN success THEN '' ELSE '!' END"
                + " FROM flyway_schema_history ORDER BY installed_rank");
    }

    public List<String> strings(String sql) {
        return Jdbc.strings(settings(), sql);
    }

    /** Drops the scratch database and its role, and those of a fleet; the verify hook's last step. */
    public void drop() {
        String own = settings().database();
        for (InvokerProject database : fleet()) {
            if (!database.settings().database().equals(own)) {
                TestDatabaseServer.get().drop(database.settings().database());
            }
        }
        TestDatabaseServer.get().drop(own);
    }

    /**
     * How many times anyone logged in to the project's database (PostgreSQL 14+ counts them), once the sessions still
     * open have ended and reported: a session counts when its process exits.
     */
    private long sessions() {
        String database = settings().database();
        try (Connection admin = TestDatabaseServer.get().connectAdmin();
                PreparedStatement open = admin.prepareStatement(
                        "SELECT count(*) FROM pg_stat_activity WHERE datname = ?");
                PreparedStatement counted = admin.prepareStatement(
                        "SELECT sessions FROM pg_stat_database WHERE datname = ?")) {
            open.setString(1, database);
            counted.setString(1, database);
            for (int attempt = 1; firstLong(open) > 0; attempt++) {
                if (attempt == 100) {
                    throw new IllegalStateException("Sessions on " + database + " did not end within 10 s.");
                }
                Thread.sleep(100);
            }
            return firstLong(counted);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count the logins to " + database + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long firstLong(PreparedStatement query) throws SQLException {
        try (ResultSet rows = query.executeQuery()) {
            return rows.next() ? rows.getLong(1) : 0;
        }
    }

    private String read(String relativePath) {
        try {
            return Files.readString(basedir.resolve(relativePath), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs the command line tool's jar in the project directory, as a user would there (it reads the same {@code .env}
     * and finds the same migrations), and returns what it printed on standard output. It must succeed and print no
     * password.
     */
    public String cli(String jar, String... arguments) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", jar));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(basedir.toFile());
        List.of(DATABASE_URL, "POSTGRES_USER", "POSTGRES_PASSWORD", "POSTGRES_HOST", "POSTGRES_PORT", "POSTGRES_DB")
                .forEach(builder.environment()::remove);
        try {
            Path errors = Files.createTempFile(basedir, "cli", ".err");
            Process process = builder.redirectError(errors.toFile()).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exitCode = process.waitFor();
            String err = Files.readString(errors, StandardCharsets.UTF_8);
            Files.delete(errors);
            if (exitCode != 0 || (out + err).contains(settings().password())) {
                throw new IllegalStateException(String.join(" ", command) + " exited " + exitCode
                        + " or printed the password:\n" + out + err);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs a script file with psql as a DBA would ({@code psql -X -v ON_ERROR_STOP=1 -f}); it must succeed. */
    public String psql(Path file) {
        Psql.Run run = Psql.file(settings(), file, false);
        if (run.exitCode() != 0) {
            throw new IllegalStateException("psql -f " + file + " exited " + run.exitCode() + ":\n" + run.output());
        }
        return run.output();
    }

    /** The build log. */
    public String log() {
        return read("build.log");
    }

    private Connection connect() throws SQLException {
        return Jdbc.connect(settings());
    }
}
