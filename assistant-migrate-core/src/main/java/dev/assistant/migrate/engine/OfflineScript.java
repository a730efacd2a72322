package dev.assistant.migrate.engine;

import dev.assistant.db.config.ConnectionSettings;
import dev.assistant.migrate.api.AppliedMigration;
import dev.assistant.migrate.api.PsqlCommand;
import dev.assistant.migrate.api.SqlStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A plan written out as the psql script of the run, for a DBA to review and run where the engine cannot: each
 * migration as the engine applies it (BEGIN, its statements, its history row, COMMIT; a migration that may not run in a
 * transaction statement by statement, then its row), under the engine's migration lock, with the history table created
 * first when there is none. The history DDL, the INSERT of a row and the lock are the engine's own
 * ({@link HistoryTable}, {@link MigrationLock}), so the history reads the same whichever of the two ran.
 *
 * <p>Run with {@code psql -f}, each migration commits on its own, as migrate does. Run with {@code psql -1}
 * ({@code --single-transaction}), psql has already opened a transaction when the script starts; the script notices
 * (the transaction id its first statement takes is still assigned in the second) and then opens and commits none of
 * its own, so the whole run is that one transaction, all or nothing. A run that holds a statement that may not run in a
 * transaction ({@code CREATE INDEX CONCURRENTLY}) refuses that mode before changing anything.
 */
final class OfflineScript {

    /** A psql variable: true when the script commits each migration itself, false under {@code psql -1}. */
    private static final String OWN_TRANSACTIONS = "assistant_own_transactions";
    /** A psql variable: when the running migration started, for its execution time. */
    private static final String STARTED = "assistant_started";
    private static final String QUOTE = "$assistant$";
    private static final int WIDTH = 118;

    /**
     * Who wrote the script and for what.
     *
     * @param producer the tool and its version, {@code assistant-migrate 1.0.0}
     * @param writtenAt when
     * @param connection the database, as the header shows it (password masked) and the psql command line reaches it
     * @param serverVersion the server's version, as the header shows it
     * @param schema the schema that holds the history and takes unqualified names
     * @param user the role the plan was made for: placeholders were filled with it, and the history records it
     * @param current the newest applied migration, if any
     * @param newestRank the highest installed rank of the history, 0 when it is empty or absent
     * @param lockTimeout how long the script waits for the migration lock
     * @param statusCommand the front end's command that explains a failure record
     */
    record Origin(String producer, Instant writtenAt, ConnectionSettings connection, String serverVersion,
            String schema, String user, Optional<AppliedMigration> current, int newestRank, Duration lockTimeout,
            String statusCommand) {
    }

    private final ApplyPlan plan;
    private final HistoryTable history;
    private final Origin origin;
    private final String guard;
    private final long key;
    private final long flywayKey;
    private final List<String> lines = new ArrayList<>();

    private OfflineScript(ApplyPlan plan, HistoryTable history, Origin origin) {
        this.plan = plan;
        this.history = history;
        this.origin = origin;
        this.key = MigrationLock.keyFor(history.schema(), HistoryTable.NAME);
        this.flywayKey = MigrationLock.flywayKeyFor(history.schema(), HistoryTable.NAME);
        this.guard = MigrationLock.guard(key);
    }

    /** The script, ending with a line break. */
    static String of(ApplyPlan plan, HistoryTable history, Origin origin) {
        return new OfflineScript(plan, history, origin).render();
    }

    private String render() {
        header();
        if (plan.isEmpty()) {
            lines.add("-- Nothing to apply: the database is up to date. This script changes nothing.");
            return String.join("\n", lines) + "\n";
        }
        preamble();
        lock();
        precondition();
        if (plan.createsHistoryTable()) {
            createHistoryTable();
        }
        for (PlannedMigration migration : plan.migrations()) {
            if (migration.transactional()) {
                inTransaction(migration);
            } else {
                outsideTransaction(migration);
            }
        }
        unlock();
        lines.add("");
        lines.add("-- Done: " + target() + ".");
        return String.join("\n", lines) + "\n";
    }

