package dev.assistant.migrate.schema;

import dev.assistant.migrate.api.Hints;
import dev.assistant.migrate.api.MigrationEngineException;
import dev.assistant.migrate.api.Problem;
import dev.assistant.migrate.api.ProblemKind;
import dev.assistant.migrate.api.ScriptFailedException;
import dev.assistant.migrate.engine.MigrationCatalog;
import dev.assistant.migrate.engine.MigrationScript;
import dev.assistant.migrate.engine.ScriptRunner;
import dev.assistant.migrate.engine.StatementObserver;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Proves on a shadow database, from nothing, that the chain works, and every undo with it: a stairway, one step per
 * migration — apply it, apply its undo and compare the schema with the one before the migration, apply the migration
 * again — all on one connection. A step whose scripts may run in a transaction does the migration, the undo, the
 * comparison and the second application inside one that it rolls back (putting back the sequences it drew from, which
 * a rollback does not), then applies the migration for good: every migration runs for good exactly once, on what the
 * ones before it built, as migrate runs it. Each reading of the schema covers only what the step touched
 * ({@link CatalogChanges}). A step with a statement that may not run in a
 * transaction runs as migrate and downgrade would run it, with whole readings around it. A migration without an undo
 * is applied and the step goes on; one that fails ends the replay there, and the schema it reached is what drift is
 * compared with.
 */
final class ReplayVerifier {

    private static final int SHOWN_DIFFERENCES = 10;
    private static final int SHOWN_NAMES = 10;
    /** The name in "relation "x" already exists", "constraint "x" for relation "t" already exists" and the like. */
    private static final Pattern ALREADY_EXISTS = Pattern.compile("\"([^\"]+)\"(?: for relation \"[^\"]+\")? already"
            + " exists");

    /**
     * Where the database {@code check} runs against stands: its version (null for none applied), and whether the
     * repeatable scripts it applied are those of the files (none pending), so that their objects compare too.
     */
    record LivePoint(MigrationVersion version, boolean repeatablesCurrent) {
    }

    /**
     * What the replay found.
     *
     * @param problems each failing script, undo that does not restore, or migration that cannot be applied again
     * @param reached the schema the replay ended with: all of the chain, or what came before the migration that failed
     * @param stoppedAt the migration that failed, when one did
     * @param atLive the schema the migrations build at each live database's point, where the replay got there
     * @param notChecked what the replay could not check, and why
     */
    record Result(List<Problem> problems, SchemaSnapshot reached, Optional<MigrationScript> stoppedAt,
            Map<LivePoint, SchemaSnapshot> atLive, List<String> notChecked) {

        /** The schema the migrations build where a live database stands, when the replay got there. */
        Optional<SchemaSnapshot> at(LivePoint live) {
            return Optional.ofNullable(atLive.get(live));
        }
    }

    private final MigrationCatalog catalog;
    private final ScriptRunner runner;
    private final Hints hints;
    private final StatementObserver observer;
    private final List<Problem> problems = new ArrayList<>();
    private final List<String> notChecked = new ArrayList<>();
    private final Map<String, MigrationScript> createdBy = new HashMap<>();
    private Set<CatalogChanges.Entry> inventory;
    private final Map<LivePoint, SchemaSnapshot> atLive = new HashMap<>();
    private ScriptFailedException failure;
    /** Why the replay cannot go on after a step whose migration did not fail, or null. */
    private String lost;

    /** @param runner the one connection to the shadow database, empty when the replay starts */
    ReplayVerifier(MigrationCatalog catalog, ScriptRunner runner, Hints hints) {
        this(catalog, runner, hints, null);
    }

    /**
     * @param observer told of every statement of each migration where it is applied for good (the application that
     *     stays, on what the migrations before it built), or null
     */
    ReplayVerifier(MigrationCatalog catalog, ScriptRunner runner, Hints hints, StatementObserver observer) {
        this.catalog = catalog;
        this.runner = runner;
        this.hints = hints;
        this.observer = observer;
    }

    /** @param live where the database check runs against stands, or null to leave it out */
    Result verify(LivePoint live) {
        return verify(live == null ? Set.of() : Set.of(live));
    }

    /**
     * @param live where each database check runs against stands (a fleet's members), possibly none: the schema is
     *     read at each point on the way
     */
    Result verify(Set<LivePoint> live) {
        try {
            return replay(live);
        } catch (SQLException e) {
            throw new MigrationEngineException("Cannot read the schema of the shadow database: " + e.getMessage(),
                    false, e);
        }
    }

