package dev.assistant.migrate.engine;

import dev.assistant.db.config.ConnectionSettings;
import dev.assistant.migrate.api.AppliedMigration;
import dev.assistant.migrate.api.DowngradePlan;
import dev.assistant.migrate.api.DowngradeResult;
import dev.assistant.migrate.api.DowngradeStep;
import dev.assistant.migrate.api.EngineLog;
import dev.assistant.migrate.api.Hints;
import dev.assistant.migrate.api.HistoryReport;
import dev.assistant.migrate.api.MigrateResult;
import dev.assistant.migrate.api.MigrationEngineException;
import dev.assistant.migrate.api.PendingMigration;
import dev.assistant.migrate.api.Problem;
import dev.assistant.migrate.api.ProblemsFoundException;
import dev.assistant.migrate.api.ScriptLocation;
import dev.assistant.migrate.api.StatusReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.callback.Callback;

/**
 * The migration engine behind the goals: status, history, migrate, downgrade and what check reads, over one database
 * and one set of scripts. The scripts are read once, when a goal first needs them, and every goal of this engine works
 * from that reading; a goal connects once for the engine's own reads and configures Flyway once. Front ends do not
 * call it directly but through {@link dev.assistant.migrate.api.AssistantMigrate}, which builds one engine per goal.
 */
public final class MigrationEngine {

    private final Database database;
    private final List<ScriptLocation> locations;
    private final Duration lockTimeout;
    private final EngineLog log;
    private final Hints hints;
    private final FlywayFailures failures;
    private MigrationCatalog catalog;

    public MigrationEngine(EngineSettings settings) {
        this(new Database(settings.workspace().connection(), settings.hints()), settings.workspace().locations(), null,
                settings.lockTimeout(), settings.log(), settings.hints());
    }

    private MigrationEngine(Database database, List<ScriptLocation> locations, MigrationCatalog catalog,
            Duration lockTimeout, EngineLog log, Hints hints) {
        this.database = database;
        this.locations = locations;
        this.catalog = catalog;
        this.lockTimeout = lockTimeout;
        this.log = log;
        this.hints = hints;
        this.failures = new FlywayFailures(database, hints);
    }

    /**
     * An engine over another database that works from the scripts as this one read them: the shadow database that
     * check and autogenerate replay the migrations on.
     */
    public MigrationEngine on(ConnectionSettings other, EngineLog otherLog) {
        return new MigrationEngine(new Database(other, hints), locations, catalog(), lockTimeout, otherLog, hints);
    }

    public Database database() {
        return database;
    }

    public EngineLog log() {
        return log;
    }

    public Hints hints() {
        return hints;
    }

    /** The scripts of the locations, read on first use: the files alone, no database. */
    public MigrationCatalog catalog() {
        if (catalog == null) {
            long start = System.nanoTime();
            catalog = MigrationCatalog.scan(locations, hints);
            log.debug("Read " + catalog.migrations().size() + " migrations and " + catalog.repeatables().size()
                    + " repeatable scripts from " + catalog.describeLocations() + " ("
                    + (System.nanoTime() - start) / 1_000_000 + " ms)");
        }
        return catalog;
    }

    public StatusReport status() {
        DatabaseState state = readState();
        return new StatusReport(database.describe(), locationNames(), state.current(), state.pending(),
                state.problems());
    }

    public HistoryReport history() {
        DatabaseState state = readState();
        return new HistoryReport(database.describe(), state.applied(), state.pending());
    }

    /** What check finds without a replay: the history, pending migrations and every problem of the scripts. */
    public DatabaseReading read() {
        DatabaseState state = readState();
        return new DatabaseReading(database.describe(), state.current(), state.applied(), state.pending(),
                state.problems());
    }

    public MigrateResult migrate(MigrateTarget target, boolean dryRun) {
        MigrationCatalog catalog = catalog();
        refuseOn(catalog.errors(), "migrate");
        requireKnownTarget(target, catalog);
        String schema = schema();
        try (MigrationLock ignored = dryRun ? null
                : MigrationLock.acquire(database, schema, lockTimeout, "migrate", log)) {
            ProgressCallback progress = new ProgressCallback(log);
            Flyway flyway = flyway(target, List.of(progress));
            DatabaseState before = read(flyway);
            refuseOn(before.errors(), "migrate");
            requireForward(target, before);
            if (dryRun) {
                return new MigrateResult(database.describe(), List.of(), upTo(before.pending(), target),
                        before.current(), true);
            }
            warnIrreversible(upTo(before.pending(), target));
            try {
                flyway.migrate();
            } catch (FlywayException e) {
                throw failures.ofMigrate(e, () -> currentVersionAfterFailure(flyway));
            }
            DatabaseState after = read(flyway);
            return new MigrateResult(database.describe(), progress.applied(), List.of(), after.current(), false);
        }
    }

