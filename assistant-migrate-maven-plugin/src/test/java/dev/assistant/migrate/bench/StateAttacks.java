package dev.assistant.migrate.bench;

import static dev.assistant.migrate.bench.AttackCatalog.BLAME;
import static dev.assistant.migrate.bench.AttackCatalog.BOTH;
import static dev.assistant.migrate.bench.AttackCatalog.HISTORY;
import static dev.assistant.migrate.bench.AttackCatalog.OURS_ONLY;
import static dev.assistant.migrate.bench.AttackCatalog.attack;
import static dev.assistant.migrate.bench.AttackCatalog.setOnDatabase;
import static dev.assistant.migrate.bench.Attacks.failsNaming;
import static dev.assistant.migrate.bench.Attacks.patterns;
import static dev.assistant.migrate.bench.Attacks.succeedsOrFailsNaming;
import static dev.assistant.migrate.bench.Attacks.succeedsWith;

import dev.assistant.db.testing.TestDatabaseServer;
import dev.assistant.migrate.bench.Attacks.Attack;
import dev.assistant.migrate.bench.Attacks.Judgement;
import dev.assistant.migrate.bench.AttackRun.Outcome;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * Attacks on the state a tool finds: histories edited by hand, databases set up otherwise than expected, faults of
 * a downgrade, and migration locks held or limited by someone else.
 */
final class StateAttacks {

    static final String DATABASE = "Database state";
    static final String DOWNGRADE = "Downgrade faults";
    static final String LOCK_FAULTS = "Lock held or limited by the database";

    private StateAttacks() {
    }

    static List<Attack> all() {
        List<Attack> attacks = new java.util.ArrayList<>();
        attacks.addAll(histories());
        attacks.addAll(blame());
        attacks.addAll(database());
        attacks.addAll(downgrades());
        attacks.addAll(locks());
        return attacks;
    }

    private static void insertRow(AttackRun run, int rank, String version, String description, boolean success) {
        run.sql("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,"
                + " installed_by, execution_time, success) VALUES (" + rank + ", '" + version + "', '" + description
                + "', 'SQL', 'V" + version + "__" + description + ".sql', 0, current_user, 1, " + success + ")");
    }

    private static List<Attack> histories() {
        return List.of(
                attack(HISTORY, "the history row of an applied migration deleted", BOTH, run -> {
                    run.twoMigrations().applyUpTo("2");
                    run.sql("DELETE FROM flyway_schema_history WHERE version = '1'");
                    return failsNaming(run, run.migrate(), "V1__first\\.sql|version 1\\b|database: 1\\b");
                }),
                attack(HISTORY, "a checksum edited in the history", BOTH, run -> {
                    run.twoMigrations().applyUpTo("2");
                    run.sql("UPDATE flyway_schema_history SET checksum = 12345 WHERE version = '2'");
                    return failsNaming(run, run.migrate(), "V2__second\\.sql|version 2\\b");
                }),
                attack(HISTORY, "a description edited in the history", BOTH, run -> {
                    run.twoMigrations().applyUpTo("2");
                    run.sql("UPDATE flyway_schema_history SET description = 'renamed' WHERE version = '1'");
                    return failsNaming(run, run.migrate(), "V1__first\\.sql|version 1\\b", "description|renamed");
                }),
                attack(HISTORY, "an applied transactional migration marked failed (success = false)", BOTH, run -> {
                    run.twoMigrations().applyUpTo("2");
                    run.sql("UPDATE flyway_schema_history SET success = false WHERE version = '2'");
                    return failsNaming(run, run.migrate(), "V2__second\\.sql|version 2\\b");
                }),
                attack(HISTORY, "a history row with a version newer than every script", BOTH, run -> {
                    run.twoMigrations().applyUpTo("2");
                    insertRow(run, 3, "9", "future", true);
                    Outcome outcome = run.migrate();
                    if (outcome.failed()) {
                        return failsNaming(run, outcome, "\\b9\\b");
                    }
                    // nothing to apply: going on is right (a rolled-back deploy runs an older build), if it says so
                    List<String> warnings = outcome.output().lines().filter(line -> line.startsWith("[WARNING]")
                            && line.matches(".*(\\bV|\\b)9\\b.*")).toList();
                    return !warnings.isEmpty() && run.history().equals(List.of("1", "2", "9"))
                            ? Judgement.clear("warned: " + warnings.get(0))
                            : Judgement.silent("succeeded without a word about version 9, history " + run.history());
                }),
                attack(HISTORY, "the same version recorded twice", BOTH, run -> {
                    run.twoMigrations().applyUpTo("2");
                    insertRow(run, 3, "1", "first", true);
                    run.sql("UPDATE flyway_schema_history SET checksum = (SELECT checksum FROM flyway_schema_history"
                            + " WHERE installed_rank = 1) WHERE installed_rank = 3");
                    return failsNaming(run, run.migrate(), "V1__first\\.sql|version 1\\b|\\b1\\b.*(twice|more than)");
                }),
                attack(HISTORY, "two history rows with the same installed_rank", BOTH, run -> {
                    run.twoMigrations().applyUpTo("2");
                    run.script("V3__third.sql", "CREATE TABLE third (id int);\n");
                    run.sql("ALTER TABLE flyway_schema_history DROP CONSTRAINT flyway_schema_history_pk;"
                            + " UPDATE flyway_schema_history SET installed_rank = 1");
                    return failsNaming(run, run.migrate(), "installed_rank|rank");
                }),
                attack(HISTORY, "the history emptied, the tables kept", BOTH, run -> {
                    run.twoMigrations().applyUpTo("2");
                    run.sql("DELETE FROM flyway_schema_history");
                    return failsNaming(run, run.migrate(), "first|baseline|history");
                }));
    }