    private Result replay(Set<LivePoint> live) throws SQLException {
        List<MigrationScript> migrations = new ArrayList<>(catalog.migrations().values());
        inventory = CatalogChanges.inventory(runner.connection());
        for (LivePoint point : live) {
            if (point.version() == null) {
                atLive.put(point, read(DatabaseSchemaReader.Scope.ALL));
            }
        }
        List<String> irreversible = new ArrayList<>();
        for (int i = 0; i < migrations.size(); i++) {
            MigrationScript migration = migrations.get(i);
            Optional<MigrationScript> undo = catalog.undo(migration.version());
            if (undo.isEmpty()) {
                irreversible.add(migration.fileName());
            }
            boolean stepped = runner.isTransactional(migration) && undo.map(runner::isTransactional).orElse(true)
                    ? step(migration, undo) : stepOutsideTransactions(migration, undo);
            if (!stepped) {
                return stop(migration, migrations.subList(i + 1, migrations.size()), irreversible);
            }
            if (i < migrations.size() - 1) {
                for (LivePoint point : live) {
                    if (migration.version().equals(point.version())) {
                        atLive.put(point, point.repeatablesCurrent() ? withRepeatables()
                                : read(DatabaseSchemaReader.Scope.ALL));
                    }
                }
            }
        }
        sayIrreversible(irreversible);
        for (MigrationScript repeatable : catalog.repeatables()) {
            try {
                runner.apply(repeatable);
            } catch (ScriptFailedException e) {
                problems.add(fails(repeatable, e, names(catalog.repeatables().subList(
                        catalog.repeatables().indexOf(repeatable) + 1, catalog.repeatables().size()))));
                return result(Optional.of(repeatable));
            }
        }
        SchemaSnapshot reached = read(DatabaseSchemaReader.Scope.ALL);
        for (LivePoint point : live) {
            if (point.version() != null && point.version().equals(migrations.get(migrations.size() - 1).version())) {
                atLive.put(point, reached);
            }
        }
        return new Result(problems, reached, Optional.empty(), Map.copyOf(atLive), notChecked);
    }

    /**
     * One step of the stairway, in transactions: the migration, its undo, the comparison and the migration again in
     * one that is rolled back, then the migration for good.
     *
     * @return false when the migration itself fails
     */
    private boolean step(MigrationScript migration, Optional<MigrationScript> undo) throws SQLException {
        if (undo.isPresent()) {
            Map<Long, Long> sequences = runner.movesSequences(migration) || runner.movesSequences(undo.get())
                    ? runner.sequenceValues() : Map.of();
            runner.begin();
            try {
                try {
                    runner.run(migration);
                } catch (ScriptFailedException e) {
                    failure = e;
                    return false;
                }
                try {
                    runner.run(undo.get());
                } catch (ScriptFailedException e) {
                    problems.add(undoFails(migration, undo.get(), e));
                    runner.rollback();
                    runner.restoreSequences(sequences);
                    return applyForGood(migration);
                }
                CatalogChanges.Change change = CatalogChanges.ofTransaction(runner.connection(), inventory);
                SchemaSnapshot afterUndo = read(change.scope());
                ScriptFailedException again = null;
                try {
                    runner.run(migration);
                } catch (ScriptFailedException e) {
                    again = e;
                }
                runner.rollback();
                compare(migration, undo.get(), afterUndo, read(change.scope()), again);
            } finally {
                rollbackIfOpen();
                runner.restoreSequences(sequences);
            }
        }
        return applyForGood(migration);
    }

    /**
     * One step whose migration or undo must run outside a transaction: each applied as migrate and downgrade would,
     * with whole readings of the schema around them.
     *
     * @return false when the migration fails, or when after a failed undo the state of the schema is unknown
     */
    private boolean stepOutsideTransactions(MigrationScript migration, Optional<MigrationScript> undo)
            throws SQLException {
        SchemaSnapshot before = undo.isPresent() ? read(DatabaseSchemaReader.Scope.ALL) : null;
        if (!applyForGood(migration)) {
            return false;
        }
        if (undo.isEmpty()) {
            return true;
        }
        try {
            runner.apply(undo.get());
        } catch (ScriptFailedException e) {
            problems.add(undoFails(migration, undo.get(), e));
            if (runner.isTransactional(undo.get())) {
                return true;
            }
            lost = "the undo failed outside a transaction, which leaves the schema in an unknown state";
            return false;
        }
        SchemaSnapshot afterUndo = read(DatabaseSchemaReader.Scope.ALL);
        try {
            runner.apply(migration);
        } catch (ScriptFailedException e) {
            compare(migration, undo.get(), afterUndo, before, e);
            lost = "applying it again after its undo failed";
            return false;
        }
        compare(migration, undo.get(), afterUndo, before, null);
        inventory = CatalogChanges.inventory(runner.connection());
        return true;
    }