    private void header() {
        comment("Migration script written by " + origin.producer() + " at "
                + origin.writtenAt().truncatedTo(ChronoUnit.SECONDS) + ", by a dry run of migrate.");
        comment("Database: " + origin.connection().maskedUrl() + " (PostgreSQL " + origin.serverVersion()
                + "), schema " + origin.schema() + ", user " + origin.user() + ".");
        comment("From " + origin.current().map(row -> "version " + row.version() + " (" + row.description() + ")")
                .orElse("no migration applied") + " to " + target() + ": " + count(plan.migrations().size())
                + " to apply" + (plan.isEmpty() ? "." : ":"));
        List<String> labels = plan.migrations().stream().map(PlannedMigration::label).toList();
        int width = labels.stream().mapToInt(String::length).max().orElse(0);
        for (int i = 0; i < labels.size(); i++) {
            PlannedMigration migration = plan.migrations().get(i);
            lines.add("--   " + pad(labels.get(i), width) + "  " + migration.path()
                    + (migration.version() == null ? "  (repeatable, changed or new)" : "")
                    + (migration.transactional() ? "" : "  (outside a transaction: " + firstLine(firstOutside(
                    migration)) + ")"));
        }
        if (plan.isEmpty()) {
            return;
        }
        if (plan.createsHistoryTable()) {
            comment("The schema history table " + history.qualified() + " does not exist yet; it is created"
                    + " first, as migrate creates it.");
        }
        lines.add("--");
        comment("Run it as " + origin.user() + " (placeholders such as ${flyway:user} were filled in for that"
                + " user, and objects belong to whoever creates them):");
        lines.add("--   " + PsqlCommand.of(origin.connection(), PsqlCommand.FILE_SLOT));
        comment("Each migration is one transaction with its history row, as migrate applies it: a failure stops"
                + " the script there, with the migrations before it applied and recorded.");
        List<PlannedMigration> outside = plan.migrations().stream().filter(m -> !m.transactional()).toList();
        if (outside.isEmpty()) {
            comment("psql -1 (--single-transaction) works too: the whole script is then one transaction, all or"
                    + " nothing.");
        } else {
            comment("Not with psql -1 (--single-transaction): " + outside.stream().map(PlannedMigration::script)
                    .reduce((a, b) -> a + ", " + b).orElseThrow() + " must run outside a transaction ("
                    + firstLine(firstOutside(outside.get(0))) + "), which PostgreSQL refuses inside one; under -1 the"
                    + " script stops before changing anything. Should such a statement fail, part of it may have"
                    + " taken effect (an invalid index): the script then writes the failure record migrate writes,"
                    + " which blocks the next run until cleared (" + origin.statusCommand() + " says how), and"
                    + " stops.");
        }
        comment("It takes the migration lock migrate takes (and the one Flyway takes on this history table),"
                + " waiting at most " + origin.lockTimeout().toSeconds() + " s, so that no migrate, downgrade or"
                + " Flyway run interleaves with it; and it refuses to run when the history changed after it was written"
                + " (newest installed rank " + origin.newestRank() + ").");
    }

    /** A paragraph of the header, as comment lines of at most {@value #WIDTH} characters. */
    private void comment(String paragraph) {
        StringBuilder line = new StringBuilder("--");
        for (String word : paragraph.split(" ")) {
            if (line.length() > 2 && line.length() + 1 + word.length() > WIDTH) {
                lines.add(line.toString());
                line = new StringBuilder("--");
            }
            line.append(' ').append(word);
        }
        lines.add(line.toString());
    }