    private static List<Attack> blame() {
        return List.of(
                attack(BLAME, "a table the migration creates already exists (42P07)", BOTH, run -> {
                    run.twoMigrations().applyUpTo("2");
                    run.sql("CREATE TABLE third (id int)");
                    run.script("V3__third.sql", "CREATE TABLE third (id int);\n");
                    return failsNaming(run, run.migrate(), "V3__third\\.sql", "42P07|already exists");
                }),
                attack(BLAME, "an enum value added and used in one migration (55P04)", BOTH, run -> {
                    run.twoMigrations().applyUpTo("2");
                    run.sql("CREATE TYPE mood AS ENUM ('calm')");
                    run.script("V3__third.sql", "ALTER TYPE mood ADD VALUE 'angry';\nSELECT 'angry'::mood;\n");
                    return failsNaming(run, run.migrate(), "V3__third\\.sql", "55P04|unsafe use|ADD VALUE");
                }));
    }

    private static List<Attack> database() {
        return List.of(
                attack(DATABASE, "the schema public dropped", BOTH, run -> {
                    run.twoMigrations();
                    run.sql("DROP SCHEMA public CASCADE");
                    return succeedsOrFailsNaming(run, run.migrate(), List.of("1", "2"), "public|schema");
                }),
                attack(DATABASE, "default_transaction_read_only = on for the database", BOTH, run -> {
                    run.twoMigrations().applyUpTo("1");
                    setOnDatabase(run, "default_transaction_read_only", "on");
                    return failsNaming(run, run.migrate(), patterns("read-only|read only|25006"),
                            patterns("Fix the script"));
                }),
                attack(DATABASE, "statement_timeout = 500ms and a migration that takes 2 s (57014)", BOTH, run -> {
                    run.twoMigrations().applyUpTo("2");
                    setOnDatabase(run, "statement_timeout", "'500ms'");
                    run.script("V3__third.sql", "CREATE TABLE third (id int);\nSELECT pg_sleep(2);\n");
                    return failsNaming(run, run.migrate(), "V3__third\\.sql", "57014|statement timeout");
                }),
                attack(DATABASE, "search_path set to a schema that does not exist", BOTH, run -> {
                    run.twoMigrations();
                    setOnDatabase(run, "search_path", "nowhere");
                    Outcome outcome = run.migrate();
                    if (outcome.failed()) {
                        return failsNaming(run, outcome, "nowhere|search_path");
                    }
                    List<String> schemas = run.rows("SELECT schemaname FROM pg_tables WHERE tablename = 'first'");
                    List<String> history = schemas.size() != 1 ? List.of() : run.rows("SELECT version FROM \""
                            + schemas.get(0) + "\".flyway_schema_history WHERE version IS NOT NULL ORDER BY"
                            + " installed_rank");
                    return history.equals(List.of("1", "2")) ? Judgement.clear("applied in schema " + schemas)
                            : Judgement.silent("succeeded; tables in " + schemas + ", history " + history);
                }),
                attack(DATABASE, "a user who may write the history but not create in the schema", BOTH, run -> {
                    run.twoMigrations().applyUpTo("1");
                    String[] role = Attacks.readOnlyRole(run);
                    try {
                        run.sql("GRANT SELECT, INSERT, UPDATE, DELETE ON flyway_schema_history TO " + role[0]);
                        run.connectAs(role[0], role[1]);
                        return failsNaming(run, run.migrate(), patterns("V2__second\\.sql", "42501|permission denied"),
                                patterns("Fix the script"));
                    } finally {
                        Attacks.dropRole(run, role[0]);
                    }
                }),
                attack(DATABASE, "lock_timeout = 500ms while another session locks the migration's table", BOTH,
                        run -> {
                            run.twoMigrations().applyUpTo("2");
                            setOnDatabase(run, "lock_timeout", "'500ms'");
                            run.script("V3__third.sql", "ALTER TABLE first ADD COLUMN added int;\n");
                            try (Connection holder = run.database().connect();
                                    Statement statement = holder.createStatement()) {
                                holder.setAutoCommit(false);
                                statement.execute("LOCK TABLE first IN ACCESS EXCLUSIVE MODE");
                                Outcome outcome = run.migrate();
                                holder.rollback();
                                return failsNaming(run, outcome, "V3__third\\.sql", "55P03|lock");
                            }
                        }),
                attack(DATABASE, "the database allows no connection (CONNECTION LIMIT 0)", BOTH, run -> {
                    run.twoMigrations();
                    try (Connection admin = TestDatabaseServer.get().connectAdmin();
                            Statement statement = admin.createStatement()) {
                        statement.execute("ALTER DATABASE \"" + run.database().name() + "\" CONNECTION LIMIT 0");
                    }
                    return failsNaming(run, run.migrate(), "53300|too many connections|connection limit");
                }),
                attack(DATABASE, "a role that may not log in (NOLOGIN)", BOTH, run -> {
                    run.twoMigrations();
                    try (Connection admin = TestDatabaseServer.get().connectAdmin();
                            Statement statement = admin.createStatement()) {
                        statement.execute("ALTER ROLE \"" + run.database().user() + "\" NOLOGIN");
                    }
                    return failsNaming(run, run.migrate(), "log in|login|28000");
                }));
    }

