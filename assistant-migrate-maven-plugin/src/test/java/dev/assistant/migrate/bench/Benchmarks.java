package dev.assistant.migrate.bench;

import dev.assistant.db.config.ConnectionSettings;
import dev.assistant.db.testing.ScratchDatabase;
import dev.assistant.db.testing.TestDatabaseServer;
import dev.assistant.migrate.api.AssistantMigrate;
import dev.assistant.migrate.api.CheckRequest;
import dev.assistant.migrate.api.LintMode;
import dev.assistant.migrate.api.DowngradeRequest;
import dev.assistant.migrate.api.EngineLog;
import dev.assistant.migrate.api.MigrateRequest;
import dev.assistant.migrate.api.MigrateResult;
import dev.assistant.migrate.api.ScriptLocation;
import dev.assistant.migrate.api.StatusRequest;
import dev.assistant.migrate.api.Workspace;
import dev.assistant.migrate.engine.TestHints;
import dev.assistant.migrate.it.MavenRun;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code make bench}: migrate, status, history, downgrade and autogenerate measured through the plugin (Maven
 * processes), through the engine without Maven, and the same SQL through psql, each run on a fresh database; the
 * median of several runs with min–max, peak memory, and the ratios to psql from the same run. Writes the figures into
 * docs/benchmarks.md between its markers, leaving the analysis around them as it is.
 */
public final class Benchmarks {

    private static final String START = "<!-- figures:start -->";
    private static final String END = "<!-- figures:end -->";

    private static final Duration LIMIT = Duration.ofMinutes(10);
    private static final String MAVEN = "RSS (Maven JVM)";
    private static final String PSQL = "psql";
    private static final String ENGINE = "engine";
    private static final String PLUGIN = "plugin";
    private static final String FLYWAY = "flyway";
    private static final String CLI = "cli";
    /** Migrations the engine checks under the profiler before the plugin's check runs are planned. */
    private static final int PROBE = 20;
    /** Seconds the runs of one size of {@code check} may take together. */
    private static final double CHECK_BUDGET = 240;

    private final int runs;
    private final int bigRuns;
    private final boolean warmUpRuns = Boolean.parseBoolean(System.getProperty("bench.warmUp", "true"));
    private final Path work;
    private final Path report;
    private final Path cli;
    private final List<String> lines = new ArrayList<>();
    private final List<Measurement> startupRows = new ArrayList<>();
    private final List<String> profiles = new ArrayList<>();
    private final JvmConfigTrial jvmConfig;

    private Benchmarks(int runs, int bigRuns, Path work, Path report, Path cli) {
        this.runs = runs;
        this.bigRuns = bigRuns;
        this.work = work;
        this.report = report;
        this.cli = cli;
        this.jvmConfig = new JvmConfigTrial(this, work, runs, bigRuns);
    }

    /**
     * Arguments: the report to write into (docs/benchmarks.md), a work directory, and the command line tool's jar
     * (optional). {@code -Dbench.runs} (default 5) runs at 100 migrations and for read-only goals,
     * {@code -Dbench.bigRuns} (default 3) at 1000, {@code -Dbench.warmUp=false} leaves out the warm-up runs.
     */
    public static void main(String[] args) throws Exception {
        int runs = Integer.parseInt(System.getProperty("bench.runs", "5"));
        int bigRuns = Integer.parseInt(System.getProperty("bench.bigRuns", "3"));
        Path report = Path.of(args.length > 0 ? args[0] : "docs/benchmarks.md").toAbsolutePath();
        Path work = Files.createDirectories(Path.of(args.length > 1 ? args[1] : "target/bench").toAbsolutePath());
        Path cli = args.length > 2 && !args[2].isBlank() && Files.isRegularFile(Path.of(args[2]))
                ? Path.of(args[2]).toAbsolutePath() : null;
        Benchmarks benchmarks = new Benchmarks(runs, bigRuns, work, report, cli);
        if ("lint".equals(System.getProperty("bench.only"))) {
            MigrationSet set = MigrationGenerator.write(work.resolve("migrations-1000"), 1000);
            benchmarks.lintOverhead(set).forEach(System.out::println);
            return;
        }
        benchmarks.run();
    }

