package dev.assistant.migrate.bench;

import dev.assistant.db.testing.ScratchDatabase;
import dev.assistant.db.testing.TestDatabaseServer;
import dev.assistant.migrate.bench.AttackRun.Outcome;
import dev.assistant.migrate.bench.AttackRun.Tool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * The attack catalogue of docs/reliability.md, run against this plugin (as built from the current sources, and from
 * an older commit for the "before" column) and against Flyway's own Maven plugin, on the same machine and database
 * server: bad scripts and locations, histories that are not what a tool expects, failures that must be blamed on
 * their cause, concurrent runs, killed runs and lost locks. Each attack runs in a project and a scratch database of
 * its own, through real Maven processes, and is judged mechanically:
 *
 * <ul>
 *   <li><b>clear</b> — it failed, with a message that names what the attack broke (the patterns of the case), or it
 *       did the right thing (applied what is a valid migration, kept the history consistent);</li>
 *   <li><b>wrong</b> — it failed with a message that misses the cause or blames something else, warned but went on,
 *       or showed a password;</li>
 *   <li><b>silent</b> — it succeeded as if nothing were wrong, left the database inconsistent without a word, or
 *       hung.</li>
 * </ul>
 *
 * <p>Not a test and not in {@code make test}: it takes half an hour or more. How to run it is in docs/reliability.md.
 * Arguments: the report to write (markdown), and a work directory. System properties: {@code attacks.tools}
 * (label=repository pairs, e.g. {@code after=target/it-repository,before=/tmp/main-it-repository,flyway=/tmp/m2};
 * a label starting with {@code flyway} runs Flyway's plugin), {@code attacks.only} (the attacks to run: substrings of
 * their group and name, separated by {@code |}), {@code attacks.rounds} (rounds of the concurrency and kill attacks), {@code attacks.lanes} (attacks run
 * at once besides the concurrency, kill and lock-loss attacks, which run one at a time in a lane of their own; 2 by
 * default), {@code attacks.timeout} (seconds one Maven run may take, 300 by default).
 */
public final class Attacks {

    enum Verdict { CLEAR, WRONG, SILENT }

    record Judgement(Verdict verdict, String note) {

        static Judgement clear(String note) {
            return new Judgement(Verdict.CLEAR, note);
        }

        static Judgement wrong(String note) {
            return new Judgement(Verdict.WRONG, note);
        }

        static Judgement silent(String note) {
            return new Judgement(Verdict.SILENT, note);
        }
    }

    @FunctionalInterface
    interface Body {
        Judgement run(AttackRun run) throws Exception;
    }

    /** One kind of attack: its category, what it does, which tools it applies to, and how it is run and judged. */
    record Attack(String category, String name, boolean onFlyway, boolean onOurs, Body body) {
    }

    private static final String SECRET = "Sx9";

    private final List<Tool> tools;
    private final Path work;
    private final int rounds;
    private final Map<String, Map<String, Judgement>> results = new LinkedHashMap<>();
    private final List<String> messages = new ArrayList<>();
    private Duration elapsed = Duration.ZERO;

    private Attacks(List<Tool> tools, Path work, int rounds) {
        this.tools = tools;
        this.work = work;
        this.rounds = rounds;
    }

    public static void main(String[] args) throws Exception {
        Path report = Path.of(args.length > 0 ? args[0] : "target/attacks/attacks.md").toAbsolutePath();
        Path work = Files.createDirectories(Path.of(args.length > 1 ? args[1] : "target/attacks").toAbsolutePath());
        List<Tool> tools = new ArrayList<>();
        for (String pair : System.getProperty("attacks.tools", "after=target/it-repository").split(",")) {
            String[] parts = pair.split("=", 2);
            tools.add(new Tool(parts[0], parts[0].startsWith("flyway"), Path.of(parts[1]).toAbsolutePath()));
        }
        Attacks attacks = new Attacks(tools, work, Integer.parseInt(System.getProperty("attacks.rounds",
                "5")));
        attacks.runAll(System.getProperty("attacks.only", ""), Integer.parseInt(System.getProperty("attacks.lanes",
                "2")));
        attacks.write(report);
    }

