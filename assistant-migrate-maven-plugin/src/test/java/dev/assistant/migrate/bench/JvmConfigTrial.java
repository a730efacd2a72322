package dev.assistant.migrate.bench;

import dev.assistant.db.testing.ScratchDatabase;
import dev.assistant.migrate.it.MavenRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code .mvn/jvm.config} can do for the goals' start-up: the same goals in projects that differ only in that
 * file — none, C1 only, and an application class-data archive (made by one run of
 * {@code status} with {@code -XX:ArchiveClassesAtExit}) — for Maven start-up with the plugin loaded, a read-only goal
 * and a long one. The configurations take turns run by run, so that the machine's load falls on all alike.
 */
final class JvmConfigTrial {

    private record Trial(String label, String flags, List<Measurement> measurements) {
    }

    private final Benchmarks benchmarks;
    private final Path work;
    private final int runs;
    private final int bigRuns;
    private final List<Trial> trials = new ArrayList<>();

    JvmConfigTrial(Benchmarks benchmarks, Path work, int runs, int bigRuns) {
        this.benchmarks = benchmarks;
        this.work = work;
        this.runs = runs;
        this.bigRuns = Math.min(bigRuns, 2);
    }

    void measure(ScratchDatabase applied, Path thousand) throws Exception {
        Path archive = work.resolve("maven-app-cds.jsa");
        Files.deleteIfExists(archive);
        Map<String, String> configurations = new LinkedHashMap<>();
        configurations.put("none", "");
        configurations.put("C1 only", "-XX:TieredStopAtLevel=1");
        configurations.put("application CDS archive", "-XX:SharedArchiveFile=" + archive);
        int index = 0;
        List<Benchmarks.Contestant> reads = new ArrayList<>();
        List<Benchmarks.Contestant> writes = new ArrayList<>();
        Benchmarks.Database shared = new Benchmarks.SharedDatabase(applied);
        for (Map.Entry<String, String> configuration : configurations.entrySet()) {
            Path project = MavenRun.project(work.resolve("project-jvm-" + index++));
            if (configuration.getKey().contains("CDS")) {
                Files.writeString(project.resolve(".mvn/jvm.config"), "-XX:ArchiveClassesAtExit=" + archive + "\n",
                        StandardCharsets.UTF_8);
                Benchmarks.goal(project, applied, "status", "-Dassistant.locations=" + thousand);
            }
            Files.writeString(project.resolve(".mvn/jvm.config"), configuration.getValue() + "\n",
                    StandardCharsets.UTF_8);
            String label = configuration.getKey();
            List<Benchmarks.Contestant> contestants = List.of(
                    contestant("help, jvm.config " + label, shared, database -> Benchmarks.goal(project, database,
                            "help")),
                    contestant("status 1000 applied, jvm.config " + label, shared, database -> Benchmarks.goal(
                            project, database, "status", "-Dassistant.locations=" + thousand)),
                    contestant("migrate 1000, jvm.config " + label, Benchmarks.FRESH, database -> Benchmarks.goal(
                            project, database, "migrate", "-Dassistant.locations=" + thousand)));
            reads.addAll(contestants.subList(0, 2));
            writes.add(contestants.get(2));
            trials.add(new Trial(label, configuration.getValue(), contestants.stream()
                    .map(Benchmarks.Contestant::measurement).toList()));
        }
        benchmarks.interleaved(runs, true, reads);
        benchmarks.interleaved(bigRuns, false, writes);
        trials.forEach(trial -> trial.measurements().forEach(benchmarks::progress));
    }

    private static Benchmarks.Contestant contestant(String name, Benchmarks.Database databases,
            Benchmarks.Runner runner) {
        return new Benchmarks.Contestant(new Measurement(name, "RSS (Maven JVM)"), databases, runner);
    }

    String report() {
        StringBuilder table = new StringBuilder("#### `.mvn/jvm.config` for the goals' start-up\n\n| jvm.config | "
                + "`help` (Maven start-up, plugin loaded) | `status`, 1000 applied | migrate 1000 | against none |\n"
                + "|---|---|---|---|---|\n");
        Trial none = trials.isEmpty() ? null : trials.get(0);
        for (Trial trial : trials) {
            table.append("| ").append(trial.label()).append(trial.flags().isEmpty() ? "" : " (`" + trial.flags()
                    .replace(work.toString(), "target/bench") + "`)");
            trial.measurements().forEach(measurement -> table.append(" | ").append(measurement.timing(
                    measurement.runs())));
            table.append(" | ");
            if (trial != none) {
                List<String> changes = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    changes.add(String.format(Locale.ROOT, "%+.0f%%", 100 * (trial.measurements().get(i).median()
                            / none.measurements().get(i).median() - 1)));
                }
                table.append(String.join(" / ", changes));
            }
            table.append(" |\n");
        }
        return table.toString();
    }
}