    private void run() throws Exception {
        long started = System.nanoTime();
        String loadAtStart = Machine.load();
        System.out.println("Load at start: " + loadAtStart);
        Path project = MavenRun.project(work.resolve("project"));
        Path flywayProject = FlywayPlugin.project(work.resolve("flyway-project"));

        Measurement java = measure("JVM start-up alone (`java -version`)", "RSS (JVM)", runs, true, NO_DATABASE,
                database -> process(List.of(javaCommand(), "-version"), Map.of()));
        Measurement maven = measure("Maven start-up alone (`mvn -N validate`, no plugin)", MAVEN, runs, true,
                NO_DATABASE, database -> MavenRun.in(project).timeout(LIMIT).measured().run("-q", "-N", "validate"));
        Measurement startup = measure("Maven start-up and plugin load (`assistant-migrate:help`)", MAVEN, runs, true,
                NO_DATABASE, database -> MavenRun.in(project).timeout(LIMIT).measured().run("-q", "-N",
                        "assistant-migrate:help"));
        startupRows.addAll(List.of(java, maven, startup));
        startupRows.forEach(this::progress);

        MigrationSet thousandSet = MigrationGenerator.write(work.resolve("migrations-1000"), 1000);
        MigrationSet hundredSet = thousandSet.first(100);
        Path hundred = hundredSet.directory();
        Path thousand = thousandSet.directory();

        Map<Integer, Map<String, Measurement>> migrate = new java.util.TreeMap<>();
        for (MigrationSet set : List.of(hundredSet, thousandSet)) {
            Path scripts = set.directory();
            int count = set.count();
            int times = count >= 1000 ? bigRuns : runs;
            boolean warmUp = count < 1000;
            Path versionsOnly = set.versionsOnly();
            Map<String, Measurement> row = new java.util.LinkedHashMap<>();
            List<Contestant> contestants = new ArrayList<>();
            contestants.add(contestant(row, PSQL, "migrate " + count + " (psql, one transaction per file)",
                    "RSS (psql)", database -> psql(database, set.psqlScript(true))));
            contestants.add(contestant(row, "psql-single", "migrate " + count + " (psql, one transaction)",
                    "RSS (psql)", database -> psql(database, set.psqlScript(false))));
            contestants.add(contestant(row, ENGINE, "migrate " + count + " (engine, no Maven)", "heap",
                    engine(database -> migrate(database, scripts))));
            contestants.add(contestant(row, PLUGIN, "migrate " + count + " (plugin)", MAVEN,
                    database -> goal(project, database, "migrate", "-Dassistant.locations=" + scripts)));
            contestants.add(contestant(row, FLYWAY, "migrate " + count + " (flyway-maven-plugin "
                    + FlywayPlugin.version() + ", V files only)", MAVEN,
                    database -> FlywayPlugin.run(flywayProject, database, "migrate", versionsOnly)));
            if (count >= 1000 && cli != null) {
                contestants.add(contestant(row, CLI, "migrate 1000 (CLI `apply`, java -jar)", "RSS (JVM)",
                        database -> cliRun(database, "apply", "--quiet", "--locations", scripts.toString())));
            } else if (count >= 1000) {
                row.put(CLI, Measurement.notMeasured("migrate 1000 (CLI `apply`)", "no CLI jar; run make cli"));
            }
            interleaved(times, warmUp, contestants);
            row.values().forEach(this::progress);
            migrate.put(count, row);
        }

        List<Measurement> reads = new ArrayList<>();
        Measurement status;
        Measurement statusEngine;
        try (ScratchDatabase applied = TestDatabaseServer.get().createScratch("bench")) {
            migrate(applied, thousand);
            Database shared = new SharedDatabase(applied);
            Map<String, Measurement> byName = new java.util.LinkedHashMap<>();
            List<Contestant> contestants = new ArrayList<>(List.of(
                    contestant(byName, "status", "status, 1000 applied, nothing pending (plugin)", MAVEN,
                            shared, database -> goal(project, database, "status", "-Dassistant.locations="
                                    + thousand)),
                    contestant(byName, "history", "history, 1000 applied (plugin)", MAVEN, shared,
                            database -> goal(project, database, "history", "-Dassistant.locations=" + thousand)),
                    contestant(byName, "info", "info, 1000 applied (flyway-maven-plugin)", MAVEN, shared,
                            database -> FlywayPlugin.run(flywayProject, database, "info", thousandSet.versionsOnly())),
                    contestant(byName, "engine", "status, 1000 applied (engine, no Maven)", "heap", shared,
                            engine(database -> CORE.status(new StatusRequest(workspace(database, thousand)))))));
            if (cli != null) {
                contestants.add(contestant(byName, "cli", "status, 1000 applied (CLI `current`, java -jar)",
                        "RSS (JVM)", shared, database -> cliRun(database, "current", "--locations",
                                thousand.toString())));
            } else {
                byName.put("cli", Measurement.notMeasured("status, 1000 applied (CLI `current`)", "no CLI jar"));
            }
            interleaved(runs, true, contestants);
            status = byName.get("status");
            statusEngine = byName.get("engine");
            reads.addAll(byName.values());
            reads.forEach(this::progress);
            profiles.add(Profile.of("status, 1000 applied, engine", work.resolve("status-1000.jfr"),
                    () -> CORE.status(new StatusRequest(workspace(applied, thousand)))));
            jvmConfig.measure(applied, thousand);
        }

        try (ScratchDatabase database = TestDatabaseServer.get().createScratch("bench")) {
            profiles.add(0, Profile.of("migrate 1000, engine", work.resolve("migrate-1000.jfr"),
                    () -> migrate(database, thousand)));
        }

        Measurement downgrade = measure("downgrade 100 steps (plugin)", MAVEN, runs, true,
                setup(database -> migrate(database, hundred)),
                database -> goal(project, database, "downgrade", "-Dassistant.target=base",
                        "-Dassistant.locations=" + hundred));
        Measurement downgradeEngine = measure("downgrade 100 steps (engine, no Maven)", "heap", runs, true,
                setup(database -> migrate(database, hundred)),
                engine(database -> CORE.downgrade(new DowngradeRequest(workspace(database, hundred), "base", false, null))));
        Measurement downgradePsql = measure("downgrade 100 steps (psql, same undo scripts and history deletes)",
                "RSS (psql)", runs, true, setup(database -> migrate(database, hundred)),
                database -> psql(database, hundredSet.psqlUndoScript()));
        progress(downgrade);
        progress(downgradeEngine);
        progress(downgradePsql);

        Path modelMigrations = work.resolve("model-migrations");
        Path modelClasses = work.resolve("model-classes");
        ModelGenerator.write(200, modelMigrations, modelClasses);
        Measurement autogenerate = measure("create --autogenerate, 200 entities, one changed field (plugin)", MAVEN,
                runs, true, FRESH, database -> goal(project, database, "create", "-Dassistant.autogenerate=true",
                        "-Dassistant.message=bench", "-Dassistant.locations=" + copyOf(modelMigrations),
                        "-Dassistant.modelClasses=" + modelClasses));
        progress(autogenerate);

        List<Measurement> checks = check(project, thousandSet, startup);
        lines.addAll(lintOverhead(thousandSet));

        lines.add("Load average (1, 5, 15 min; runnable/total tasks) at start: " + loadAtStart + "; at end: "
                + Machine.load() + ".");
        write(migrate, reads, downgrade, downgradeEngine, downgradePsql, autogenerate, checks,
                Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * {@code check} through the plugin on 100 and 1000 migrations with undo scripts, applied beforehand as in CI (a
     * pending migration is a finding), without a model (drift is not part of it). A replay can be slow, so the engine first checks the first 20 under the profiler; a size whose projected
     * runs would not fit in {@link #CHECK_BUDGET} is measured fewer times, or not at all, with the projection.
     */
    private List<Measurement> check(Path project, MigrationSet thousandSet, Measurement startup) throws Exception {
        MigrationSet probe = thousandSet.first(PROBE);
        long start = System.nanoTime();
        try (ScratchDatabase database = TestDatabaseServer.get().createScratch("bench")) {
            migrate(database, probe.directory());
            profiles.add(Profile.of("check, " + PROBE + " migrations with undo, engine", work.resolve("check.jfr"),
                    () -> CORE.check(new CheckRequest(workspace(database, probe.directory()), Optional.empty(),
                            null))));
        }
        double perMigration = (System.nanoTime() - start) / 1e9 / PROBE;
        List<Measurement> checks = new ArrayList<>();
        for (int count : List.of(100, 1000)) {
            MigrationSet set = count == 1000 ? thousandSet : thousandSet.first(count);
            String name = "check, " + count + " migrations with undo (plugin)";
            double projected = startup.median() + perMigration * count;
            int times = (int) Math.min(count >= 1000 ? bigRuns : runs, Math.floor(CHECK_BUDGET / projected));
            Measurement measurement = times == 0 ? Measurement.notMeasured(name, String.format(Locale.ROOT,
                    "projected %.0f s per run from the engine's %d-migration check (%.2f s per migration), over this"
                            + " run's budget of %.0f s", projected, PROBE, perMigration, CHECK_BUDGET))
                    : measure(name, MAVEN, times, false, setup(database -> migrate(database, set.directory())),
                            database -> goal(project, database, "check", "-Dassistant.lint=warn",
                            "-Dassistant.locations=" + set.directory()));
            progress(measurement);
            checks.add(measurement);
        }
        lines.add(String.format(Locale.ROOT, "- check, engine, first %d migrations (the profiled run): %.2f s per"
                + " migration", PROBE, perMigration));
        return checks;
    }

    /**
     * What the lock and rewrite lint's observation adds to check: the engine's check (no Maven, no model) on the
     * first 100 and 300 migrations, applied beforehand, with {@code assistant.lint=off} and {@code warn} (observed,
     * nothing fails: the generated migrations index existing tables on purpose), taking turns run by run.
     * {@code -Dbench.only=lint} runs this alone and prints its lines.
     */
    List<String> lintOverhead(MigrationSet thousandSet) throws Exception {
        List<String> figures = new ArrayList<>();
        for (int count : List.of(100, 300)) {
            Path scripts = thousandSet.first(count).directory();
            Map<String, Measurement> row = new java.util.LinkedHashMap<>();
            List<Contestant> contestants = new ArrayList<>();
            for (LintMode mode : List.of(LintMode.OFF, LintMode.WARN)) {
                contestants.add(contestant(row, mode.name(), "check, " + count + " migrations with undo (engine),"
                        + " lint " + mode.name().toLowerCase(Locale.ROOT), "heap",
                        setup(database -> migrate(database, scripts)),
                        engine(database -> CORE.check(new CheckRequest(workspace(database, scripts),
                                Optional.empty(), null, List.of(), List.of(), mode)))));
            }
            interleaved(count > 100 ? bigRuns : runs, true, contestants);
            row.values().forEach(this::progress);
            Measurement off = row.get(LintMode.OFF.name());
            Measurement on = row.get(LintMode.WARN.name());
            figures.add(String.format(Locale.ROOT, "- check, %d migrations with undo, engine: lint off %s, lint on"
                    + " %s: the observation adds %.0f %%", count, off.timing(-1), on.timing(-1),
                    (on.median() / off.median() - 1) * 100));
        }
        return figures;
    }

    /** A copy of the migrations, fresh for each autogenerate run (create writes into it when it finds changes). */
    private Path copyOf(Path migrations) {
        try {
            Path copy = Files.createTempDirectory(work, "model-migrations-");
            try (var files = Files.list(migrations)) {
                for (Path file : files.toList()) {
                    Files.copy(file, copy.resolve(file.getFileName()));
                }
            }
            return copy;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static final AssistantMigrate CORE = new AssistantMigrate(EngineLog.SILENT, TestHints.HINTS);

    private static Workspace workspace(ScratchDatabase database, Path scripts) {
        return new Workspace(database.settings(), List.of(new ScriptLocation.Directory(scripts)));
    }

    private static MigrateResult migrate(ScratchDatabase database, Path scripts) {
        return CORE.migrate(MigrateRequest.latest(workspace(database, scripts)));
    }

    interface Setup {
        void prepare(ScratchDatabase database) throws Exception;
    }

    interface Work {
        Object run(ScratchDatabase database) throws Exception;
    }

    /** One timed run of a process, given the database it works on (null when it needs none). */
    interface Runner {
        MavenRun.Result run(ScratchDatabase database) throws Exception;
    }

    /** The database of each run: a fresh one (prepared, untimed), one shared by all runs, or none. */
    interface Database {
        ScratchDatabase open(Setup setup) throws Exception;
    }

    static final Database FRESH = setup -> {
        ScratchDatabase database = TestDatabaseServer.get().createScratch("bench");
        if (setup != null) {
            setup.prepare(database);
        }
        return database;
    };

    private static final Database NO_DATABASE = setup -> null;

    private static Database setup(Setup setup) {
        return ignored -> FRESH.open(setup);
    }

    /** A benchmark, where its runs get their database, and one timed run. */
    record Contestant(Measurement measurement, Database databases, Runner runner) {
    }

    /**
     * {@code times} rounds (after one warm-up round when asked), each running every contestant once in turn, so that
     * a change of the machine's load falls on all of them alike. A failed run stops its benchmark, and its output
     * shows in the report instead of a figure.
     */
    void interleaved(int times, boolean warmUp, List<Contestant> contestants) throws Exception {
        for (int run = warmUp && warmUpRuns ? 0 : 1; run <= times; run++) {
            for (Contestant contestant : contestants) {
                Measurement measurement = contestant.measurement();
                if (measurement.stopped()) {
                    continue;
                }
                ScratchDatabase database = contestant.databases().open(null);
                try {
                    MavenRun.Result result = contestant.runner().run(database);
                    if (result.failed()) {
                        String output = result.output().strip();
                        System.out.println(measurement.name() + " failed:\n" + output);
                        measurement.fail("failed: " + output.lines().filter(line -> !line.isBlank()).limit(3)
                                .map(line -> line.replace("|", "/")).reduce((x, y) -> x + " / " + y)
                                .orElse("no output"));
                    } else if (run > 0) {
                        measurement.add(result.seconds(), result.peakMegabytes());
                    }
                } finally {
                    if (database != null && !(contestant.databases() instanceof SharedDatabase)) {
                        database.close();
                    }
                }
            }
        }
    }

    Measurement measure(String name, String memoryKind, int times, boolean warmUp, Database databases, Runner runner)
            throws Exception {
        Measurement measurement = new Measurement(name, memoryKind);
        interleaved(times, warmUp, List.of(new Contestant(measurement, databases, runner)));
        return measurement;
    }

    private static Contestant contestant(Map<String, Measurement> into, String key, String name, String memoryKind,
            Runner runner) {
        return contestant(into, key, name, memoryKind, FRESH, runner);
    }

    private static Contestant contestant(Map<String, Measurement> into, String key, String name, String memoryKind,
            Database databases, Runner runner) {
        Measurement measurement = new Measurement(name, memoryKind);
        into.put(key, measurement);
        return new Contestant(measurement, databases, runner);
    }

    Measurement measure(String name, String memoryKind, int times, boolean warmUp, ScratchDatabase shared,
            Runner runner) throws Exception {
        return measure(name, memoryKind, times, warmUp, new SharedDatabase(shared), runner);
    }

    /** One database for every run: for goals that only read. */
    record SharedDatabase(ScratchDatabase database) implements Database {
        @Override
        public ScratchDatabase open(Setup setup) {
            return database;
        }
    }

    /** A goal of the plugin in a Maven process of its own, credentials in a connection file. */
    static MavenRun.Result goal(Path project, ScratchDatabase database, String goal, String... arguments)
            throws IOException {
        Path connection = project.resolveSibling(project.getFileName() + "-connection.properties");
        Files.writeString(connection, "url=" + database.jdbcUrl() + "\nuser=" + database.user() + "\npassword="
                + database.password() + "\n", StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>(List.of("-q", "-N", "-Dassistant.connectionFile=" + connection,
                "assistant-migrate:" + goal));
        command.addAll(List.of(arguments));
        return MavenRun.in(project).timeout(LIMIT).measured().run(command.toArray(String[]::new));
    }

    /** The command line tool as production runs it: {@code java -jar}, the database in DATABASE_URL. */
    private MavenRun.Result cliRun(ScratchDatabase database, String... arguments) {
        List<String> command = new ArrayList<>(List.of(javaCommand(), "-jar", cli.toString()));
        command.addAll(List.of(arguments));
        return process(command, Map.of("DATABASE_URL", database.url()));
    }

    private MavenRun.Result psql(ScratchDatabase database, Path script) throws Exception {
        ConnectionSettings settings = database.settings();
        MavenRun.Result result = process(List.of("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", settings.host(),
                "-p", String.valueOf(settings.port()), "-U", settings.user(), "-d", settings.database(), "-f",
                script.toString()), Map.of("PGPASSWORD", settings.password()));
        if (!result.failed() && script.getFileName().toString().contains("-psql-per-file")
                || script.getFileName().toString().contains("-psql-single")) {
            requireTables(database);
        }
        return result;
    }

    /** A process in an empty directory of its own (no .env, no .mvn), with PATH and HOME and the variables given. */
    private MavenRun.Result process(List<String> command, Map<String, String> variables) {
        Map<String, String> environment = new HashMap<>();
        List.of("PATH", "HOME", "LANG").forEach(name -> {
            if (System.getenv(name) != null) {
                environment.put(name, System.getenv(name));
            }
        });
        environment.putAll(variables);
        try {
            return MavenRun.process(command, Files.createDirectories(work.resolve("empty")), environment, LIMIT, true);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The engine in this JVM, no Maven; memory is the peak heap in use during the run. */
    static Runner engine(Work work) {
        return database -> {
            System.gc();
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            long start = System.nanoTime();
            work.run(database);
            double seconds = (System.nanoTime() - start) / 1e9;
            long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(pool -> pool.getType() == MemoryType.HEAP)
                    .mapToLong(pool -> pool.getPeakUsage().getUsed())
                    .sum();
            return new MavenRun.Result(0, "", seconds, peak / 1_048_576.0);
        };
    }

    private static void requireTables(ScratchDatabase database) throws Exception {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")) {
            rows.next();
            if (rows.getInt(1) == 0) {
                throw new IllegalStateException("psql applied nothing");
            }
        }
    }

    void progress(Measurement measurement) {
        System.out.println(String.format(Locale.ROOT, "%-75s %s  %s", measurement.name(),
                measurement.timing(runs), measurement.memory()));
    }

    private void write(Map<Integer, Map<String, Measurement>> migrate, List<Measurement> reads, Measurement downgrade,
            Measurement downgradeEngine, Measurement downgradePsql, Measurement autogenerate, List<Measurement> checks,
            Duration total) throws IOException {
        Measurement startup = startupRows.get(2);
        StringBuilder figures = new StringBuilder(START).append("\n");
        figures.append(String.format(Locale.ROOT, "Measured %s on %s, PostgreSQL %s; %d runs each at 100 migrations"
                + " and for read-only goals (%s), %d at 1000; total %d s.%n%n", LocalDate.now(),
                Machine.describe(work), serverVersion(), runs, warmUpRuns ? "after one warm-up run" : "no warm-up run",
                bigRuns, total.toSeconds()));
        lines.forEach(line -> figures.append(line).append("\n"));

        figures.append("\n### Start-up\n\n| benchmark | median (min–max) | peak memory |\n|---|---|---|\n");
        startupRows.forEach(row -> figures.append("| ").append(row.name()).append(" | ")
                .append(row.timing(runs)).append(" | ").append(row.memory()).append(" |\n"));

        figures.append("\n### migrate\n\n| benchmark | median (min–max) | × psql, one transaction per file"
                + " | × flyway-maven-plugin | peak memory |\n|---|---|---|---|---|\n");
        migrate.forEach((count, row) -> row.values().forEach(measurement -> figures.append("| ")
                .append(measurement.name()).append(" | ").append(measurement.timing(count >= 1000 ? bigRuns : runs))
                .append(" | ").append(times(measurement, row.get(PSQL))).append(" | ")
                .append(times(measurement, row.get(FLYWAY))).append(" | ").append(measurement.memory())
                .append(" |\n")));
        figures.append("\n");
        migrate.forEach((count, row) -> figures.append(String.format(Locale.ROOT, "- migrate %d beyond start-up"
                + " (Maven start-up and plugin load subtracted from both Maven runs): plugin %.3f s, flyway-maven-plugin"
                + " %.3f s, %s; per migration over psql: plugin %.2f ms, engine %.2f ms, where psql takes %.2f ms%n",
                count, row.get(PLUGIN).median() - startup.median(), row.get(FLYWAY).median() - startup.median(),
                ratio((row.get(PLUGIN).median() - startup.median()) / (row.get(FLYWAY).median() - startup.median())),
                (row.get(PLUGIN).median() - startup.median() - row.get(PSQL).median()) * 1000 / count,
                (row.get(ENGINE).median() - row.get(PSQL).median()) * 1000 / count,
                row.get(PSQL).median() * 1000 / count)));

        figures.append("\n### Read-only goals, 1000 applied, nothing pending (one database for all runs)\n\n"
                + "| benchmark | median (min–max) | compared with | peak memory |\n|---|---|---|---|\n");
        for (Measurement read : reads) {
            figures.append(tableRow(read, read.name().contains("engine") ? "—" : read.name().contains("CLI")
                    ? String.format(Locale.ROOT, "JVM start-up + %.3f s", read.median() - startupRows.get(0).median())
                    : String.format(Locale.ROOT, "Maven start-up and plugin load + %.3f s",
                            read.median() - startup.median())));
        }
        figures.append("\n").append(jvmConfig.report());

        figures.append("\n### check, create, downgrade\n\n| benchmark | median (min–max) | compared with | peak memory |\n"
                + "|---|---|---|---|\n");
        for (Measurement check : checks) {
            figures.append(tableRow(check, String.format(Locale.ROOT, "Maven start-up and plugin load + %.3f s",
                    check.median() - startup.median())));
        }
        figures.append(tableRow(autogenerate, String.format(Locale.ROOT, "Maven start-up and plugin load + %.3f s",
                autogenerate.median() - startup.median())));
        figures.append(tableRow(downgrade, String.format(Locale.ROOT, "%s psql; %s psql beyond Maven start-up",
                ratio(downgrade.median() / downgradePsql.median()),
                ratio((downgrade.median() - startup.median()) / downgradePsql.median()))));
        figures.append(tableRow(downgradeEngine, ratio(downgradeEngine.median() / downgradePsql.median()) + " psql"));
        figures.append(tableRow(downgradePsql, "1.00× psql"));

        figures.append("\n### Targets\n\n").append(targets(migrate, reads.get(0), checks, startup));
        figures.append("\n### Profiles of the engine runs (this run)\n\n");
        profiles.forEach(figures::append);
        figures.append(END);

        String existing = Files.exists(report) ? Files.readString(report) : "# Benchmarks\n\n" + START + "\n" + END
                + "\n";
        int start = existing.indexOf(START);
        int end = existing.indexOf(END);
        String updated = start < 0 || end < 0 ? existing + "\n" + figures + "\n"
                : existing.substring(0, start) + figures + existing.substring(end + END.length());
        Files.writeString(report, updated, StandardCharsets.UTF_8);
        System.out.println("Wrote " + report);
    }

    private static String serverVersion() {
        try (Connection connection = TestDatabaseServer.get().connectAdmin(); Statement statement =
                connection.createStatement(); ResultSet rows = statement.executeQuery("SHOW server_version")) {
            rows.next();
            return rows.getString(1) + " at " + TestDatabaseServer.get().host();
        } catch (java.sql.SQLException e) {
            return "(version unknown)";
        }
    }

    private String tableRow(Measurement measurement, String comparison) {
        return "| " + measurement.name() + " | " + measurement.timing(runs) + " | "
                + (measurement.measured() ? comparison : "—") + " | " + measurement.memory() + " |\n";
    }

    private static String times(Measurement measurement, Measurement base) {
        return base == null ? "—" : ratio(measurement.median() / base.median());
    }

    static String ratio(double value) {
        return Double.isNaN(value) ? "—" : String.format(Locale.ROOT, "%.2f×", value);
    }

    private String targets(Map<Integer, Map<String, Measurement>> migrate, Measurement status,
            List<Measurement> checks, Measurement startup) {
        Map<String, Measurement> thousand = migrate.get(1000);
        Map<String, Measurement> hundred = migrate.get(100);
        double plugin = thousand.get(PLUGIN).median() / thousand.get(PSQL).median();
        double engine = thousand.get(ENGINE).median() / thousand.get(PSQL).median();
        double flyway100 = hundred.get(PLUGIN).median() / hundred.get(FLYWAY).median();
        double flyway1000 = thousand.get(PLUGIN).median() / thousand.get(FLYWAY).median();
        double statusExtra = status.median() - startup.median();
        double check100 = checks.get(0).median() - startup.median();
        double check1000 = checks.get(1).median();
        double growth = (checks.get(1).median() - startup.median()) / (checks.get(0).median() - startup.median());
        String linear = Double.isNaN(growth) ? "linearity not measured"
                : String.format(Locale.ROOT, "%.1f× the work beyond start-up for 10× the migrations: %s", growth,
                        growth <= 13 ? "linear" : "worse than linear");
        return "| work | figure | target | met |\n|---|---|---|---|\n"
                + row("migrate 1000, plugin (Maven included) vs psql one transaction per file", ratio(plugin),
                        "≤ 1.5×", plugin <= 1.5)
                + row("migrate 1000, engine vs psql", ratio(engine), "≤ 1.2×", engine <= 1.2)
                + row("migrate 100 vs flyway-maven-plugin", ratio(flyway100), "≤ 0.5×", flyway100 <= 0.5)
                + row("migrate 1000 vs flyway-maven-plugin", ratio(flyway1000), "≤ 0.5×", flyway1000 <= 0.5)
                + row("status, 1000 applied", seconds("start-up + ", statusExtra), "start-up + 0.25 s",
                        statusExtra <= 0.25)
                + row("check, 100 migrations with undo", seconds("start-up + ", check100), "≤ start-up + 5 s",
                        check100 <= 5)
                + row("check, 1000 migrations with undo", seconds("", check1000) + "; " + linear,
                        "≤ 60 s, and linear in N", check1000 <= 60 && growth <= 13);
    }

    private static String seconds(String prefix, double value) {
        return Double.isNaN(value) ? "not measured" : String.format(Locale.ROOT, "%s%.3f s", prefix, value);
    }

    private static String row(String work, String figure, String target, boolean met) {
        return "| " + work + " | " + figure + " | " + target + " | " + (figure.startsWith("—")
                || figure.startsWith("not measured") ? "not measured" : met ? "yes" : "no") + " |\n";
    }
}
