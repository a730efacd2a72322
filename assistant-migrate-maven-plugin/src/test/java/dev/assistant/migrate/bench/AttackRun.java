package dev.assistant.migrate.bench;

import dev.assistant.db.testing.Jdbc;
import dev.assistant.db.config.ConnectionSettings;
import dev.assistant.db.testing.ScratchDatabase;
import dev.assistant.db.testing.TestDatabaseServer;
import dev.assistant.migrate.api.AssistantMigrate;
import dev.assistant.migrate.api.EngineLog;
import dev.assistant.migrate.api.MigrateRequest;
import dev.assistant.migrate.api.ScriptLocation;
import dev.assistant.migrate.api.Workspace;
import dev.assistant.migrate.engine.TestHints;
import dev.assistant.migrate.it.MavenRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One attack against one tool: a project directory with the migrations, a scratch database of its own, and the
 * tool's goals run as Maven processes, as a user runs them. The same neutral calls ({@code migrate}, a target, a
 * locations value) become this plugin's {@code -Dassistant.*} or Flyway's plugin's {@code -Dflyway.*}.
 */
final class AttackRun {

    static final String MIGRATIONS = "src/main/resources/db/migration";
    /** How long one Maven run may take before it counts as hung: on a loaded machine, Maven alone starts in a minute. */
    static final Duration TIMEOUT = Duration.ofSeconds(Long.getLong("attacks.timeout", 300));
    /** The version of Flyway's Maven plugin (and its PostgreSQL module) under attack: the Flyway Core we use. */
    static final String FLYWAY_VERSION = System.getProperty("attacks.flyway.version", FlywayPlugin.version());
    /** The JDBC driver Flyway's plugin gets. */
    static final String POSTGRESQL_VERSION = System.getProperty("attacks.postgresql.version",
            FlywayPlugin.driverVersion());

    /** A tool under attack: this plugin built from some commit, or Flyway's own Maven plugin. */
    record Tool(String label, boolean flyway, Path repository) {
    }

    /** What a Maven process did. {@code hung} when it was still running at the timeout and was killed. */
    record Outcome(int exitCode, boolean hung, String output) {

        boolean failed() {
            return exitCode != 0 || hung;
        }

        /** Everything after "Failed to execute goal", or the last lines when there is no such line. */
        String failureMessage() {
            int start = output.indexOf("[ERROR] Failed to execute goal");
            if (start < 0) {
                List<String> lines = output.lines().filter(line -> line.startsWith("[ERROR]")
                        || line.startsWith("[WARNING]")).toList();
                return String.join(" ", lines.subList(Math.max(0, lines.size() - 6), lines.size()));
            }
            String rest = output.substring(start);
            int end = rest.indexOf("[ERROR] -> [Help");
            return (end < 0 ? rest : rest.substring(0, end)).replace("[ERROR] ", "").replaceAll("\\s+", " ").strip();
        }
    }

    private static final String OUR_PLUGIN = """
                    <groupId>dev.assistant</groupId>
                    <artifactId>assistant-migrate-maven-plugin</artifactId>
                    <version>%s</version>""";

    private final Tool tool;
    private final Path project;
    private final ScratchDatabase database;
    private final boolean offline;
    private String user;
    private String password;
    private int runs;
    private boolean connectionGiven = true;
    private Map<String, String> environment = Map.of();
    private String settings = "";
    /** How the attack's own reads and writes connect: as the database's role, or after a password change, as admin. */
    private ConnectionSettings helper;

    AttackRun(Tool tool, Path project, ScratchDatabase database, boolean offline) throws IOException {
        this.tool = tool;
        this.project = project;
        this.database = database;
        this.offline = offline;
        this.helper = database.settings();
        this.user = database.user();
        this.password = database.password();
        Files.createDirectories(project.resolve(MIGRATIONS));
        Files.createDirectories(project.resolve(".mvn"));
        Files.writeString(project.resolve("pom.xml"), FlywayPlugin.pom("dev.assistant.attacks", "attacked",
                tool.flyway() ? FlywayPlugin.declaration(FLYWAY_VERSION, POSTGRESQL_VERSION)
                        : OUR_PLUGIN.formatted(MavenRun.pluginVersion())), StandardCharsets.UTF_8);
    }

    Tool tool() {
        return tool;
    }

    boolean flyway() {
        return tool.flyway();
    }

    Path project() {
        return project;
    }

    ScratchDatabase database() {
        return database;
    }

    /** Runs the goals as another role from now on (e.g. one that may not create tables). */
    void connectAs(String role, String rolePassword) {
        this.user = role;
        this.password = rolePassword;
    }

    String password() {
        return password;
    }

    String user() {
        return user;
    }

    /**
     * Gives the database's role a new password (e.g. one with characters that URLs and files must escape); the
     * goals get it from the attack's own settings, and the attack's checks connect as the administrator.
     */
    void changePassword(String newPassword) throws SQLException {
        try (Connection admin = TestDatabaseServer.get().connectAdmin(); Statement statement = admin.createStatement()) {
            statement.execute("ALTER ROLE \"" + database.user() + "\" PASSWORD '" + newPassword.replace("'", "''")
                    + "'");
        }
        this.password = newPassword;
        this.helper = TestDatabaseServer.get().adminSettings().withDatabase(database.name());
    }

    /** The goals get no connection from the attack: only what the options, environment, files or settings give. */
    AttackRun withoutConnection() {
        this.connectionGiven = false;
        return this;
    }

    /** Environment variables of the goals' runs. */
    AttackRun environment(Map<String, String> variables) {
        this.environment = Map.copyOf(variables);
        return this;
    }

    /** More settings.xml content for the goals' runs, such as {@code <servers>}. */
    AttackRun settings(String content) {
        this.settings = content;
        return this;
    }