    private static List<Attack> downgrades() {
        return List.of(
                attack(DOWNGRADE, "the undo script of the step missing", OURS_ONLY, run -> {
                    run.twoMigrations().applyUpTo("2");
                    Files.delete(run.migrations().resolve("U2__second.sql"));
                    Judgement judgement = failsNaming(run, run.maven("downgrade", Map.of("target", "-1")),
                            "\\b2\\b", "undo|irreversible|U2");
                    return run.history().equals(List.of("1", "2")) ? judgement
                            : Judgement.wrong("history " + run.history() + ": " + judgement.note());
                }),
                attack(DOWNGRADE, "an undo script failing on its second statement", OURS_ONLY, run -> {
                    run.twoMigrations().applyUpTo("2");
                    run.script("U2__second.sql", "DROP TABLE second;\nDROP TABLE no_such_table;\n");
                    Judgement judgement = failsNaming(run, run.maven("downgrade", Map.of("target", "-1")),
                            "U2__second\\.sql", "42P01", "(:2\\b|Line\\s*:\\s*2\\b)");
                    return run.history().equals(List.of("1", "2")) && run.tables().contains("second") ? judgement
                            : Judgement.wrong("not rolled back: history " + run.history() + ", tables "
                            + run.tables());
                }),
                attack(DOWNGRADE, "a target that is not in the history", OURS_ONLY, run -> {
                    run.twoMigrations().applyUpTo("2");
                    return failsNaming(run, run.maven("downgrade", Map.of("target", "7")), "\\b7\\b");
                }),
                attack(DOWNGRADE, "a target between two applied versions (1.5)", OURS_ONLY, run -> {
                    run.twoMigrations().applyUpTo("2");
                    return succeedsOrFailsNaming(run, run.maven("downgrade", Map.of("target", "1.5")), List.of("1"),
                            "1\\.5");
                }),
                attack(DOWNGRADE, "more steps back than applied (-5 of 2)", OURS_ONLY, run -> {
                    run.twoMigrations().applyUpTo("2");
                    return succeedsOrFailsNaming(run, run.maven("downgrade", Map.of("target", "-5")), List.of(),
                            "\\b5\\b|\\b2\\b");
                }),
                attack(DOWNGRADE, "the applied migration changed since, then a downgrade", OURS_ONLY, run -> {
                    run.twoMigrations().applyUpTo("2");
                    run.script("V2__second.sql", "CREATE TABLE second (id bigint PRIMARY KEY);\n");
                    return failsNaming(run, run.maven("downgrade", Map.of("target", "-1")),
                            "V2__second\\.sql|version 2\\b");
                }),
                attack(DOWNGRADE, "the undo of a CREATE INDEX CONCURRENTLY migration", OURS_ONLY, run -> {
                    run.twoMigrations().script("V3__ix.sql", "CREATE INDEX CONCURRENTLY ix_second ON second (id);\n")
                            .script("U3__ix.sql", "DROP INDEX CONCURRENTLY ix_second;\n");
                    run.applyUpTo("3");
                    return succeedsWith(run, run.maven("downgrade", Map.of("target", "-1")), List.of("1", "2"));
                }),
                attack(DOWNGRADE, "a downgrade of an empty database", OURS_ONLY, run -> {
                    run.twoMigrations();
                    Outcome outcome = run.maven("downgrade", Map.of("target", "-1"));
                    if (!outcome.failed()) {
                        return run.tables().isEmpty() ? Judgement.clear("nothing to undo")
                                : Judgement.silent("tables " + run.tables());
                    }
                    return failsNaming(run, outcome, "nothing|no migration|not.*applied|empty");
                }));
    }