    private boolean applyForGood(MigrationScript migration) throws SQLException {
        try {
            runner.apply(migration, observer);
        } catch (ScriptFailedException e) {
            failure = e;
            return false;
        }
        Set<CatalogChanges.Entry> now = CatalogChanges.inventory(runner.connection());
        CatalogChanges.created(inventory, now).keySet().forEach(name -> createdBy.putIfAbsent(name, migration));
        inventory.stream().filter(entry -> !now.contains(entry)).forEach(entry -> createdBy.remove(entry.name()));
        inventory = now;
        return true;
    }

    /**
     * Ends the replay at a step that could not go on: the migration failed, or its undo left the schema in a state
     * the replay cannot build on ({@link #lost}); what was not replayed after it is said.
     */
    private Result stop(MigrationScript failed, List<MigrationScript> after, List<String> irreversible)
            throws SQLException {
        List<MigrationScript> notReplayed = new ArrayList<>(after);
        notReplayed.addAll(catalog.repeatables());
        if (lost == null) {
            problems.add(fails(failed, failure, names(notReplayed)));
        }
        if (!notReplayed.isEmpty()) {
            notChecked.add("Not replayed: " + names(notReplayed) + ", because " + (lost == null
                    ? failed.fileName() + " fails before it." : "at " + failed.fileName() + " " + lost + "."));
        }
        sayIrreversible(irreversible);
        return result(Optional.of(failed));
    }

    private Result result(Optional<MigrationScript> stoppedAt) throws SQLException {
        return new Result(problems, read(DatabaseSchemaReader.Scope.ALL), stoppedAt, Map.copyOf(atLive),
                notChecked);
    }

    /** The schema with the repeatable scripts applied, in a transaction that is rolled back. */
    private SchemaSnapshot withRepeatables() throws SQLException {
        if (catalog.repeatables().isEmpty() || !catalog.repeatables().stream().allMatch(runner::isTransactional)) {
            return read(DatabaseSchemaReader.Scope.ALL);
        }
        runner.begin();
        try {
            for (MigrationScript repeatable : catalog.repeatables()) {
                runner.run(repeatable);
            }
            return read(DatabaseSchemaReader.Scope.ALL);
        } catch (ScriptFailedException e) {
            return null;
        } finally {
            runner.rollback();
        }
    }

    /**
     * The undo's verdict: the schema after it against the one before the migration; when they agree, whether the
     * migration could be applied again after it ({@code again} is its failure, or null). A migration that fails again
     * on a schema the undo left different is a consequence of that difference, not reported apart.
     */
    private void compare(MigrationScript migration, MigrationScript undo, SchemaSnapshot afterUndo,
            SchemaSnapshot before, ScriptFailedException again) {
        List<String> differences = differences(afterUndo, before);
        if (differences.isEmpty() && again != null) {
            problems.add(notAgain(migration, undo, again));
        }
        if (!differences.isEmpty()) {
            problems.add(new Problem(ProblemKind.UNDO_DOES_NOT_RESTORE, undo.fileName(),
                    "After " + migration.fileName() + " and then " + undo.fileName() + ", the schema differs from"
                            + " the one before the migration: " + String.join("; ", differences) + ".",
                    "Make " + undo.fileName() + " reverse everything " + migration.fileName() + " does; "
                            + hints.createMigration("...") + " writes both from the model."));
        }
    }

    private Problem fails(MigrationScript script, ScriptFailedException e, String notReplayed) {
        String createdEarlier = createdEarlier(e).map(earlier -> "; " + earlier.fileName() + " already creates it")
                .orElse("");
        return new Problem(ProblemKind.FAILS_ON_EMPTY_DATABASE, script.fileName(),
                "Applied after the migrations before it to an empty database, it fails: " + briefly(e)
                        + createdEarlier + "." + (notReplayed.isEmpty() ? "" : " Not replayed after it: "
                        + notReplayed + "."),
                createdEarlier.isEmpty()
                        ? "Make it work on the schema the earlier migrations build (it may rely on something made by"
                                + " hand), then run check again."
                        : "Leave out of it what the earlier migration already creates, then run check again.");
    }