    /** postgresql://user:password@host:port/database with this run's user and password, percent-encoded. */
    String databaseUrl(String scheme) {
        return scheme + "://" + encode(user) + ":" + encode(password) + "@" + database.settings().host() + ":"
                + database.settings().port() + "/" + database.name();
    }

    /** jdbc:postgresql://host:port/database, without credentials. */
    String jdbcUrl() {
        return "jdbc:postgresql://" + database.settings().host() + ":" + database.settings().port() + "/"
                + database.name();
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Writes a file of the project (such as .env). */
    AttackRun file(String name, byte[] content) {
        try {
            Files.write(project.resolve(name), content);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    AttackRun script(String name, String sql) {
        return script(name, sql.getBytes(StandardCharsets.UTF_8));
    }

    AttackRun script(String name, byte[] content) {
        try {
            Files.write(project.resolve(MIGRATIONS).resolve(name), content);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The two migrations every attack starts from, with their undo scripts. */
    AttackRun twoMigrations() {
        return script("V1__first.sql", "CREATE TABLE first (id integer PRIMARY KEY);\n")
                .script("U1__first.sql", "DROP TABLE first;\n")
                .script("V2__second.sql", "CREATE TABLE second (id integer PRIMARY KEY);\n")
                .script("U2__second.sql", "DROP TABLE second;\n");
    }

    Path migrations() {
        return project.resolve(MIGRATIONS);
    }

    /** Applies the project's migrations up to {@code target} with the engine, outside the tool under attack. */
    void applyUpTo(String target) {
        new AssistantMigrate(EngineLog.SILENT, TestHints.HINTS).migrate(new MigrateRequest(new Workspace(
                database.settings(), List.of(new ScriptLocation.Directory(migrations()))), target, false,
                Duration.ofSeconds(30)));
    }

    /** {@code migrate} with neutral options: target, locations (a directory or classpath:), lockSeconds. */
    Outcome migrate(Map<String, String> options) {
        return maven("migrate", options);
    }

    Outcome migrate() {
        return migrate(Map.of());
    }

    /** Runs a goal to its end; its output is also kept in the project directory, numbered by run. */
    Outcome maven(String goal, Map<String, String> options) {
        Path log = project.resolve(goal + "-" + (++runs) + ".log");
        return await(start(goal, options, log), log);
    }

    /**
     * Starts a goal without waiting; its output goes to {@code log}. Options: the neutral {@code url},
     * {@code user}, {@code password}, {@code serverId}, {@code target}, {@code locations} and {@code lockSeconds},
     * each spelled as the tool spells it, or an argument starting with {@code -} given as it is (value ignored).
     */
    Process start(String goal, Map<String, String> options, Path log) {
        List<String> arguments = new ArrayList<>(List.of("-ntp"));
        if (offline) {
            arguments.add("-o");
        }
        Map<String, String> variables = new HashMap<>(environment);
        boolean explicitUrl = options.containsKey("url");
        if (tool.flyway()) {
            arguments.add("org.flywaydb:flyway-maven-plugin:" + FLYWAY_VERSION + ":"
                    + ("status".equals(goal) ? "info" : goal));
            if (connectionGiven && !explicitUrl) {
                arguments.add("-Dflyway.url=" + database.jdbcUrl());
                arguments.add("-Dflyway.user=" + user);
                arguments.add("-Dflyway.password=" + password);
            }
        } else {
            arguments.add("assistant-migrate:" + goal);
            if (connectionGiven && !explicitUrl) {
                variables.put("DATABASE_URL", databaseUrl("postgresql"));
            }
        }
        String prefix = tool.flyway() ? "-Dflyway." : "-Dassistant.";
        options.forEach((name, value) -> arguments.add(name.startsWith("-") ? name : switch (name) {
            case "url", "user", "password", "serverId", "target" -> prefix + name + "=" + value;
            case "locations" -> prefix + "locations=" + (!tool.flyway() || value.isEmpty()
                    || value.matches("(classpath|filesystem):.*") ? value : "filesystem:" + value);
            case "lockSeconds" -> tool.flyway() ? "-Dflyway.lockRetryCount=" + value
                    : "-Dassistant.lockTimeout=" + value;
            default -> throw new IllegalArgumentException(name);
        }));
        return MavenRun.in(project).repository(tool.repository()).environment(variables).settings(settings)
                .start(log, arguments.toArray(String[]::new));
    }

    /** Output of a process started with a log file. */
    static Outcome await(Process process, Path log) {
        try {
            boolean finished = process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (!finished) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
            return new Outcome(finished ? process.exitValue() : -1, !finished, Files.readString(log));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void sql(String sql) {
        try (Connection connection = Jdbc.connect(helper); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    List<String> rows(String sql) {
        return Jdbc.strings(helper, sql);
    }

    /** The versions of the history in the order applied; R for repeatable; a failed row ends with {@code !}. */
    List<String> history() {
        return rows("""
                SELECT coalesce(version, 'R') || CASE WHEN success THEN '' ELSE '!' END
                FROM flyway_schema_history WHERE type NOT IN ('SCHEMA') ORDER BY installed_rank""");
    }

    List<String> tables() {
        return rows("SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
                + " AND tablename <> 'flyway_schema_history' ORDER BY 1");
    }

    /** Waits until a session of this database runs a query containing {@code part}; its pid, or -1. */
    int awaitQuery(String part, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<String> pids = rows("SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
                    + " AND state = 'active' AND query LIKE '%" + part.replace("'", "''") + "%'"
                    + " AND pid <> pg_backend_pid()");
            if (!pids.isEmpty()) {
                return Integer.parseInt(pids.get(0));
            }
            Thread.sleep(100);
        }
        return -1;
    }
}
