package dev.assistant.migrate.api;

import dev.assistant.migrate.engine.DowngradeTarget;
import dev.assistant.migrate.engine.EngineSettings;
import dev.assistant.migrate.engine.FleetRunner;
import dev.assistant.migrate.engine.MigrateTarget;
import dev.assistant.migrate.engine.MigrationCatalog;
import dev.assistant.migrate.engine.MigrationEngine;
import dev.assistant.migrate.schema.FleetCheck;
import dev.assistant.migrate.schema.IgnoredObjects;
import dev.assistant.migrate.schema.MigrationCheck;
import dev.assistant.migrate.schema.MigrationCreator;
import dev.assistant.migrate.schema.PendingLint;
import dev.assistant.migrate.schema.RenameHints;
import dev.assistant.migrate.schema.SchemaBaseline;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The one entry point of the core: one method per goal, each taking a request and returning what the goal found or
 * did. A front end (the Maven plugin, the command line tool, a service at start-up) reads its parameters into a
 * request, calls one method, renders the result ({@link dev.assistant.migrate.api.report.TextReports},
 * {@link dev.assistant.migrate.api.report.JsonReports}) and maps {@link MigrationEngineException} to its own failure:
 * {@link MigrationEngineException#isUserFixable()} tells a problem of the project or its settings from a broken
 * environment, {@link ProblemsFoundException} and {@link ScriptFailedException} carry the details.
 *
 * <p>Each call does its work once: it reads the scripts once, connects once for its own reads and configures Flyway
 * once; {@code migrate} and {@code downgrade} hold the migration lock for their whole run. Progress goes to the log,
 * and every fix a message names is a command spelled by the front end's {@link Hints}.
 */
public final class AssistantMigrate {

    private final EngineLog log;
    private final Hints hints;
    /** The scripts as a fleet run read them once, for each database's own façade; null: each goal reads them. */
    private final MigrationCatalog scripts;

    /**
     * @param log where progress goes ({@link EngineLog#SILENT} for none); the front end masks passwords in it
     * @param hints the front end's commands, for the fixes that messages name
     */
    public AssistantMigrate(EngineLog log, Hints hints) {
        this(log, hints, null);
    }

    private AssistantMigrate(EngineLog log, Hints hints, MigrationCatalog scripts) {
        this.log = log == null ? EngineLog.SILENT : log;
        this.hints = Objects.requireNonNull(hints, "hints");
        this.scripts = scripts;
    }

    /** The current version, the pending migrations (each reversible or not) and every problem. Reads only. */
    public StatusReport status(StatusRequest request) {
        MigrationEngine engine = engine(request.workspace(), null);
        StatusReport report = engine.status();
        return request.lint() == LintMode.OFF ? report : PendingLint.annotate(engine, report, request.lint());
    }

    /** The applied migrations in the order applied, then the pending ones. Reads only. */
    public HistoryReport history(HistoryRequest request) {
        return engine(request.workspace(), null).history();
    }

    /**
     * Applies the pending migrations up to the target, each in its own transaction, after refusing on any error of
     * the scripts or the history; a line per migration goes to the log. With {@link MigrateRequest#script()} it
     * changes nothing and returns the psql script of the run instead.
     */
    public MigrateResult migrate(MigrateRequest request) {
        log.info((request.script() ? "Writing the migration script for "
                : request.dryRun() ? "Planning migrate of " : "Migrating ")
                + request.workspace().connection().maskedUrl() + " from " + request.workspace().describeLocations());
        MigrateTarget target = MigrateTarget.parse(request.target());
        return engine(request.workspace(), request.lockTimeout()).migrate(target, request.dryRun(),
                request.script());
    }

    /**
     * Plans, refuses before changing anything when a step has no undo script, then runs each undo and removes its
     * history row in one transaction, newest first.
     */
    public DowngradeResult downgrade(DowngradeRequest request) {
        DowngradeTarget target = DowngradeTarget.parse(request.target(), hints);
        log.info((request.dryRun() ? "Planning downgrade of " : "Downgrading ")
                + request.workspace().connection().maskedUrl() + " to " + target);
        return engine(request.workspace(), request.lockTimeout()).downgrade(target, request.dryRun());
    }

    /** Writes a new V/U pair: commented templates, or generated from the model; with no difference, nothing. */
    public CreateResult create(CreateRequest request) {
        return new MigrationCreator(engine(request.workspace(), null), request.shadowUrl(),
                RenameHints.parse(request.renames())).create(
                new MigrationCreator.Request(request.message(), request.autogenerate(), request.directory(),
                        Instant.now(), request.model(), IgnoredObjects.of(request.ignore())));
    }

    /**
     * Everything status finds, plus a replay of the chain on a shadow database and the drift from the model. The
     * report says whether it passed; the front end decides how to fail.
     */
    public CheckReport check(CheckRequest request) {
        if (request.model().isEmpty()) {
            log.info("Model drift not checked: no compiled @Entity classes were found. Compile them with "
                    + hints.buildModel() + ", or name them with " + hints.setting(Hints.Setting.MODEL_CLASSES) + ".");
        }
        return new MigrationCheck(engine(request.workspace(), null), request.shadowUrl(),
                RenameHints.parse(request.renames()), IgnoredObjects.of(request.ignore()), request.lint())
                .run(request.model());
    }

    /**
     * Adopts a database that has a schema but no history: with a message, writes the migration that builds the live
     * schema from nothing (and its undo) and records it as Flyway's baseline; with a version, records that existing
     * migration. Refuses on a database with a history; runs under the migration lock.
     */
    public BaselineResult baseline(BaselineRequest request) {
        boolean hasMessage = request.message() != null && !request.message().isBlank();
        if (hasMessage == request.stampsExistingVersion()) {
            throw new MigrationEngineException("baseline needs either " + hints.setting(Hints.Setting.MESSAGE)
                    + " (write a migration that builds the live schema, and record it) or "
                    + hints.setting(Hints.Setting.BASELINE_VERSION) + " (record an existing migration), "
                    + (hasMessage ? "not both" : "and got neither") + ", e.g. "
                    + hints.baseline("adopt existing schema") + ".", true);
        }
        MigrationEngine engine = engine(request.workspace(), request.lockTimeout());
        log.info("Adopting " + request.workspace().connection().maskedUrl() + " with the scripts of "
                + request.workspace().describeLocations());
        if (hasMessage) {
            if (request.directory() == null) {
                throw new MigrationEngineException("baseline writes its migration to a directory, but the migrations"
                        + " are read from " + request.workspace().describeLocations() + ". Name the directory with "
                        + hints.setting(Hints.Setting.LOCATIONS, "<directory>") + ".", true);
            }
            return new SchemaBaseline(engine).adopt(request.message(), request.directory(), Instant.now());
        }
        return new SchemaBaseline(engine).stamp(request.version());
    }

    /**
     * Removes the failed rows of the history and realigns checksums and descriptions to the files, only of the kinds
     * the request names, in one transaction under the migration lock; without any, says what it would change.
     */
    public RepairResult repair(RepairRequest request) {
        log.info((request.fixes().isEmpty() ? "Looking for history rows to repair in " : "Repairing the history of ")
                + request.workspace().connection().maskedUrl());
        return engine(request.workspace(), request.lockTimeout()).repair(request.fixes());
    }

    /**
     * {@code migrate} on every database of a fleet, each through {@link #migrate(MigrateRequest)} on its own
     * connection and under its own lock; {@code each} is the request for one, its database replaced by each in turn.
     * A bad target is refused before any database is touched.
     */
    public FleetResult<MigrateResult> migrate(FleetRequest fleet, MigrateRequest each) {
        MigrateTarget.parse(each.target());
        MigrationCatalog catalog = scripts(each.workspace());
        announce("Migrating", fleet, each.workspace());
        return FleetRunner.run("migrate", fleet, log, (database, memberLog) -> {
            MigrateResult result = member(memberLog, catalog).migrate(
                    new MigrateRequest(each.workspace().on(database), each.target(), each.dryRun(), each.lockTimeout()));
            int count = result.dryRun() ? result.planned().size() : result.applied().size();
            String done = result.dryRun() ? "dry run: " + count + " to apply"
                    : count == 0 ? "up to date" : "applied " + count;
            return new FleetRunner.Done<>(result, version(result.before()), version(result.current()), count, true,
                    done);
        });
    }

    /** {@code status} of every database of a fleet; a database that cannot be read is a failure, problems are not. */
    public FleetResult<StatusReport> status(FleetRequest fleet, StatusRequest each) {
        MigrationCatalog catalog = scripts(each.workspace());
        announce("Reading", fleet, each.workspace());
        return FleetRunner.run("status", fleet, log, (database, memberLog) -> {
            StatusReport report = member(memberLog, catalog).status(
                    new StatusRequest(each.workspace().on(database)));
            String done = report.isUpToDate() ? "up to date" : report.pending().size() + " pending"
                    + (report.problems().isEmpty() ? "" : ", " + report.problems().size() + " problem"
                    + (report.problems().size() == 1 ? "" : "s"));
            Optional<String> current = version(report.current());
            return new FleetRunner.Done<>(report, current, current, report.pending().size(), true, done);
        });
    }

    /**
     * {@code downgrade} of every database of a fleet to the same target, each through
     * {@link #downgrade(DowngradeRequest)}; a bad target is refused before any database is touched.
     */
    public FleetResult<DowngradeResult> downgrade(FleetRequest fleet, DowngradeRequest each) {
        DowngradeTarget.parse(each.target(), hints);
        MigrationCatalog catalog = scripts(each.workspace());
        announce(each.dryRun() ? "Planning the downgrade of" : "Downgrading", fleet, each.workspace());
        return FleetRunner.run("downgrade", fleet, log, (database, memberLog) -> {
            DowngradeResult result = member(memberLog, catalog).downgrade(new DowngradeRequest(
                    each.workspace().on(database), each.target(), each.dryRun(), each.lockTimeout()));
            int count = result.dryRun() ? result.plan().steps().size() : result.undone().size();
            String done = result.dryRun() ? "dry run: " + count + " to undo"
                    : count == 0 ? "nothing to undo" : "undid " + count;
            return new FleetRunner.Done<>(result, version(result.before()), version(result.current()), count, true,
                    done);
        });
    }

    /**
     * {@code check} of every database of a fleet: each database's history, problems and hand-made changes on its own,
     * the replay of the chain and the model's drift once for all (they depend on the scripts alone).
     */
    public FleetResult<CheckReport> check(FleetRequest fleet, CheckRequest each) {
        if (each.model().isEmpty()) {
            log.info("Model drift not checked: no compiled @Entity classes were found. Compile them with "
                    + hints.buildModel() + ", or name them with " + hints.setting(Hints.Setting.MODEL_CLASSES) + ".");
        }
        MigrationCatalog catalog = scripts(each.workspace());
        announce("Checking", fleet, each.workspace());
        return new FleetCheck(each.shadowUrl(), RenameHints.parse(each.renames()), IgnoredObjects.of(each.ignore()),
                each.lint())
                .run(fleet, each.model(), log, (database, memberLog) -> MigrationEngine.sharing(
                        new EngineSettings(each.workspace().on(database), null, memberLog, hints), catalog));
    }

    private void announce(String verb, FleetRequest fleet, Workspace workspace) {
        int size = fleet.databases().size();
        log.info(verb + " " + size + " database" + (size == 1 ? "" : "s") + ", " + Math.min(fleet.parallel(), size)
                + " at a time" + (fleet.failFast() ? ", stopping at the first failure" : "") + ", with the scripts of "
                + workspace.describeLocations());
    }

    private static Optional<String> version(Optional<AppliedMigration> migration) {
        return migration.map(m -> m.version() == null ? m.description() : m.version());
    }

    private MigrationEngine engine(Workspace workspace, Duration lockTimeout) {
        EngineSettings settings = new EngineSettings(workspace, lockTimeout, log, hints);
        return scripts == null ? new MigrationEngine(settings) : MigrationEngine.sharing(settings, scripts);
    }

    /** The façade of one database of a fleet: its own log, the scripts the fleet read once. */
    private AssistantMigrate member(EngineLog memberLog, MigrationCatalog catalog) {
        return new AssistantMigrate(memberLog, hints, catalog);
    }

    /** The scripts of a fleet run, read once before any database is touched. */
    private MigrationCatalog scripts(Workspace workspace) {
        return engine(workspace, null).catalog();
    }
}