    private static List<Attack> locks() {
        return List.of(
                attack(LOCK_FAULTS, "only Flyway's lock key held by another session (a Flyway run)", BOTH, run -> {
                    run.twoMigrations().applyUpTo("1");
                    try (Connection holder = run.database().connect(); Statement statement = holder.createStatement()) {
                        statement.execute("SELECT pg_advisory_lock(" + AttackCatalog.flywayKey() + ")");
                        int pid = holder.unwrap(org.postgresql.PGConnection.class).getBackendPID();
                        return failsNaming(run, run.migrate(Map.of("lockSeconds", "2")), "pid " + pid + "\\b");
                    }
                }),
                attack(LOCK_FAULTS, "lock_timeout = 200ms on the database while another session holds the lock", BOTH,
                        run -> {
                            run.twoMigrations().applyUpTo("1");
                            setOnDatabase(run, "lock_timeout", "'200ms'");
                            try (Connection holder = run.database().connect();
                                    Statement statement = holder.createStatement()) {
                                statement.execute("SELECT pg_advisory_lock(" + AttackCatalog.ourKey()
                                        + "), pg_advisory_lock(" + AttackCatalog.flywayKey() + ")");
                                int pid = holder.unwrap(org.postgresql.PGConnection.class).getBackendPID();
                                return failsNaming(run, run.migrate(Map.of("lockSeconds", "3")), patterns("pid " + pid
                                        + "\\b"), patterns("Fix the script"));
                            }
                        }),
                attack(LOCK_FAULTS, "lock_timeout = 1ms on the database, nobody else there", BOTH, run -> {
                    run.twoMigrations();
                    setOnDatabase(run, "lock_timeout", "'1ms'");
                    return succeedsWith(run, run.migrate(), List.of("1", "2"));
                }));
    }
}