    /**
     * Runs the attacks whose name contains {@code only}, on {@code lanes} threads at once (each attack has its own
     * project and database, so they are independent), and beside them, one at a time, those that race or kill
     * processes, after one warm-up run per tool that resolves what the tool
     * needs; the attacks' Maven runs are offline.
     */
    private void runAll(String only, int lanes) throws Exception {
        Instant started = Instant.now();
        for (Tool tool : tools) {
            warmUp(tool);
        }
        List<Attack> catalogue = AttackCatalog.all(rounds);
        Map<Integer, Map<String, Future<Judgement>>> pending = new TreeMap<>();
        // the attacks that time processes against each other run one after another, beside the other lanes
        ExecutorService heavy = Executors.newSingleThreadExecutor();
        ExecutorService executor = Executors.newFixedThreadPool(lanes);
        try {
            for (int index = 0; index < catalogue.size(); index++) {
                Attack attack = catalogue.get(index);
                String named = (attack.category() + ": " + attack.name()).toLowerCase(Locale.ROOT);
                if (java.util.Arrays.stream(only.toLowerCase(Locale.ROOT).split("\\|"))
                        .noneMatch(named::contains)) {
                    continue;
                }
                int number = index + 1;
                Map<String, Future<Judgement>> row = new LinkedHashMap<>();
                for (Tool tool : tools) {
                    if (tool.flyway() ? !attack.onFlyway() : !attack.onOurs()) {
                        continue;
                    }
                    row.put(tool.label(), (AttackCatalog.TIMED.contains(attack.category()) ? heavy : executor)
                            .submit(() -> {
                        Instant begun = Instant.now();
                        Judgement judgement = runOne(attack, tool, number);
                        System.out.printf(Locale.ROOT, "[%d s, %d s] %-8s %-7s %s — %s%n",
                                Duration.between(started, Instant.now()).toSeconds(),
                                Duration.between(begun, Instant.now()).toSeconds(), tool.label(),
                                judgement.verdict().name().toLowerCase(Locale.ROOT), attack.name(), judgement.note());
                        return judgement;
                    }));
                }
                pending.put(number, row);
            }
            for (var entry : pending.entrySet()) {
                Attack attack = catalogue.get(entry.getKey() - 1);
                Map<String, Judgement> row = new LinkedHashMap<>();
                for (var cell : entry.getValue().entrySet()) {
                    row.put(cell.getKey(), cell.getValue().get());
                }
                results.put(attack.category() + "\u0000" + attack.name(), row);
            }
        } finally {
            executor.shutdownNow();
            heavy.shutdownNow();
        }
        elapsed = Duration.between(started, Instant.now());
    }

    /** One run of the tool with network access, so that the attacks' offline runs find what it needs. */
    private void warmUp(Tool tool) throws Exception {
        try (ScratchDatabase database = TestDatabaseServer.get().createScratch("attack")) {
            Path project = work.resolve(tool.label()).resolve("warm-up");
            deleteRecursively(project);
            AttackRun run = new AttackRun(tool, project, database, false);
            Outcome outcome = run.twoMigrations().migrate();
            if (outcome.failed()) {
                throw new IllegalStateException("The warm-up run of " + tool.label() + " failed:\n"
                        + outcome.output());
            }
        }
    }