    public DowngradeResult downgrade(DowngradeTarget target, boolean dryRun) {
        MigrationCatalog catalog = catalog();
        refuseOn(catalog.errors(), "downgrade");
        try (EngineConnection own = EngineConnection.open(database, log);
                MigrationLock ignored = dryRun ? null
                        : MigrationLock.acquire(database, own.schema(), lockTimeout, "downgrade", log)) {
            Flyway flyway = flyway(MigrateTarget.latest(), List.of());
            DatabaseState before = read(flyway);
            refuseOn(before.errors(), "downgrade");
            DowngradePlan plan = DowngradePlanner.plan(before.applied(), target, catalog, hints);
            if (dryRun || plan.isEmpty()) {
                return new DowngradeResult(database.describe(), plan, List.of(), before.current(), dryRun);
            }
            List<DowngradeResult.Undone> undone = undo(plan, own);
            DatabaseState after = read(flyway);
            return new DowngradeResult(database.describe(), plan, undone, after.current(), false);
        }
    }

    /** Says once, before applying them, which migrations downgrade will not be able to pass. */
    private void warnIrreversible(List<PendingMigration> pending) {
        List<PendingMigration> irreversible = pending.stream().filter(p -> !p.repeatable() && !p.reversible()).toList();
        if (irreversible.isEmpty()) {
            return;
        }
        List<String> scripts = irreversible.stream().map(PendingMigration::script).toList();
        String named = scripts.size() == 1 ? scripts.get(0) : String.join(", ", scripts.subList(0, scripts.size() - 1))
                + " and " + scripts.get(scripts.size() - 1);
        boolean one = scripts.size() == 1;
        log.warn(named + (one ? " has" : " have") + " no undo script: once " + (one ? "it is" : "they are")
                + " applied, downgrade cannot go below version " + irreversible.get(irreversible.size() - 1).version()
                + ".");
    }

    private List<DowngradeResult.Undone> undo(DowngradePlan plan, EngineConnection own) {
        List<DowngradeResult.Undone> undone = new ArrayList<>();
        UndoRunner runner = new UndoRunner(own.connection(),
                SqlIdentifiers.qualify(own.schema(), FlywayFactory.HISTORY_TABLE), hints);
        for (DowngradeStep step : plan.steps()) {
            String label = "V" + step.migration().version() + " " + step.migration().description();
            long start = System.nanoTime();
            runner.run(step, "the database stays at version " + step.migration().version()
                    + (undone.isEmpty() ? "." : " (already undone: " + undone.stream()
                    .map(DowngradeResult.Undone::label).collect(Collectors.joining(", ")) + ")."));
            long millis = (System.nanoTime() - start) / 1_000_000;
            log.info("Undid " + label + " (" + millis + " ms, " + step.undoScript() + ")");
            undone.add(new DowngradeResult.Undone(label, step.undoPath(), millis));
        }
        return undone;
    }

    /** What the reading goals share: the scripts, the engine's connection to check the settings, one Flyway. */
    private DatabaseState readState() {
        catalog();
        schema();
        return read(flyway(MigrateTarget.latest(), List.of()));
    }

    /** Connects once up front, so that a wrong setting is explained before Flyway is involved. */
    private String schema() {
        try (EngineConnection own = EngineConnection.open(database, log)) {
            return own.schema();
        }
    }

    private Flyway flyway(MigrateTarget target, List<Callback> callbacks) {
        return FlywayFactory.create(database, catalog(), target.version(), lockTimeout, log, callbacks);
    }

    private DatabaseState read(Flyway flyway) {
        try {
            return DatabaseState.read(flyway, catalog(), hints);
        } catch (FlywayException e) {
            throw failures.of("read the schema history", e);
        }
    }

    private String currentVersionAfterFailure(Flyway flyway) {
        try {
            return DatabaseState.read(flyway, catalog(), hints).current()
                    .map(current -> "the database is at version " + current.version() + " (" + current.description()
                            + ").")
                    .orElse("no migration is applied.");
        } catch (RuntimeException unreadable) {
            return "the current version could not be read back.";
        }
    }

    private List<String> locationNames() {
        return catalog().locations().stream().map(ScriptLocation::describe).toList();
    }

    private static void refuseOn(List<Problem> errors, String goal) {
        if (!errors.isEmpty()) {
            throw new ProblemsFoundException(goal + " stopped before changing anything: " + errors.size()
                    + " problem" + (errors.size() == 1 ? "" : "s") + " must be fixed first.", errors);
        }
    }

    private static void requireKnownTarget(MigrateTarget target, MigrationCatalog catalog) {
        if (!target.isLatest() && catalog.migration(target.version()).isEmpty()) {
            String known = catalog.migrations().keySet().stream()
                    .map(MigrationVersion::toString)
                    .collect(Collectors.joining(", "));
            throw new MigrationEngineException("No migration has version " + target.version()
                    + "; the versions here are: " + (known.isEmpty() ? "none" : known) + ".", true);
        }
    }

    private void requireForward(MigrateTarget target, DatabaseState state) {
        Optional<AppliedMigration> current = state.current();
        if (!target.isLatest() && current.isPresent()
                && MigrationVersion.fromVersion(current.get().version()).isNewerThan(target.version())) {
            throw new MigrationEngineException("Target " + target.version() + " is below the current version "
                    + current.get().version() + "; migrate only goes forward. To go back: "
                    + hints.downgrade(target.version().toString()) + ".", true);
        }
    }

    private static List<PendingMigration> upTo(List<PendingMigration> pending, MigrateTarget target) {
        if (target.isLatest()) {
            return pending;
        }
        return pending.stream()
                .filter(p -> p.version() == null || !MigrationVersion.fromVersion(p.version()).isNewerThan(
                        target.version()))
                .toList();
    }
}