    private void preamble() {
        lines.add("");
        lines.add("\\set ON_ERROR_STOP on");
        lines.add("-- A psqlrc may say otherwise; this script commits as it says, and stops at the first error.");
        lines.add("\\set AUTOCOMMIT on");
        lines.add("\\set ON_ERROR_ROLLBACK off");
        lines.add("SET application_name = 'assistant-migrate script';");
        lines.add("-- Under psql -1 a transaction is open: the id the first statement takes is still assigned in the"
                + " second.");
        lines.add("SELECT txid_current() IS NOT NULL AS assistant_transaction_id \\gset");
        lines.add("SELECT txid_current_if_assigned() IS NULL AS " + OWN_TRANSACTIONS + " \\gset");
        boolean mixed = plan.migrations().stream().anyMatch(migration -> !migration.transactional());
        if (mixed) {
            lines.add("\\if :" + OWN_TRANSACTIONS);
            lines.add("\\else");
            raise("This script cannot run in one transaction (psql -1): a migration in it must run outside a"
                    + " transaction. Nothing was changed. Run it without -1: "
                    + PsqlCommand.of(origin.connection(), PsqlCommand.FILE_SLOT));
            lines.add("\\endif");
        }
    }

    /** Session-level when the script commits itself, transaction-level under psql -1 (released by its COMMIT). */
    private void lock() {
        lines.add("");
        lines.add("-- The migration lock (migrate's key " + key + ", Flyway's " + flywayKey + ").");
        // 0 is "do not wait" for the engine, but "wait forever" for lock_timeout
        long seconds = origin.lockTimeout().toSeconds();
        lines.add("SET lock_timeout = '" + (seconds == 0 ? "1ms" : seconds + "s") + "';");
        lines.add("\\if :" + OWN_TRANSACTIONS);
        lines.add("SELECT pg_advisory_lock(" + key + "), pg_advisory_lock(" + flywayKey + ");");
        lines.add("\\else");
        lines.add("SELECT pg_advisory_xact_lock(" + key + "), pg_advisory_xact_lock(" + flywayKey + ");");
        lines.add("\\endif");
        lines.add("RESET lock_timeout;");
    }

    private void precondition() {
        String changed = "The schema history of %s changed after this script was written (it expects the newest"
                + " installed rank " + origin.newestRank() + ", finds %s): another run migrated or downgraded this"
                + " database. Nothing was changed. Write the script again.";
        lines.add("DO " + QUOTE);
        lines.add("BEGIN");
        lines.add("    IF current_schema() IS DISTINCT FROM " + literal(origin.schema()) + " THEN");
        lines.add("        RAISE EXCEPTION '%', format(" + literal("This script was written for the schema "
                + origin.schema() + ", but the search_path here puts new objects in %s. Nothing was changed. Run it as "
                + origin.user() + ", or set its search_path.") + ", current_schema());");
        lines.add("    END IF;");
        if (plan.createsHistoryTable()) {
            lines.add("    IF to_regclass(" + literal(history.qualified()) + ") IS NOT NULL THEN");
            lines.add("        RAISE EXCEPTION '%', format(" + literal(changed) + ", current_database(),"
                    + " 'a history table');");
        } else {
            lines.add("    IF (SELECT coalesce(max(\"installed_rank\"), 0) FROM " + history.qualified() + ") <> "
                    + origin.newestRank() + " THEN");
            lines.add("        RAISE EXCEPTION '%', format(" + literal(changed) + ", current_database(),"
                    + " (SELECT coalesce(max(\"installed_rank\"), 0) FROM " + history.qualified() + "));");
        }
        lines.add("    END IF;");
        lines.add("END " + QUOTE + ";");
    }

    private void createHistoryTable() {
        lines.add("");
        lines.add("-- The schema history table, as Flyway defines it.");
        begin();
        history.createStatements().forEach(this::statement);
        commit();
    }

    private void inTransaction(PlannedMigration migration) {
        lines.add("");
        lines.add("-- " + migration.label() + ": " + migration.path());
        begin();
        started();
        migration.statements().stream().map(SqlStatement::sql).forEach(this::statement);
        record(migration, "after " + migration.script() + " ran", "It was rolled back.");
        commit();
    }

