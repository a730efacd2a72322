package dev.assistant.migrate.bench;

import static dev.assistant.migrate.bench.Attacks.appliesOrFailsNaming;
import static dev.assistant.migrate.bench.Attacks.failsNaming;
import static dev.assistant.migrate.bench.Attacks.patterns;
import static dev.assistant.migrate.bench.Attacks.succeedsWith;

import dev.assistant.db.testing.TestDatabaseServer;
import dev.assistant.migrate.bench.Attacks.Attack;
import dev.assistant.migrate.bench.Attacks.Body;
import dev.assistant.migrate.bench.Attacks.Judgement;
import dev.assistant.migrate.bench.AttackRun.Outcome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import org.flywaydb.core.Flyway;

/** The attacks, by category. Each starts from V1 and V2 (with undo scripts) in a fresh project and database. */
final class AttackCatalog {

    static final String SCRIPTS = "Scripts the tool cannot apply as they are";
    static final String LOCATIONS = "Locations";
    static final String HISTORY = "Histories and databases not as expected";
    static final String BLAME = "Failures blamed on their cause";
    static final String SETTINGS = "Connection settings and parameters (where Flyway's plugin has the same)";
    static final String CONCURRENCY = "Concurrent runs";
    static final String LOCK_LOSS = "Lock loss";
    static final String KILLS = "Killed runs";

    /** The groups whose attacks race or kill Maven processes: they run one at a time. */
    static final java.util.Set<String> TIMED = java.util.Set.of(CONCURRENCY, LOCK_LOSS, KILLS);

    static final boolean BOTH = true;
    static final boolean OURS_ONLY = false;

    private AttackCatalog() {
    }

    static Attack attack(String category, String name, boolean onFlyway, Body body) {
        return new Attack(category, name, onFlyway, true, body);
    }

