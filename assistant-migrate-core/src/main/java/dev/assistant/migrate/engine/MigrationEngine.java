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
import dev.assistant.migrate.api.ProblemKind;
import dev.assistant.migrate.api.ProblemsFoundException;
import dev.assistant.migrate.api.RepairRequest;
import dev.assistant.migrate.api.RepairResult;
import dev.assistant.migrate.api.ScriptLocation;
import dev.assistant.migrate.api.StatusReport;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationVersion;

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

    /** An engine that works from scripts already read, for the databases of a fleet: they are read once for all. */
    public static MigrationEngine sharing(EngineSettings settings, MigrationCatalog catalog) {
        return new MigrationEngine(new Database(settings.workspace().connection(), settings.hints()),
                settings.workspace().locations(), catalog, settings.lockTimeout(), settings.log(), settings.hints());
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

    Duration lockTimeout() {
        return lockTimeout;
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

    /**
     * Applies the pending migrations up to the target with the engine's own loop ({@link MigrationRunner}), on the
     * session that holds the migration lock; Flyway reads and checks the history and resolves the scripts.
     */
    public MigrateResult migrate(MigrateTarget target, boolean dryRun) {
        return migrate(target, dryRun, false);
    }

    /**
     * As {@link #migrate(MigrateTarget, boolean)}; with {@code script}, a dry run that also writes the plan as the
     * psql script of the run ({@link OfflineScript}). A dry run reads the history and takes no lock.
     */
    public MigrateResult migrate(MigrateTarget target, boolean dryRun, boolean script) {
        MigrationCatalog catalog = catalog();
        warnAboutIgnored(catalog);
        refuseOn(catalog.errors(), "migrate");
        requireKnownTarget(target, catalog);
        boolean changes = !dryRun && !script;
        try (EngineConnection own = EngineConnection.open(database, log);
                MigrationLock lock = changes ? MigrationLock.acquire(own, database, lockTimeout, "migrate", log)
                        : null) {
            Flyway flyway = flyway(target);
            DatabaseState before = read(flyway, own.schema());
            refuseOn(before.errors(), "migrate");
            warnAboutFuture(before);
            requireForward(target, before);
            HistoryTable history = own.history();
            HistoryTable.Presence presence = presence(own, history);
            if (!presence.exists() && !presence.schemaEmpty()) {
                throw notOurSchema(own.schema());
            }
            ApplyPlan plan = ApplyPlan.of(history, !presence.exists(), before.toApply(), catalog, own.statements(),
                    hints);
            if (!changes) {
                return new MigrateResult(database.describe(), List.of(), upTo(before.pending(), target),
                        before.current(), true, before.current(), script ? Optional.of(OfflineScript.of(plan,
                        history, scriptOrigin(own, history, presence, before))) : Optional.empty());
            }
            warnIrreversible(upTo(before.pending(), target));
            try (MigrationRunner runner = new MigrationRunner(own, lock, database, before.current(),
                    version -> catalog.isReversible(MigrationVersion.fromVersion(version)), log)) {
                if (plan.createsHistoryTable()) {
                    runner.createHistoryTable(history);
                }
                List<MigrateResult.Applied> applied = runner.apply(plan, history);
                return new MigrateResult(database.describe(), applied, List.of(), runner.current(), false,
                        before.current());
            }
        }
    }

    public DowngradeResult downgrade(DowngradeTarget target, boolean dryRun) {
        MigrationCatalog catalog = catalog();
        refuseOn(catalog.errors(), "downgrade");
        try (EngineConnection own = EngineConnection.open(database, log);
                MigrationLock lock = dryRun ? null
                        : MigrationLock.acquire(own, database, lockTimeout, "downgrade", log)) {
            Flyway flyway = flyway(MigrateTarget.latest());
            DatabaseState before = read(flyway, own.schema());
            refuseOn(before.errors(), "downgrade");
            DowngradePlan plan = DowngradePlanner.plan(before.applied(), target, catalog, own.statements(), hints);
            if (dryRun || plan.isEmpty()) {
                return new DowngradeResult(database.describe(), plan, List.of(), before.current(), dryRun,
                        before.current());
            }
            List<DowngradeResult.Undone> undone = undo(plan, own, lock, target);
            return new DowngradeResult(database.describe(), plan, undone, currentAfter(before, plan), false,
                    before.current());
        }
    }

    /**
     * Records what {@code source} chooses as Flyway's baseline row, under the migration lock, refusing on a database
     * that already has a history.
     */
    public BaselineRecorder.Stamp baseline(BaselineRecorder.Source source) {
        MigrationCatalog catalog = catalog();
        refuseOn(catalog.errors(), "baseline");
        return new BaselineRecorder(this).record(source);
    }

    /** Fixes the history rows of the kinds named in {@code fixes}; with none, only says what it would change. */
    public RepairResult repair(Set<RepairRequest.Fix> fixes) {
        return new HistoryRepair(this).run(fixes);
    }

    /** Who writes the script of a run, for which database, and the history it continues. */
    private OfflineScript.Origin scriptOrigin(EngineConnection own, HistoryTable history,
            HistoryTable.Presence presence, DatabaseState before) {
        try {
            String version = MigrationEngine.class.getPackage().getImplementationVersion();
            return new OfflineScript.Origin(Database.APPLICATION_NAME + (version == null ? " (development build)"
                    : " " + version), Instant.now(), database.settings(),
                    own.connection().getMetaData().getDatabaseProductVersion(), own.schema(), own.user(),
                    before.current(), presence.exists() ? history.newestRank(own.connection()) : 0,
                    lockTimeout, hints.status());
        } catch (SQLException e) {
            throw SqlFailures.isConnectionLoss(e) ? database.connectionFailure(e)
                    : new MigrationEngineException("Could not read the schema history of " + database.describe()
                    + ": " + SqlFailures.serverMessage(e), false, e);
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

    private List<DowngradeResult.Undone> undo(DowngradePlan plan, EngineConnection own, MigrationLock lock,
            DowngradeTarget target) {
        List<DowngradeResult.Undone> undone = new ArrayList<>();
        try (UndoRunner runner = new UndoRunner(own, lock, database, target.toString(), log)) {
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
        }
        return undone;
    }

    /** The newest row the plan leaves in place, read from the history as it was before. */
    private static Optional<AppliedMigration> currentAfter(DatabaseState before, DowngradePlan plan) {
        if (plan.toVersion() == null) {
            return Optional.empty();
        }
        return before.applied().stream()
                .filter(row -> plan.toVersion().equals(row.version()) && !"Failed".equals(row.state()))
                .reduce((first, second) -> second);
    }

    /** What the reading goals share: the scripts, the engine's connection to check the settings, one Flyway. */
    private DatabaseState readState() {
        catalog();
        String schema;
        try (EngineConnection own = EngineConnection.open(database, log)) {
            schema = own.schema();
        }
        return read(flyway(MigrateTarget.latest()), schema);
    }

    Flyway flyway(MigrateTarget target) {
        return FlywayFactory.create(database, catalog(), target.version(), log);
    }

    private DatabaseState read(Flyway flyway, String schema) {
        try {
            return DatabaseState.read(flyway, catalog(), hints);
        } catch (FlywayException e) {
            throw failures.of("read the schema history", schema, e);
        }
    }

    private HistoryTable.Presence presence(EngineConnection own, HistoryTable history) {
        try {
            return history.presence(own.connection());
        } catch (SQLException e) {
            throw SqlFailures.isConnectionLoss(e) ? database.connectionFailure(e)
                    : new MigrationEngineException("Could not look for the schema history table on "
                    + database.describe() + ": " + SqlFailures.serverMessage(e), false, e);
        }
    }

    private MigrationEngineException notOurSchema(String schema) {
        return new MigrationEngineException("The schema " + schema + " of " + database.describe() + " already holds"
                + " tables, but no " + HistoryTable.NAME + ": it was not built by these migrations, and applying"
                + " them on top could clash. Nothing was changed. Point at an empty database ("
                + hints.startDatabase() + " gives one), or adopt the existing schema: "
                + hints.baseline("adopt existing schema") + " writes the migration that builds it and records it as the"
                + " baseline.", true);
    }

    /**
     * A history row newer than every script does not stop migrate (an older build may run against a newer database,
     * as a rolled-back deploy does), but migrate must not call such a database up to date without saying so.
     */
    private void warnAboutFuture(DatabaseState state) {
        for (Problem problem : state.problems()) {
            if (problem.kind() == ProblemKind.FUTURE_MIGRATION) {
                log.warn(problem.subject() + ": " + problem.detail() + " " + problem.fix());
            }
        }
    }

    /** Every entry of the locations that is not read, said in migrate's own output. */
    private void warnAboutIgnored(MigrationCatalog catalog) {
        for (Problem problem : catalog.ignoredEntries()) {
            log.warn(problem.subject() + ": " + problem.detail() + " " + problem.fix());
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