    private void outsideTransaction(PlannedMigration migration) {
        lines.add("");
        lines.add("-- " + migration.label() + ": " + migration.path() + ", outside a transaction, statement by"
                + " statement; its history row follows.");
        started();
        for (SqlStatement sql : migration.statements()) {
            // psql goes on past this statement's failure only to record it, as migrate does, and then stops
            lines.add("\\set ON_ERROR_STOP off");
            statement(sql.sql());
            lines.add("\\set ON_ERROR_STOP on");
            lines.add("\\if :ERROR");
            statement(insert(migration, false));
            raise(migration.script() + " failed outside a transaction (the error is above), so part of it may have"
                    + " taken effect, and a failure record now blocks migrate. Run " + origin.statusCommand()
                    + " for how to clear it, then fix the script.");
            lines.add("\\endif");
        }
        record(migration, "after " + migration.script() + " ran", "It ran outside a transaction, so it took effect,"
                + " but it is not recorded as applied: record it by hand or undo it.");
    }

    /**
     * The engine's INSERT of the row, guarded by the lock as the engine's is; where the guard fails (a statement of
     * the migration released the lock: DISCARD ALL) it writes no row, and the script stops there, as migrate does.
     */
    private void record(PlannedMigration migration, String when, String consequence) {
        statement(insert(migration, true));
        lines.add("\\if :ROW_COUNT");
        lines.add("\\else");
        raise(MigrationLock.lostBecause(when) + " " + consequence);
        lines.add("\\endif");
    }

    /** The row of a migration that ran, or with {@code success} false, the failure record Flyway writes. */
    private String insert(PlannedMigration migration, boolean success) {
        return history.insert(guard, List.of(
                migration.version() == null ? "NULL" : literal(migration.version()),
                literal(migration.description()),
                literal(migration.type()),
                literal(migration.script()),
                migration.checksum() == null ? "NULL" : migration.checksum().toString(),
                "current_user",
                "(extract(epoch FROM clock_timestamp() - :'" + STARTED + "'::timestamptz) * 1000)::integer",
                String.valueOf(success)));
    }

    private void raise(String message) {
        lines.add("DO " + QUOTE + " BEGIN RAISE EXCEPTION '%', " + literal(message) + "; END " + QUOTE + ";");
    }

    private void started() {
        lines.add("SELECT clock_timestamp() AS " + STARTED + " \\gset");
    }

    private void begin() {
        lines.add("\\if :" + OWN_TRANSACTIONS);
        lines.add("BEGIN;");
        lines.add("\\endif");
    }

    private void commit() {
        lines.add("\\if :" + OWN_TRANSACTIONS);
        lines.add("COMMIT;");
        lines.add("\\endif");
    }

    private void unlock() {
        lines.add("");
        lines.add("-- Under psql -1 the lock is released by psql's COMMIT.");
        lines.add("\\if :" + OWN_TRANSACTIONS);
        lines.add("SELECT pg_advisory_unlock(" + flywayKey + "), pg_advisory_unlock(" + key + ");");
        lines.add("\\endif");
    }

    /** A statement and its semicolon: on a line of its own when the statement ends in a line comment. */
    private void statement(String sql) {
        String text = sql.stripTrailing();
        String last = text.substring(text.lastIndexOf('\n') + 1);
        lines.add(text + (last.contains("--") ? "\n;" : ";"));
    }

    private String target() {
        return plan.migrations().stream()
                .filter(migration -> migration.version() != null)
                .reduce((first, second) -> second)
                .map(migration -> "version " + migration.version() + " (" + migration.description() + ")")
                .orElseGet(() -> origin.current().map(row -> "version " + row.version() + " (" + row.description()
                        + ")").orElse("no migration applied"));
    }

    private static SqlStatement firstOutside(PlannedMigration migration) {
        return migration.statements().stream().filter(s -> !s.transactional()).findFirst().orElseThrow();
    }

    /** The first line of a statement that is not a comment: what names it. */
    private static String firstLine(SqlStatement statement) {
        return statement.sql().lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("--"))
                .findFirst().orElse("");
    }

    /** A string literal that reads the same whatever {@code standard_conforming_strings} is. */
    static String literal(String value) {
        String quoted = value.replace("'", "''");
        return value.contains("\\") ? "E'" + quoted.replace("\\", "\\\\") + "'" : "'" + quoted + "'";
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }

    private static String count(int migrations) {
        return migrations + (migrations == 1 ? " migration" : " migrations");
    }
}