    /** V1 applied, V2 pending, and one more script named {@code name}: migrate must refuse it, naming it. */
    static Attack thirdScript(String name, String file, byte[] content, String... patterns) {
        return attack(SCRIPTS, name, BOTH, run -> {
            run.twoMigrations().applyUpTo("1");
            run.script(file, content);
            return failsNaming(run, run.migrate(), patterns);
        });
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static List<Attack> all(int rounds) {
        List<Attack> attacks = new ArrayList<>();
        attacks.addAll(concurrency(rounds));
        attacks.addAll(lockLoss());
        attacks.addAll(kills(rounds));
        attacks.addAll(scripts());
        attacks.addAll(locations());
        attacks.addAll(histories());
        attacks.addAll(blame());
        attacks.addAll(settings());
        attacks.addAll(InputAttacks.all());
        attacks.addAll(StateAttacks.all());
        Map<String, List<Attack>> byCategory = new LinkedHashMap<>();
        attacks.forEach(attack -> byCategory.computeIfAbsent(attack.category(), category -> new ArrayList<>())
                .add(attack));
        return byCategory.values().stream().flatMap(List::stream).toList();
    }

    private static List<Attack> scripts() {
        String table = "CREATE TABLE third (id integer PRIMARY KEY);\n";
        return List.of(
                thirdScript("V__x.sql: no version", "V__third.sql", utf8(table), "V__third\\.sql"),
                attack(SCRIPTS, "V3__.sql: no description", BOTH, run -> {
                    run.twoMigrations().applyUpTo("1");
                    run.script("V3__.sql", table);
                    return appliesOrFailsNaming(run, run.migrate(), "3", "V3__\\.sql");
                }),
                thirdScript("v3__x.sql: lower-case prefix", "v3__third.sql", utf8(table), "v3__third\\.sql"),
                thirdScript("V3__x.SQL: upper-case suffix", "V3__third.SQL", utf8(table), "V3__third\\.SQL"),
                thirdScript("V3_x.sql: one underscore", "V3_third.sql", utf8(table), "V3_third\\.sql"),
                thirdScript("V3-x.sql: a dash for the underscores", "V3-third.sql", utf8(table), "V3-third\\.sql"),
                attack(SCRIPTS, "V3__x.sql is a link to a file that does not exist", BOTH, run -> {
                    run.twoMigrations().applyUpTo("1");
                    Files.createSymbolicLink(run.migrations().resolve("V3__third.sql"), Path.of("V3__moved.sql"));
                    return failsNaming(run, run.migrate(), "V3__third\\.sql");
                }),
                attack(SCRIPTS, "V3__x.sql is a named pipe", BOTH, run -> {
                    run.twoMigrations().applyUpTo("1");
                    new ProcessBuilder("mkfifo", run.migrations().resolve("V3__third.sql").toString()).start()
                            .waitFor();
                    return failsNaming(run, run.migrate(), "V3__third\\.sql");
                }),
                thirdScript("a NUL byte in a script", "V3__third.sql", utf8(table + "SELECT 'a\u0000b';\n"),
                        "V3__third\\.sql", "NUL|0x00|zero|\\\\u0000"),
                thirdScript("a script saved as UTF-16", "V3__third.sql", utf16(table), "V3__third\\.sql"),
                thirdScript("a Latin-1 byte in a script", "V3__third.sql",
                        new byte[] {'S', 'E', 'L', 'E', 'C', 'T', ' ', '\'', (byte) 0xE9, '\'', ';', '\n'},
                        "V3__third\\.sql"),
                attack(SCRIPTS, "two scripts with version 2", BOTH, run -> {
                    run.twoMigrations().applyUpTo("1");
                    run.script("V2__again.sql", table);
                    return failsNaming(run, run.migrate(), "V2__again\\.sql", "V2__second\\.sql");
                }),
                thirdScript("an undefined placeholder ${missing}", "V3__third.sql",
                        utf8("CREATE TABLE third (id integer DEFAULT ${missing});\n"), "V3__third\\.sql", "missing"),
                attack(SCRIPTS, "Flyway's built-in placeholder ${flyway:defaultSchema}", BOTH, run -> {
                    run.twoMigrations().applyUpTo("1");
                    run.script("V3__third.sql", "CREATE TABLE ${flyway:defaultSchema}.third (id int);\n");
                    return succeedsWith(run, run.migrate(), List.of("1", "2", "3"));
                }),
                attack(SCRIPTS, "CREATE INDEX CONCURRENTLY alone in a migration", BOTH, run -> {
                    run.twoMigrations().applyUpTo("1");
                    run.script("V3__third.sql", "CREATE INDEX CONCURRENTLY ix_second ON second (id);\n");
                    return succeedsWith(run, run.migrate(), List.of("1", "2", "3"));
                }),
                thirdScript("CREATE INDEX CONCURRENTLY mixed with other statements", "V3__third.sql",
                        utf8(table + "CREATE INDEX CONCURRENTLY ix_third ON third (id);\n"), "V3__third\\.sql",
                        "CONCURRENTLY|non-transactional|outside a transaction"),
                thirdScript("a syntax error on line 2", "V3__third.sql",
                        utf8("CREATE TABLE third (id int);\nCREATE TABEL oops (id int);\n"), "V3__third\\.sql",
                        "42601", "(:2\\b|Line\\s*:\\s*2\\b)"),
                attack(SCRIPTS, "a failing third statement (duplicate key): rolled back whole", BOTH, run -> {
                    run.twoMigrations().applyUpTo("2");
                    run.script("V3__third.sql", "ALTER TABLE first ADD COLUMN added int;\nINSERT INTO first VALUES"
                            + " (1, 0);\nINSERT INTO first VALUES (1, 0);\n");
                    Judgement judgement = failsNaming(run, run.migrate(), "V3__third\\.sql", "23505",
                            "(:3\\b|Line\\s*:\\s*3\\b)");
                    boolean rolledBack = run.rows("SELECT count(*) FROM first").equals(List.of("0"))
                            && run.history().equals(List.of("1", "2"));
                    return rolledBack ? judgement : Judgement.wrong("not rolled back: " + judgement.note());
                }));
    }

    private static byte[] utf16(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
        byte[] withMark = new byte[body.length + 2];
        withMark[0] = (byte) 0xFF;
        withMark[1] = (byte) 0xFE;
        System.arraycopy(body, 0, withMark, 2, body.length);
        return withMark;
    }

    /** V1 applied, and migrate pointed at {@code locations}: it must refuse, naming the location. */
    private static Attack location(String name, String locations, String pattern) {
        return attack(LOCATIONS, name, BOTH, run -> {
            run.twoMigrations().applyUpTo("1");
            return failsNaming(run, run.migrate(Map.of("locations", locations)), pattern);
        });
    }

    private static List<Attack> locations() {
        return List.of(
                location("a migrations directory that does not exist", "no/such/dir", "no/such/dir"),
                location("a classpath: location that does not exist", "classpath:db/nowhere", "db/nowhere"),
                location("a location that is a file", "pom.xml", "pom\\.xml"),
                location("an empty locations value", "", "locations"));
    }

    private static List<Attack> histories() {
        return List.of(
                attack(HISTORY, "a script changed after it was applied", BOTH, run -> {
                    run.twoMigrations().applyUpTo("2");
                    run.script("V1__first.sql", "CREATE TABLE first (id bigint PRIMARY KEY);\n");
                    return failsNaming(run, run.migrate(), "V1__first\\.sql|version 1\\b|migration 1\\b");
                }),
                attack(HISTORY, "an applied script deleted", BOTH, run -> {
                    run.twoMigrations().applyUpTo("2");
                    Files.delete(run.migrations().resolve("V1__first.sql"));
                    Files.delete(run.migrations().resolve("U1__first.sql"));
                    return failsNaming(run, run.migrate(), "V1\\b|locally: 1\\b");
                }),
                attack(HISTORY, "a pending script older than the newest applied one", BOTH, run -> {
                    run.twoMigrations().script("V3__third.sql", "CREATE TABLE third (id int);\n");
                    Files.move(run.migrations().resolve("V2__second.sql"), run.project().resolve("V2.later"));
                    run.applyUpTo("3");
                    Files.move(run.project().resolve("V2.later"), run.migrations().resolve("V2__second.sql"));
                    return failsNaming(run, run.migrate(), "V2__second\\.sql|database: 2\\b");
                }),
                attack(HISTORY, "a failure record left by a migration outside a transaction", BOTH, run -> {
                    run.twoMigrations().applyUpTo("1");
                    run.sql("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
                            + " checksum, installed_by, execution_time, success) VALUES (2, '2', 'second', 'SQL',"
                            + " 'V2__second.sql', 0, current_user, 1, false)");
                    return failsNaming(run, run.migrate(), "V2__second\\.sql|version 2\\b");
                }),
                attack(HISTORY, "a table named flyway_schema_history of another shape", BOTH, run -> {
                    run.twoMigrations();
                    run.sql("CREATE TABLE flyway_schema_history (id serial PRIMARY KEY, note text)");
                    return failsNaming(run, run.migrate(), patterns("flyway_schema_history", "installed_rank",
                            "rename|currentSchema|schema of their own"), List.of());
                }),
                attack(HISTORY, "tables in the schema but no history table", BOTH, run -> {
                    run.twoMigrations();
                    run.sql("CREATE TABLE legacy (id int)");
                    return failsNaming(run, run.migrate(), "flyway_schema_history|history table", "baseline");
                }),
                attack(HISTORY, "a history begun by Flyway's baseline()", BOTH, run -> {
                    run.twoMigrations();
                    run.sql("CREATE TABLE first (id integer PRIMARY KEY)");
                    Flyway.configure().dataSource(run.database().jdbcUrl(), run.database().user(),
                            run.database().password()).locations("filesystem:" + run.migrations()).load().baseline();
                    return succeedsWith(run, run.migrate(), List.of("1", "2"));
                }),
                attack(HISTORY, "downgrade over a history begun by Flyway's baseline()", OURS_ONLY, run -> {
                    run.twoMigrations();
                    run.sql("CREATE TABLE first (id integer PRIMARY KEY)");
                    Flyway.configure().dataSource(run.database().jdbcUrl(), run.database().user(),
                            run.database().password()).locations("filesystem:" + run.migrations()).load().baseline();
                    run.applyUpTo("2");
                    return succeedsWith(run, run.maven("downgrade", Map.of("target", "base")), List.of("1"));
                }),
                attack(HISTORY, "a repeatable migration changed after it was applied", BOTH, run -> {
                    run.twoMigrations().script("R__names.sql", "CREATE OR REPLACE VIEW names AS SELECT 1 AS n;\n");
                    run.applyUpTo("latest");
                    run.script("R__names.sql", "CREATE OR REPLACE VIEW names AS SELECT 2 AS n;\n");
                    Judgement judgement = succeedsWith(run, run.migrate(), List.of("1", "2", "R", "R"));
                    return judgement.verdict() == Attacks.Verdict.CLEAR && !run.rows("SELECT n FROM names")
                            .equals(List.of("2")) ? Judgement.silent("view not replaced") : judgement;
                }),
                attack(HISTORY, "an undo script with Flyway's built-in placeholder", OURS_ONLY, run -> {
                    run.twoMigrations().script("U2__second.sql", "DROP TABLE ${flyway:defaultSchema}.second;\n");
                    run.applyUpTo("2");
                    return succeedsWith(run, run.maven("downgrade", Map.of("target", "-1")), List.of("1"));
                }));
    }

    private static List<Attack> blame() {
        return List.of(
                attack(BLAME, "a user who may not create the history table, on an empty database", BOTH, run -> {
                    run.twoMigrations();
                    String[] role = Attacks.readOnlyRole(run);
                    try {
                        run.connectAs(role[0], role[1]);
                        return failsNaming(run, run.migrate(), patterns("42501|permission denied|privilege"),
                                patterns("Fix the script", "File: +:1"));
                    } finally {
                        Attacks.dropRole(run, role[0]);
                    }
                }),
                attack(BLAME, "a user who may not write the history", BOTH, run -> {
                    run.twoMigrations().applyUpTo("1");
                    String[] role = Attacks.readOnlyRole(run);
                    try {
                        run.connectAs(role[0], role[1]);
                        return failsNaming(run, run.migrate(), patterns("42501|permission denied|privilege"),
                                patterns("Fix the script"));
                    } finally {
                        Attacks.dropRole(run, role[0]);
                    }
                }),
                attack(BLAME, "a migration statement the user may not run (42501)", BOTH, run -> {
                    run.twoMigrations().applyUpTo("2");
                    run.script("V3__third.sql", "CREATE TABLE third (id int);\nSELECT pg_read_file('postgresql.conf');\n");
                    return failsNaming(run, run.migrate(), patterns("V3__third\\.sql", "42501"),
                            patterns("Fix the script"));
                }),
                attack(BLAME, "an undo statement the user may not run (42501)", OURS_ONLY, run -> {
                    run.twoMigrations().applyUpTo("2");
                    run.script("U2__second.sql", "DROP TABLE second;\nSELECT pg_read_file('postgresql.conf');\n");
                    return failsNaming(run, run.maven("downgrade", Map.of("target", "-1")),
                            patterns("U2__second\\.sql", "42501"), patterns("Fix U2"));
                }),
                attack(BLAME, "the connection lost during a migration (57P01)", BOTH, run -> {
                    run.twoMigrations().applyUpTo("1");
                    run.script("V3__third.sql", "CREATE TABLE third (id int);\nSELECT pg_sleep(30);\n");
                    Path log = run.project().resolve("migrate.log");
                    Process migrate = run.start("migrate", Map.of(), log);
                    int pid = run.awaitQuery("pg_sleep(30)", Duration.ofSeconds(90));
                    run.sql("SELECT pg_terminate_backend(" + pid + ")");
                    Outcome outcome = AttackRun.await(migrate, log);
                    Judgement judgement = failsNaming(run, outcome, patterns("57P01|terminat|connection"),
                            patterns("Fix the script"));
                    return run.tables().contains("third") ? Judgement.silent("third table kept") : judgement;
                }),
                attack(BLAME, "the connection lost during an undo (57P01)", OURS_ONLY, run -> {
                    run.twoMigrations().applyUpTo("2");
                    run.script("U2__second.sql", "DROP TABLE second;\nSELECT pg_sleep(30);\n");
                    Path log = run.project().resolve("downgrade.log");
                    Process downgrade = run.start("downgrade", Map.of("target", "-1"), log);
                    int pid = run.awaitQuery("pg_sleep(30)", Duration.ofSeconds(90));
                    run.sql("SELECT pg_terminate_backend(" + pid + ")");
                    return failsNaming(run, AttackRun.await(downgrade, log), patterns("57P01|connection"),
                            patterns("Fix U2"));
                }));
    }

    private static List<Attack> settings() {
        return List.of(
                attack(SETTINGS, "wrong password", BOTH, run -> {
                    run.twoMigrations();
                    run.connectAs(run.database().user(), "Wr0ngPw");
                    return failsNaming(run, run.migrate(), "28P01|password");
                }),
                attack(SETTINGS, "unknown host", BOTH, run -> {
                    run.twoMigrations();
                    return failsNaming(run, run.migrate(Map.of("url", "jdbc:postgresql://no-such-host.invalid:5432/db"
                            + "?user=u&password=" + "Sx9" + "bad")), "no-such-host\\.invalid");
                }),
                attack(SETTINGS, "nothing listening at the port", BOTH, run -> {
                    run.twoMigrations();
                    return failsNaming(run, run.migrate(Map.of("url", "jdbc:postgresql://localhost:1/db?user=u"
                            + "&password=Sx9bad")), "localhost:1\\b|port 1\\b|refused");
                }),
                attack(SETTINGS, "a database that does not exist", BOTH, run -> {
                    run.twoMigrations();
                    String url = run.database().jdbcUrl();
                    return failsNaming(run, run.migrate(Map.of("url", url.substring(0, url.lastIndexOf('/'))
                            + "/no_such_database?user=" + run.database().user() + "&password="
                            + run.database().password())), "no_such_database");
                }),
                attack(SETTINGS, "a JDBC URL with the password in its query and a bad port", BOTH, run -> {
                    run.twoMigrations();
                    return failsNaming(run, run.migrate(Map.of("url",
                            "jdbc:postgresql://localhost:54x2/db?user=u&password=Sx9@ss:w/rd%40#")), "port|54x2");
                }),
                attack(SETTINGS, "a JDBC URL with the password in its query and an unknown host", BOTH, run -> {
                    run.twoMigrations();
                    return failsNaming(run, run.migrate(Map.of("url",
                            "jdbc:postgresql://no-such-host.invalid/db?password=Sx9@ss:w/rd%40#&user=u")),
                            "no-such-host\\.invalid");
                }),
                attack(SETTINGS, "target abc", BOTH, run -> {
                    run.twoMigrations();
                    return failsNaming(run, run.migrate(Map.of("target", "abc")), "abc");
                }),
                attack(SETTINGS, "target above the newest migration", BOTH, run -> {
                    run.twoMigrations();
                    return failsNaming(run, run.migrate(Map.of("target", "99")), "99");
                }),
                attack(SETTINGS, "lock wait (timeout / retry count) abc", BOTH, run -> {
                    run.twoMigrations();
                    return failsNaming(run, run.migrate(Map.of("lockSeconds", "abc")), "lockTimeout|lockRetryCount",
                            "abc");
                }));
    }

    private static List<Attack> concurrency(int rounds) {
        return List.of(
                attack(CONCURRENCY, "8 migrate runs at once over 20 migrations, " + rounds + " rounds", BOTH, run -> {
                    twentyMigrations(run, 0);
                    int failures = 0;
                    List<String> notes = new ArrayList<>();
                    for (int round = 1; round <= rounds; round++) {
                        run.sql("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
                        List<Process> processes = new ArrayList<>();
                        List<Path> logs = new ArrayList<>();
                        for (int i = 0; i < 8; i++) {
                            Path log = run.project().resolve("round-" + round + "-" + i + ".log");
                            logs.add(log);
                            processes.add(run.start("migrate", Map.of("lockSeconds", "300"), log));
                        }
                        for (int i = 0; i < processes.size(); i++) {
                            Outcome outcome = AttackRun.await(processes.get(i), logs.get(i));
                            if (outcome.failed()) {
                                failures++;
                                notes.add(outcome.hung() ? "hung" : outcome.failureMessage());
                            }
                        }
                        List<String> history = run.history();
                        if (!history.equals(versions(20)) || !run.tables().equals(tables(20))) {
                            return Judgement.silent("round " + round + ": history " + history);
                        }
                    }
                    return failures == 0 ? Judgement.clear(8 * rounds + " runs, each migration applied once")
                            : Judgement.wrong(failures + " of " + 8 * rounds + " runs failed: " + notes.get(0));
                }),
                attack(CONCURRENCY, "a downgrade racing a migrate, " + rounds + " rounds", OURS_ONLY, run -> {
                    twentyMigrations(run, 0);
                    int downgradeFirst = 0;
                    for (int round = 1; round <= rounds; round++) {
                        run.sql("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
                        run.applyUpTo("15");
                        Path migrateLog = run.project().resolve("migrate-" + round + ".log");
                        Path downgradeLog = run.project().resolve("downgrade-" + round + ".log");
                        Process migrate = run.start("migrate", Map.of("lockSeconds", "300"), migrateLog);
                        Process downgrade = run.start("downgrade", Map.of("target", "-5", "lockSeconds", "300"),
                                downgradeLog);
                        Outcome migrated = AttackRun.await(migrate, migrateLog);
                        Outcome downgraded = AttackRun.await(downgrade, downgradeLog);
                        if (migrated.failed() || downgraded.failed()) {
                            return Judgement.wrong("round " + round + ": " + (migrated.failed()
                                    ? migrated.failureMessage() : downgraded.failureMessage()));
                        }
                        List<String> history = run.history();
                        if (!history.equals(versions(history.size())) || !run.tables().equals(tables(history.size()))
                                || (history.size() != 15 && history.size() != 20)) {
                            return Judgement.silent("round " + round + ": history " + history);
                        }
                        // migrate first: 20, then the downgrade leaves 15; downgrade first: 10, then migrate 20
                        downgradeFirst += history.size() == 20 ? 1 : 0;
                    }
                    return Judgement.clear(2 * rounds + " runs, history contiguous after every round; the downgrade"
                            + " went first in " + downgradeFirst + " of " + rounds + " rounds");
                }),
                attack(CONCURRENCY, "a run waiting past its lock timeout for another session", BOTH, run -> {
                    run.twoMigrations();
                    run.applyUpTo("1");
                    try (Connection holder = run.database().connect(); Statement statement = holder.createStatement()) {
                        statement.execute("SET application_name = 'nightly-job'");
                        statement.execute("SELECT pg_advisory_lock(" + ourKey() + "), pg_advisory_lock("
                                + flywayKey() + ")");
                        int pid = holder.unwrap(org.postgresql.PGConnection.class).getBackendPID();
                        return failsNaming(run, run.migrate(Map.of("lockSeconds", "2")), "pid " + pid + "\\b");
                    }
                }));
    }

    /** The lock keys of the history table public.flyway_schema_history: this engine's and Flyway's. */
    static long ourKey() {
        return (0x61736d67L << 32) | (("public.flyway_schema_history").hashCode() & 0xffffffffL);
    }

    static long flywayKey() {
        return 0x466c79776179L + "\"public\".\"flyway_schema_history\"".hashCode();
    }

    private static void twentyMigrations(AttackRun run, double sleepSeconds) {
        for (int i = 1; i <= 20; i++) {
            run.script("V" + i + "__t" + i + ".sql", "CREATE TABLE t" + i + " (id integer PRIMARY KEY);\nINSERT INTO t"
                    + i + " VALUES (" + i + ");\n" + (sleepSeconds > 0 ? "SELECT pg_sleep(" + sleepSeconds + ");\n"
                    : ""));
            run.script("U" + i + "__t" + i + ".sql", "DROP TABLE t" + i + ";\n");
        }
    }

    private static List<String> versions(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(String::valueOf).toList();
    }

    private static List<String> tables(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> "t" + i).sorted().toList();
    }

    /** After the attack: every version applied once, in order from 1, each with its table and no other table. */
    private static boolean contiguous(AttackRun run) {
        List<String> history = run.history();
        return history.equals(versions(history.size())) && run.tables().equals(tables(history.size()));
    }

    private static List<Attack> lockLoss() {
        return List.of(
                attack(LOCK_LOSS, "the lock holder's session ended while a downgrade waits", OURS_ONLY,
                        run -> lockLost(run, null, "downgrade", Map.of("target", "-1", "lockSeconds", "300"))),
                attack(LOCK_LOSS, "the lock holder's session ended while a second migrate waits", BOTH,
                        run -> lockLost(run, null, "migrate", Map.of("lockSeconds", "300"))),
                attack(LOCK_LOSS, "idle_session_timeout = 1s on the database, a downgrade waiting", OURS_ONLY,
                        run -> lockLost(run, "idle_session_timeout", "downgrade",
                                Map.of("target", "-1", "lockSeconds", "300"))),
                attack(LOCK_LOSS, "idle_session_timeout = 1s on the database, a second migrate waiting", BOTH,
                        run -> lockLost(run, "idle_session_timeout", "migrate", Map.of("lockSeconds", "300"))),
                attack(LOCK_LOSS, "idle_in_transaction_session_timeout = 1s on the database", BOTH, run -> {
                    threeSlow(run);
                    setOnDatabase(run, "idle_in_transaction_session_timeout", "'1s'");
                    return succeedsWith(run, run.migrate(), List.of("1", "2", "3"));
                }),
                attack(LOCK_LOSS, "a migration that runs pg_advisory_unlock_all()", BOTH, run -> {
                    run.twoMigrations().applyUpTo("1");
                    run.script("V3__third.sql", "CREATE TABLE third (id int);\nSELECT pg_advisory_unlock_all();\n");
                    Outcome outcome = run.migrate();
                    if (!outcome.failed()) {
                        return Judgement.clear("applied; the lock was not on the migration's session");
                    }
                    return run.history().equals(List.of("1", "2")) && !run.tables().contains("third")
                            ? failsNaming(run, outcome, "lock")
                            : Judgement.wrong("history " + run.history() + ": " + outcome.failureMessage());
                }));
    }

    /**
     * A migrate inside its slow V2 while a second goal waits for the lock; then the lock's session is ended by an
     * administrator ({@code timeout} null) or may be ended by a one-second {@code timeout} setting of the database.
     */
    private static Judgement lockLost(AttackRun run, String timeout, String secondGoal, Map<String, String> options)
            throws Exception {
        threeSlow(run);
        if (timeout != null) {
            setOnDatabase(run, timeout, "'1s'");
        }
        Path firstLog = run.project().resolve("first.log");
        Path secondLog = run.project().resolve("second.log");
        Process first = run.start("migrate", Map.of(), firstLog);
        run.awaitQuery("pg_sleep(6)", Duration.ofSeconds(90));
        Process second = run.start(secondGoal, options, secondLog);
        if (timeout == null) {
            Thread.sleep(8_000);
            terminateLockHolders(run);
        }
        return afterLockLoss(run, AttackRun.await(first, firstLog), AttackRun.await(second, secondLog));
    }

    /** V1 applied; V2 creates t2 and sleeps 6 s; V3 creates t3. */
    private static void threeSlow(AttackRun run) {
        run.script("V1__t1.sql", "CREATE TABLE t1 (id int);\n").script("U1__t1.sql", "DROP TABLE t1;\n");
        run.applyUpTo("1");
        run.script("V2__t2.sql", "CREATE TABLE t2 (id int);\nSELECT pg_sleep(6);\n").script("U2__t2.sql",
                "DROP TABLE t2;\n").script("V3__t3.sql", "CREATE TABLE t3 (id int);\n").script("U3__t3.sql",
                "DROP TABLE t3;\n");
    }

    static void setOnDatabase(AttackRun run, String setting, String value) throws Exception {
        try (Connection admin = TestDatabaseServer.get().connectAdmin(); Statement statement = admin.createStatement()) {
            statement.execute("ALTER DATABASE \"" + run.database().name() + "\" SET " + setting + " = " + value);
        }
    }

    /** What an administrator does with a stuck run: end the sessions that hold an advisory lock here. */
    private static void terminateLockHolders(AttackRun run) {
        run.sql("SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted"
                + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
                + " AND pid <> pg_backend_pid()");
    }

    /** Either run may fail, saying why; the history must stay a contiguous prefix with a table for each version. */
    private static Judgement afterLockLoss(AttackRun run, Outcome first, Outcome second) {
        if (!contiguous(run)) {
            return first.failed() || second.failed()
                    ? Judgement.wrong("history " + run.history() + " with tables " + run.tables() + ": "
                    + (first.failed() ? first.failureMessage() : second.failureMessage()))
                    : Judgement.silent("both succeeded, history " + run.history() + " with tables " + run.tables());
        }
        if (first.hung() || second.hung()) {
            return Judgement.silent("hung");
        }
        return Judgement.clear("history " + run.history() + (first.failed() ? "; the first run: "
                + first.failureMessage() : "") + (second.failed() ? "; the second run: " + second.failureMessage()
                : ""));
    }

    private static List<Attack> kills(int rounds) {
        return List.of(
                attack(KILLS, "kill -9 at a random moment among 20 migrations, " + rounds + " rounds", BOTH, run -> {
                    twentyMigrations(run, 0.15);
                    for (int round = 1; round <= rounds; round++) {
                        run.sql("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
                        Path log = run.project().resolve("kill-" + round + ".log");
                        Process migrate = run.start("migrate", Map.of(), log);
                        run.awaitQuery("pg_sleep(0.15)", Duration.ofSeconds(90));
                        Thread.sleep(ThreadLocalRandom.current().nextLong(100, 2_500));
                        kill(migrate);
                        Thread.sleep(3_000);
                        if (!contiguous(run) || run.history().stream().anyMatch(v -> v.endsWith("!"))) {
                            return Judgement.silent("round " + round + ": after the kill, history " + run.history()
                                    + " and tables " + run.tables());
                        }
                        Outcome rerun = run.migrate();
                        if (rerun.failed() || !run.history().equals(versions(20))) {
                            return Judgement.wrong("round " + round + ": the rerun " + (rerun.failed()
                                    ? "failed: " + rerun.failureMessage() : "left " + run.history()));
                        }
                    }
                    return Judgement.clear(rounds + " kills, each a clean prefix, each rerun complete");
                }),
                attack(KILLS, "kill -9 while CREATE INDEX CONCURRENTLY waits", BOTH, run -> {
                    run.twoMigrations().applyUpTo("2");
                    run.script("V3__third.sql", "CREATE INDEX CONCURRENTLY ix_second ON second (id);\n");
                    Path log = run.project().resolve("migrate.log");
                    try (Connection blocker = run.database().connect(); Statement statement = blocker.createStatement()) {
                        blocker.setAutoCommit(false);
                        statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
                        statement.execute("SELECT count(*) FROM first");
                        Process migrate = run.start("migrate", Map.of(), log);
                        run.awaitQuery("CREATE INDEX CONCURRENTLY", Duration.ofSeconds(90));
                        Thread.sleep(1_000);
                        kill(migrate);
                        Thread.sleep(3_000);
                        blocker.commit();
                    }
                    Thread.sleep(2_000);
                    Outcome rerun = run.migrate();
                    if (!rerun.failed() && run.history().equals(List.of("1", "2", "3"))) {
                        return Judgement.clear("the rerun completed");
                    }
                    if (rerun.failed() && rerun.failureMessage().contains("stopped (killed, or its connection lost)"
                            + " while the index was being built")) {
                        return Judgement.clear("the rerun failed naming the index the killed run's server session"
                                + " finished, and the way out: " + rerun.failureMessage());
                    }
                    return rerun.failed() ? Judgement.wrong("the rerun failed: " + rerun.failureMessage())
                            : Judgement.silent("history " + run.history());
                }),
                attack(KILLS, "kill -9 during a downgrade", OURS_ONLY, run -> {
                    for (int i = 1; i <= 3; i++) {
                        run.script("V" + i + "__t" + i + ".sql", "CREATE TABLE t" + i + " (id int);\n")
                                .script("U" + i + "__t" + i + ".sql", "DROP TABLE t" + i + ";\nSELECT pg_sleep(1);\n");
                    }
                    run.applyUpTo("3");
                    Path log = run.project().resolve("downgrade.log");
                    Process downgrade = run.start("downgrade", Map.of("target", "base"), log);
                    run.awaitQuery("pg_sleep(1)", Duration.ofSeconds(90));
                    Thread.sleep(ThreadLocalRandom.current().nextLong(200, 1_500));
                    kill(downgrade);
                    Thread.sleep(3_000);
                    if (!contiguous(run)) {
                        return Judgement.silent("history " + run.history() + " and tables " + run.tables());
                    }
                    Outcome again = run.maven("downgrade", Map.of("target", "base"));
                    return !again.failed() && run.history().isEmpty() ? Judgement.clear("a clean prefix ("
                            + "then the rerun undid the rest)") : Judgement.wrong("the rerun: "
                            + again.failureMessage());
                }));
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