    private Judgement runOne(Attack attack, Tool tool, int number) {
        Path project = work.resolve(tool.label()).resolve(String.format(Locale.ROOT, "%03d", number));
        try (ScratchDatabase database = TestDatabaseServer.get().createScratch("attack")) {
            deleteRecursively(project);
            AttackRun run = new AttackRun(tool, project, database, true);
            Judgement judgement = attack.body().run(run);
            if (judgement.note() != null && (judgement.note().contains(database.password())
                    || judgement.note().contains(run.password()) || judgement.note().contains(SECRET))) {
                judgement = Judgement.wrong("showed the password");
            }
            synchronized (messages) {
                messages.add("| " + attack.name() + " | " + tool.label() + " | " + judgement.verdict().name()
                        .toLowerCase(Locale.ROOT) + " | " + escape(judgement.note()) + " |");
            }
            return judgement;
        } catch (Exception | AssertionError e) {
            return Judgement.wrong("the attack itself failed: " + e);
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (var files = Files.walk(directory)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    private void write(Path report) throws IOException {
        StringBuilder text = new StringBuilder();
        text.append("Run ").append(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)).append(" on ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores; ").append(rounds)
                .append(" rounds; took ").append(elapsed.toMinutes()).append(" min ").append(elapsed.toSecondsPart())
                .append(" s; load average at the end ").append(loadAverage()).append("; tools: ");
        tools.forEach(tool -> text.append(tool.label()).append(' '));
        text.append("\n\n");
        String category = null;
        for (var entry : results.entrySet()) {
            String[] key = entry.getKey().split("\u0000");
            if (!key[0].equals(category)) {
                category = key[0];
                text.append("\n### ").append(category).append("\n\n| attack |");
                tools.forEach(tool -> text.append(' ').append(tool.label()).append(" |"));
                text.append("\n|---|");
                tools.forEach(tool -> text.append("---|"));
                text.append('\n');
            }
            text.append("| ").append(key[1]).append(" |");
            for (Tool tool : tools) {
                Judgement judgement = entry.getValue().get(tool.label());
                text.append(' ').append(judgement == null ? "n/a" : judgement.verdict().name().toLowerCase(Locale.ROOT)
                        + (judgement.verdict() == Verdict.CLEAR || judgement.note() == null ? ""
                        : ": " + escape(abbreviate(judgement.note())))).append(" |");
            }
            text.append('\n');
        }
        text.append("\n### Totals by group\n\nclear / wrong / silent, n/a where the attack does not apply to the tool"
                + "\n\n| group | kinds |");
        tools.forEach(tool -> text.append(' ').append(tool.label()).append(" |"));
        text.append("\n|---|---|");
        tools.forEach(tool -> text.append("---|"));
        text.append('\n');
        Map<String, List<Map<String, Judgement>>> groups = new LinkedHashMap<>();
        results.forEach((key, row) -> groups.computeIfAbsent(key.split("\u0000")[0], group -> new ArrayList<>())
                .add(row));
        groups.put("Total", new ArrayList<>(results.values()));
        groups.forEach((group, rows) -> {
            text.append("| ").append(group).append(" | ").append(rows.size()).append(" |");
            for (Tool tool : tools) {
                int[] counts = new int[4];
                rows.forEach(row -> {
                    Judgement judgement = row.get(tool.label());
                    counts[judgement == null ? 3 : judgement.verdict().ordinal()]++;
                });
                text.append(' ').append(counts[0]).append(" / ").append(counts[1]).append(" / ").append(counts[2])
                        .append(counts[3] > 0 ? ", n/a " + counts[3] : "").append(" |");
            }
            text.append('\n');
        });
        Files.createDirectories(report.getParent());
        Files.writeString(report, text.toString(), StandardCharsets.UTF_8);
        Files.writeString(report.resolveSibling("attack-messages.md"), "| attack | tool | verdict | what it said |\n"
                + "|---|---|---|---|\n" + String.join("\n", messages) + "\n", StandardCharsets.UTF_8);
        System.out.println(text);
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String abbreviate(String note) {
        return note.length() <= 160 ? note : note.substring(0, 157) + "...";
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }

    // ---- judging ----

    /** Compiled case-insensitive patterns. */
    static List<Pattern> patterns(String... regexes) {
        return java.util.Arrays.stream(regexes).map(regex -> Pattern.compile(regex, Pattern.CASE_INSENSITIVE))
                .toList();
    }

    /**
     * The attack must make the goal fail with a message matching every one of {@code all} and none of
     * {@code none}. A run that succeeds is silent, unless it warned about the cause (then it is wrong).
     */
    static Judgement failsNaming(AttackRun run, Outcome outcome, List<Pattern> all, List<Pattern> none) {
        if (outcome.output().contains(run.password()) || outcome.output().contains(SECRET)) {
            return Judgement.wrong("showed the password");
        }
        if (outcome.hung()) {
            return Judgement.silent("hung (killed after " + AttackRun.TIMEOUT.toSeconds() + " s)");
        }
        if (!outcome.failed()) {
            String warnings = String.join(" ", outcome.output().lines().filter(line -> line.startsWith("[WARNING]"))
                    .toList());
            return all.stream().anyMatch(pattern -> pattern.matcher(warnings).find())
                    ? Judgement.wrong("warned, then succeeded: " + warnings)
                    : Judgement.silent("succeeded: " + lastInfo(outcome));
        }
        String message = outcome.failureMessage();
        boolean names = all.stream().allMatch(pattern -> pattern.matcher(message).find());
        boolean blamesOther = none.stream().anyMatch(pattern -> pattern.matcher(message).find());
        return names && !blamesOther ? Judgement.clear(message) : Judgement.wrong(message);
    }

    static Judgement failsNaming(AttackRun run, Outcome outcome, String... all) {
        return failsNaming(run, outcome, patterns(all), List.of());
    }

    /** The attack is a valid migration after all: applying it is right, and so is a clear refusal. */
    static Judgement appliesOrFailsNaming(AttackRun run, Outcome outcome, String version, String... all) {
        if (!outcome.failed() && run.history().contains(version)) {
            return Judgement.clear("applied " + version);
        }
        return failsNaming(run, outcome, all);
    }

    /** The goal must succeed and leave exactly this history. */
    static Judgement succeedsWith(AttackRun run, Outcome outcome, List<String> history) {
        if (outcome.hung()) {
            return Judgement.silent("hung (killed after " + AttackRun.TIMEOUT.toSeconds() + " s)");
        }
        if (outcome.failed()) {
            return Judgement.wrong("failed: " + outcome.failureMessage());
        }
        List<String> actual = run.history();
        return actual.equals(history) ? Judgement.clear("history " + actual)
                : Judgement.silent("succeeded, history " + actual + " instead of " + history);
    }

    /** A connection form that must work: the goal succeeds, applies V1 and V2, and never shows the password. */
    static Judgement connects(AttackRun run, Outcome outcome) {
        if (outcome.output().contains(run.password()) || outcome.output().contains(SECRET)) {
            return Judgement.wrong("showed the password");
        }
        return succeedsWith(run, outcome, List.of("1", "2"));
    }

    /** Either outcome is right: the goal succeeds leaving exactly {@code history}, or it fails naming the cause. */
    static Judgement succeedsOrFailsNaming(AttackRun run, Outcome outcome, List<String> history, String... all) {
        return outcome.failed() ? failsNaming(run, outcome, all) : succeedsWith(run, outcome, history);
    }

    private static String lastInfo(Outcome outcome) {
        List<String> lines = outcome.output().lines().filter(line -> line.startsWith("[INFO]")
                && !line.contains("BUILD") && !line.contains("-----") && !line.contains("Total time")
                && !line.contains("Finished at")).toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1).substring("[INFO] ".length());
    }

    /** A role that may connect and read the schema, but not create in it. Dropped by {@link #dropRole}. */
    static String[] readOnlyRole(AttackRun run) throws Exception {
        String role = "assistant_test_attack_ro_" + Long.toString(System.nanoTime(), 36);
        String password = "Pw" + Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36);
        try (Connection admin = TestDatabaseServer.get().connectAdmin(); Statement statement = admin.createStatement()) {
            statement.execute("CREATE ROLE " + role + " LOGIN PASSWORD '" + password + "'");
        }
        run.sql("GRANT USAGE ON SCHEMA public TO " + role);
        return new String[] {role, password};
    }

    static void dropRole(AttackRun run, String role) throws Exception {
        run.sql("DO $$ BEGIN EXECUTE 'REVOKE ALL ON ALL TABLES IN SCHEMA public FROM " + role + "';"
                + " EXECUTE 'REVOKE USAGE ON SCHEMA public FROM " + role + "'; END $$");
        try (Connection admin = TestDatabaseServer.get().connectAdmin(); Statement statement = admin.createStatement()) {
            statement.execute("DROP ROLE IF EXISTS " + role);
        }
    }

    static Duration seconds(long seconds) {
        return Duration.ofSeconds(seconds);
    }
}
