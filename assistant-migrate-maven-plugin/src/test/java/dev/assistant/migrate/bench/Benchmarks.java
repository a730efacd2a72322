package dev.assistant.migrate.bench;

import dev.assistant.db.config.ConnectionSettings;
import dev.assistant.db.testing.ScratchDatabase;
import dev.assistant.db.testing.TestDatabaseServer;
import dev.assistant.migrate.api.AssistantMigrate;
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

    private final int runs;
    private final Path work;
    private final Path report;
    private final List<String> lines = new ArrayList<>();

    private Benchmarks(int runs, Path work, Path report) {
        this.runs = runs;
        this.work = work;
        this.report = report;
    }

    /** Arguments: the report to write into (docs/benchmarks.md), and a work directory. */
    public static void main(String[] args) throws Exception {
        int runs = Integer.parseInt(System.getProperty("bench.runs", "5"));
        Path report = Path.of(args.length > 0 ? args[0] : "docs/benchmarks.md").toAbsolutePath();
        Path work = Files.createDirectories(Path.of(args.length > 1 ? args[1] : "target/bench").toAbsolutePath());
        new Benchmarks(runs, work, report).run();
    }

    private void run() throws Exception {
        long started = System.nanoTime();
        Measurement startup = measureProcess("Maven start-up and plugin load (`assistant-migrate:help`)", null,
                database -> List.of("help"));
        progress(startup);

        Path hundred = work.resolve("migrations-100");
        Path thousand = work.resolve("migrations-1000");
        MigrationGenerator.write(hundred, 100);
        MigrationGenerator.write(thousand, 1000);

        List<String[]> migrateRows = new ArrayList<>();
        for (Path scripts : List.of(hundred, thousand)) {
            int count = scripts.equals(hundred) ? 100 : 1000;
            Measurement plugin = measureProcess("migrate " + count + " (plugin)", null,
                    database -> List.of("migrate", "-Dassistant.locations=" + scripts));
            Measurement engine = measureEngine("migrate " + count + " (engine, no Maven)", null,
                    database -> migrate(database, scripts));
            Measurement perFile = measurePsql("migrate " + count + " (psql, one transaction per file)", null,
                    psqlScript(scripts, count, true));
            Measurement single = measurePsql("migrate " + count + " (psql, one transaction)", null,
                    psqlScript(scripts, count, false));
            for (Measurement measurement : List.of(plugin, engine, perFile, single)) {
                progress(measurement);
            }
            migrateRows.add(row(plugin, perFile));
            migrateRows.add(row(engine, perFile));
            migrateRows.add(row(perFile, perFile));
            migrateRows.add(row(single, perFile));
            lines.add(String.format(Locale.ROOT, "- per-migration overhead over psql (%d): plugin %.2f ms, engine"
                            + " %.2f ms, where psql takes %.2f ms per migration", count,
                    (plugin.median() - startup.median() - perFile.median()) * 1000 / count,
                    (engine.median() - perFile.median()) * 1000 / count, perFile.median() * 1000 / count));
        }

        Measurement status = measureProcess("status, 1000 applied, nothing pending (plugin)",
                database -> migrate(database, thousand),
                database -> List.of("status", "-Dassistant.locations=" + thousand));
        Measurement history = measureProcess("history, 1000 applied (plugin)",
                database -> migrate(database, thousand),
                database -> List.of("history", "-Dassistant.locations=" + thousand));
        Measurement statusEngine = measureEngine("status, 1000 applied (engine, no Maven)",
                database -> migrate(database, thousand),
                database -> CORE.status(new StatusRequest(workspace(database, thousand))));
        progress(status);
        progress(history);
        progress(statusEngine);

        Measurement downgrade = measureProcess("downgrade 100 steps (plugin)",
                database -> migrate(database, hundred),
                database -> List.of("downgrade", "-Dassistant.target=base", "-Dassistant.locations=" + hundred));
        Measurement downgradeEngine = measureEngine("downgrade 100 steps (engine, no Maven)",
                database -> migrate(database, hundred),
                database -> CORE.downgrade(new DowngradeRequest(workspace(database, hundred), "base", false, null)));
        Measurement downgradePsql = measurePsql("downgrade 100 steps (psql, same undo scripts and history deletes)",
                database -> migrate(database, hundred),
                undoScript(hundred, 100));
        progress(downgrade);
        progress(downgradeEngine);
        progress(downgradePsql);

        Path modelMigrations = work.resolve("model-migrations");
        Path modelClasses = work.resolve("model-classes");
        ModelGenerator.write(200, modelMigrations, modelClasses);
        Measurement autogenerate = measureProcess("autogenerate, 200 entities, one changed field (plugin)", null,
                database -> List.of("create", "-Dassistant.autogenerate=true", "-Dassistant.message=bench",
                        "-Dassistant.locations=" + copyOf(modelMigrations), "-Dassistant.modelClasses=" + modelClasses));
        progress(autogenerate);

        write(startup, migrateRows, status, history, statusEngine, downgrade, downgradeEngine, downgradePsql,
                autogenerate, Duration.ofNanos(System.nanoTime() - started));
    }

    private String[] row(Measurement measurement, Measurement psql) {
        return new String[] {measurement.name(), measurement.timing(),
                String.format(Locale.ROOT, "%.2f×", measurement.median() / psql.median()), measurement.memory()};
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

    interface Arguments {
        List<String> of(ScratchDatabase database) throws Exception;
    }

    /** A goal of the plugin in a Maven process of its own, timed with its peak resident memory. */
    private Measurement measureProcess(String name, Setup setup, Arguments arguments) throws Exception {
        Measurement measurement = new Measurement(name, "RSS (Maven JVM)");
        Path project = MavenRun.project(work.resolve("project"));
        for (int run = 0; run <= runs; run++) {
            try (ScratchDatabase database = TestDatabaseServer.get().createScratch("bench")) {
                if (setup != null) {
                    setup.prepare(database);
                }
                Path connection = project.resolve("connection.properties");
                Files.writeString(connection, "url=" + database.jdbcUrl() + "\nuser=" + database.user()
                        + "\npassword=" + database.password() + "\n", StandardCharsets.UTF_8);
                List<String> command = new ArrayList<>(List.of("-q", "-N",
                        "-Dassistant.connectionFile=" + connection));
                List<String> goal = new ArrayList<>(arguments.of(database));
                goal.set(0, "assistant-migrate:" + goal.get(0));
                command.addAll(goal);
                MavenRun.Result result = MavenRun.in(project).timeout(LIMIT).measured()
                        .run(command.toArray(String[]::new));
                if (run > 0) {
                    measurement.add(succeeded(command, result).seconds(), result.peakMegabytes());
                }
            }
        }
        return measurement;
    }

    private static MavenRun.Result succeeded(List<String> command, MavenRun.Result result) {
        if (result.failed()) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + result.output());
        }
        return result;
    }

    /** The engine in this JVM, no Maven; memory is the peak heap in use during the run. */
    private Measurement measureEngine(String name, Setup setup, Work work) throws Exception {
        Measurement measurement = new Measurement(name, "heap");
        for (int run = 0; run <= runs; run++) {
            try (ScratchDatabase database = TestDatabaseServer.get().createScratch("bench")) {
                if (setup != null) {
                    setup.prepare(database);
                }
                System.gc();
                ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
                long start = System.nanoTime();
                work.run(database);
                double seconds = (System.nanoTime() - start) / 1e9;
                long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
                        .filter(pool -> pool.getType() == MemoryType.HEAP)
                        .mapToLong(pool -> pool.getPeakUsage().getUsed())
                        .sum();
                if (run > 0) {
                    measurement.add(seconds, peak / 1_048_576.0);
                }
            }
        }
        return measurement;
    }

    /** psql running a script, timed with its peak resident memory. */
    private Measurement measurePsql(String name, Setup setup, Path script) throws Exception {
        Measurement measurement = new Measurement(name, "RSS (psql)");
        for (int run = 0; run <= runs; run++) {
            try (ScratchDatabase database = TestDatabaseServer.get().createScratch("bench")) {
                if (setup != null) {
                    setup.prepare(database);
                }
                ConnectionSettings settings = database.settings();
                List<String> command = List.of("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", settings.host(),
                        "-p", String.valueOf(settings.port()), "-U", settings.user(), "-d", settings.database(),
                        "-f", script.toString());
                Map<String, String> environment = new HashMap<>(System.getenv());
                environment.put("PGPASSWORD", settings.password());
                MavenRun.Result result = MavenRun.process(command, work, environment, LIMIT, true);
                if (run > 0) {
                    measurement.add(succeeded(command, result).seconds(), result.peakMegabytes());
                }
                if (name.startsWith("migrate")) {
                    requireTables(database);
                }
            }
        }
        return measurement;
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

    /** The migrations as one psql script: each file in a transaction of its own, or all in one. */
    private Path psqlScript(Path scripts, int count, boolean perFile) throws IOException {
        StringBuilder script = new StringBuilder(perFile ? "" : "BEGIN;\n");
        for (int i = 1; i <= count; i++) {
            String file = scripts.resolve("V" + i + "__step_" + i + ".sql").toString();
            script.append(perFile ? "BEGIN;\n\\i " + file + "\nCOMMIT;\n" : "\\i " + file + "\n");
        }
        script.append(perFile ? "" : "COMMIT;\n");
        Path path = work.resolve("psql-" + count + (perFile ? "-per-file" : "-single") + ".sql");
        Files.writeString(path, script.toString(), StandardCharsets.UTF_8);
        return path;
    }

    /** The undo scripts newest first, each with the removal of its history row, each in a transaction. */
    private Path undoScript(Path scripts, int count) throws IOException {
        StringBuilder script = new StringBuilder();
        for (int i = count; i >= 1; i--) {
            script.append("BEGIN;\n\\i ").append(scripts.resolve("U" + i + "__step_" + i + ".sql"))
                    .append("\nDELETE FROM flyway_schema_history WHERE version = '").append(i).append("';\nCOMMIT;\n");
        }
        Path path = work.resolve("psql-undo-" + count + ".sql");
        Files.writeString(path, script.toString(), StandardCharsets.UTF_8);
        return path;
    }

    private static void progress(Measurement measurement) {
        System.out.println(String.format(Locale.ROOT, "%-75s %s  %s", measurement.name(), measurement.timing(),
                measurement.memory()));
    }

    private void write(Measurement startup, List<String[]> migrateRows, Measurement status, Measurement history,
            Measurement statusEngine, Measurement downgrade, Measurement downgradeEngine, Measurement downgradePsql,
            Measurement autogenerate, Duration total) throws IOException {
        StringBuilder figures = new StringBuilder(START).append("\n");
        figures.append(String.format(Locale.ROOT, "Measured %s on %s, PostgreSQL %s; %d runs each (after one warm-up"
                + " run), each on a fresh database; total %d s.%n%n", LocalDate.now(),
                Machine.describe(work),
                serverVersion(), runs, total.toSeconds()));
        figures.append("| benchmark | median (min–max) | ratio to psql, one transaction per file | peak memory |\n")
                .append("|---|---|---|---|\n");
        migrateRows.forEach(row -> figures.append("| ").append(String.join(" | ", row)).append(" |\n"));
        figures.append("\n");
        lines.forEach(line -> figures.append(line).append("\n"));
        figures.append("\n| benchmark | median (min–max) | compared with | peak memory |\n|---|---|---|---|\n");
        figures.append(tableRow(startup, "—"));
        figures.append(tableRow(status, String.format(Locale.ROOT, "Maven start-up + %.3f s",
                status.median() - startup.median())));
        figures.append(tableRow(history, String.format(Locale.ROOT, "Maven start-up + %.3f s",
                history.median() - startup.median())));
        figures.append(tableRow(statusEngine, "—"));
        figures.append(tableRow(downgrade, String.format(Locale.ROOT, "%.2f× psql; %.2f× psql beyond Maven start-up",
                downgrade.median() / downgradePsql.median(),
                (downgrade.median() - startup.median()) / downgradePsql.median())));
        figures.append(tableRow(downgradeEngine, String.format(Locale.ROOT, "%.2f× psql",
                downgradeEngine.median() / downgradePsql.median())));
        figures.append(tableRow(downgradePsql, "1.00× psql"));
        figures.append(tableRow(autogenerate, String.format(Locale.ROOT, "Maven start-up + %.3f s",
                autogenerate.median() - startup.median())));
        figures.append("\n").append(targets(startup, migrateRows, status, downgrade, downgradeEngine, downgradePsql,
                autogenerate));
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

    private static String tableRow(Measurement measurement, String comparison) {
        return "| " + measurement.name() + " | " + measurement.timing() + " | " + comparison + " | "
                + measurement.memory() + " |\n";
    }

    private static String targets(Measurement startup, List<String[]> migrateRows, Measurement status,
            Measurement downgrade, Measurement downgradeEngine, Measurement downgradePsql, Measurement autogenerate) {
        double migratePlugin = ratio(migrateRows.get(4));
        double migrateEngine = ratio(migrateRows.get(5));
        double statusExtra = status.median() - startup.median();
        double autogenerateExtra = autogenerate.median() - startup.median();
        double downgradePlugin = downgrade.median() / downgradePsql.median();
        double downgradeEngineRatio = downgradeEngine.median() / downgradePsql.median();
        return "| target | figure | met |\n|---|---|---|\n"
                + String.format(Locale.ROOT, "| migrate of 1000 within 1.5× psql-per-file | plugin %.2f×, engine %.2f× |"
                        + " %s |%n", migratePlugin, migrateEngine, verdict(migratePlugin <= 1.5, migrateEngine <= 1.5))
                + String.format(Locale.ROOT, "| status on 1000 applied within Maven start-up + 0.5 s | start-up +"
                        + " %.3f s | %s |%n", statusExtra, statusExtra <= 0.5 ? "yes" : "no")
                + String.format(Locale.ROOT, "| autogenerate on 200 entities under 5 s beyond Maven start-up | %.3f s"
                        + " | %s |%n", autogenerateExtra, autogenerateExtra < 5 ? "yes" : "no")
                + String.format(Locale.ROOT, "| downgrade of 100 within 1.5× psql | plugin %.2f× (Maven start-up"
                        + " included), engine %.2f× | %s |%n", downgradePlugin, downgradeEngineRatio,
                        verdict(downgradePlugin <= 1.5, downgradeEngineRatio <= 1.5));
    }

    private static double ratio(String[] row) {
        return Double.parseDouble(row[2].replace("×", ""));
    }

    private static String verdict(boolean plugin, boolean engine) {
        return plugin ? "yes" : engine ? "engine yes, plugin no" : "no";
    }

}