    /** For a failure because an object already exists, the migration of the replay that created it. */
    private Optional<MigrationScript> createdEarlier(ScriptFailedException e) {
        if (!"42P07".equals(e.sqlState()) && !"42710".equals(e.sqlState())) {
            return Optional.empty();
        }
        Matcher name = ALREADY_EXISTS.matcher(Objects.requireNonNullElse(e.serverMessage(), ""));
        return name.find() ? Optional.ofNullable(createdBy.get(name.group(1))) : Optional.empty();
    }

    private Problem undoFails(MigrationScript migration, MigrationScript undo, ScriptFailedException e) {
        return new Problem(ProblemKind.UNDO_DOES_NOT_RESTORE, undo.fileName(),
                "Run right after " + migration.fileName() + ", it fails: " + briefly(e) + ".",
                "Fix " + undo.fileName() + " so that it reverses " + migration.fileName() + ", then run check again.");
    }

    private Problem notAgain(MigrationScript migration, MigrationScript undo, ScriptFailedException e) {
        return new Problem(ProblemKind.UNDO_DOES_NOT_RESTORE, undo.fileName(),
                "After " + migration.fileName() + " and then " + undo.fileName() + ", applying " + migration.fileName()
                        + " again fails: " + briefly(e) + ". The undo leaves something behind that the migration"
                        + " trips over (rows it inserted, for example).",
                "Make " + undo.fileName() + " remove everything " + migration.fileName() + " adds, then run check"
                        + " again.");
    }

    private void sayIrreversible(List<String> irreversible) {
        if (!irreversible.isEmpty()) {
            notChecked.add("Undo not verified for " + irreversible.size() + " migration"
                    + (irreversible.size() == 1 ? "" : "s") + " without an undo script: " + shown(irreversible) + ".");
        }
    }

    private void rollbackIfOpen() {
        try {
            if (!runner.connection().getAutoCommit()) {
                runner.rollback();
            }
        } catch (SQLException e) {
            throw new MigrationEngineException("Cannot end the replay's transaction on the shadow database: "
                    + e.getMessage(), false, e);
        }
    }

    private SchemaSnapshot read(DatabaseSchemaReader.Scope scope) throws SQLException {
        return DatabaseSchemaReader.read(runner.connection(), scope);
    }

    private static String names(List<MigrationScript> scripts) {
        return shown(scripts.stream().map(MigrationScript::fileName).toList());
    }

    private static String shown(List<String> names) {
        if (names.size() <= SHOWN_NAMES) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, SHOWN_NAMES)) + " and " + (names.size() - SHOWN_NAMES) + " more";
    }

    /** A failure in one line: where, and the server's words. */
    static String briefly(MigrationEngineException failure) {
        if (!(failure instanceof ScriptFailedException e)) {
            return failure.getMessage().lines().findFirst().orElse("");
        }
        String server = Objects.requireNonNullElse(e.serverMessage(), "");
        return "line " + e.line() + " (" + ScriptFailedException.abbreviate(e.statement()).lines().findFirst()
                .orElse("") + "): " + (server.startsWith("ERROR: ") ? server.substring("ERROR: ".length()) : server)
                + (e.sqlState() == null ? "" : " (SQL state " + e.sqlState() + ")");
    }

    /** How {@code actual} differs from {@code expected}, as the operations that would repair it. */
    static List<String> differences(SchemaSnapshot actual, SchemaSnapshot expected) {
        List<String> differences = new ArrayList<>();
        SchemaDiff.between(actual, expected).forEach(operation -> differences.add("needs " + operation.describe()));
        Set<String> keys = new TreeSet<>(actual.otherObjects().keySet());
        keys.addAll(expected.otherObjects().keySet());
        for (String key : keys) {
            String now = actual.otherObjects().get(key);
            String then = expected.otherObjects().get(key);
            if (then == null) {
                differences.add(key + " is left behind");
            } else if (now == null) {
                differences.add(key + " is missing");
            } else if (!Objects.equals(now, then)) {
                differences.add(key + " is different");
            }
        }
        if (differences.size() > SHOWN_DIFFERENCES) {
            int more = differences.size() - SHOWN_DIFFERENCES;
            List<String> shown = new ArrayList<>(differences.subList(0, SHOWN_DIFFERENCES));
            shown.add("and " + more + " more");
            return shown;
        }
        return differences;
    }
}
