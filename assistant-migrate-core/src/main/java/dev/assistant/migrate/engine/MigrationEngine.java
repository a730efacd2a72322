package dev.assistant.migrate.engine;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.internal.exception.FlywayMigrateException;
import org.flywaydb.core.internal.sqlscript.FlywaySqlScriptException;

/**
 * The migration engine behind every goal: status, history, migrate, downgrade and check over one database and one
 * set of migration locations. It knows nothing of Maven; callers render what it returns.
 */
public final class MigrationEngine {

    private final EngineSettings settings;
    private final Database database;
    private final EngineLog log;

    public MigrationEngine(EngineSettings settings) {
        this.settings = settings;
        this.database = new Database(settings.connection());
        this.log = settings.log();
    }

    public Database database() {
        return database;
    }

    /** Scans the locations; the files alone, no database. */
    public MigrationCatalog catalog() {
        return MigrationCatalog.scan(settings.locations());
    }

    public StatusReport status() {
        MigrationCatalog catalog = catalog();
        currentSchema();
        DatabaseState state = read(catalog, MigrateTarget.latest());
        return new StatusReport(database.describe(), locations(catalog), state.current(), state.pending(),
                state.problems());
    }

    public HistoryReport history() {
        MigrationCatalog catalog = catalog();
        currentSchema();
        DatabaseState state = read(catalog, MigrateTarget.latest());
        return new HistoryReport(database.describe(), state.applied(), state.pending());
    }

    public CheckReport check() {
        MigrationCatalog catalog = catalog();
        currentSchema();
        DatabaseState state = read(catalog, MigrateTarget.latest());
        return new CheckReport(database.describe(), state.pending(), state.problems());
    }

    public MigrateResult migrate(MigrateTarget target, boolean dryRun) {
        MigrationCatalog catalog = catalog();
        refuseOn(catalog.errors(), "migrate");
        requireKnownTarget(target, catalog);
        String schema = currentSchema();
        try (MigrationLock ignored = dryRun ? null
                : MigrationLock.acquire(database, schema, settings.lockTimeout(), "migrate", log)) {
            ProgressCallback progress = new ProgressCallback(log);
            Flyway flyway = flyway(catalog, target, List.of(progress));
            DatabaseState before = read(flyway, catalog);
            refuseOn(before.errors(), "migrate");
            requireForward(target, before);
            if (dryRun) {
                return new MigrateResult(database.describe(), List.of(), upTo(before.pending(), target),
                        before.current(), true);
            }
            try {
                flyway.migrate();
            } catch (FlywayException e) {
                throw migrateFailure(e, flyway, catalog);
            }
            DatabaseState after = read(flyway, catalog);
            return new MigrateResult(database.describe(), progress.applied(), List.of(), after.current(), false);
        }
    }

    public DowngradeResult downgrade(DowngradeTarget target, boolean dryRun) {
        MigrationCatalog catalog = catalog();
        refuseOn(catalog.errors(), "downgrade");
        String schema = currentSchema();
        try (MigrationLock ignored = dryRun ? null
                : MigrationLock.acquire(database, schema, settings.lockTimeout(), "downgrade", log)) {
            Flyway flyway = flyway(catalog, MigrateTarget.latest(), List.of());
            DatabaseState before = read(flyway, catalog);
            refuseOn(before.errors(), "downgrade");
            DowngradePlan plan = DowngradePlanner.plan(before.applied(), target, catalog);
            if (dryRun || plan.isEmpty()) {
                return new DowngradeResult(database.describe(), plan, List.of(), before.current(), dryRun);
            }
            List<DowngradeResult.Undone> undone = new ArrayList<>();
            try (Connection connection = database.connect()) {
                UndoRunner runner = new UndoRunner(connection,
                        SqlIdentifiers.qualify(schema, FlywayFactory.HISTORY_TABLE));
                for (DowngradeStep step : plan.steps()) {
                    String label = "V" + step.migration().version() + " " + step.migration().description();
                    long start = System.nanoTime();
                    runner.run(step, "the database stays at version " + step.migration().version()
                            + (undone.isEmpty() ? "." : " (already undone: " + undone.stream()
                            .map(DowngradeResult.Undone::label).collect(Collectors.joining(", ")) + ")."));
                    long millis = (System.nanoTime() - start) / 1_000_000;
                    log.info("Undid " + label + " (" + millis + " ms, " + step.undo().fileName() + ")");
                    undone.add(new DowngradeResult.Undone(label, step.undo().file().displayPath(), millis));
                }
            } catch (SQLException e) {
                throw database.connectionFailure(e);
            }
            DatabaseState after = read(flyway, catalog);
            return new DowngradeResult(database.describe(), plan, undone, after.current(), false);
        }
    }

    private Flyway flyway(MigrationCatalog catalog, MigrateTarget target, List<Callback> callbacks) {
        return FlywayFactory.create(database, catalog, target.version(), settings.lockTimeout(), log, callbacks);
    }

    private DatabaseState read(MigrationCatalog catalog, MigrateTarget target) {
        return read(flyway(catalog, target, List.of()), catalog);
    }

    private DatabaseState read(Flyway flyway, MigrationCatalog catalog) {
        try {
            return DatabaseState.read(flyway, catalog);
        } catch (FlywayException e) {
            throw flywayFailure("read the schema history", e);
        }
    }

    /** Connects once up front, so that a wrong setting is explained before Flyway is involved. */
    private String currentSchema() {
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT current_schema()")) {
            String schema = result.next() ? result.getString(1) : null;
            if (schema == null) {
                throw new MigrationEngineException("The search_path of " + database.describe() + " names no existing"
                        + " schema, so there is nowhere to keep the schema history. Create the schema, or add"
                        + " currentSchema=<schema> to the URL.", true);
            }
            return schema;
        } catch (SQLException e) {
            throw database.connectionFailure(e);
        }
    }

    private static List<String> locations(MigrationCatalog catalog) {
        return catalog.locations().stream().map(ScriptLocation::describe).toList();
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

    private static void requireForward(MigrateTarget target, DatabaseState state) {
        Optional<AppliedMigration> current = state.current();
        if (!target.isLatest() && current.isPresent()
                && MigrationVersion.fromVersion(current.get().version()).isNewerThan(target.version())) {
            throw new MigrationEngineException("Target " + target.version() + " is below the current version "
                    + current.get().version() + "; migrate only goes forward. To go back: downgrade"
                    + " -Dassistant.target=" + target.version() + " (make migration-downgrade TARGET="
                    + target.version() + ").", true);
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

    private MigrationEngineException migrateFailure(FlywayException e, Flyway flyway, MigrationCatalog catalog) {
        String state = currentVersionAfterFailure(flyway, catalog);
        FlywaySqlScriptException scriptFailure = find(e, FlywaySqlScriptException.class);
        FlywayMigrateException migrateFailure = find(e, FlywayMigrateException.class);
        SQLException sqlFailure = find(e, SQLException.class);
        if (sqlFailure != null && isConnectionLoss(sqlFailure)) {
            return new MigrationEngineException("Lost the connection to " + database.describe() + " while migrating"
                    + (migrateFailure == null || migrateFailure.getMigration() == null ? ""
                    : " " + migrateFailure.getMigration().getScript()) + ": "
                    + database.settings().redact(ScriptFailedException.serverMessageOf(sqlFailure)) + " (SQL state "
                    + sqlFailure.getSQLState() + "). The server rolled back the unfinished migration; " + state
                    + " Run migrate again once the server is reachable.", false, e);
        }
        if (scriptFailure != null) {
            boolean rolledBack = migrateFailure == null || migrateFailure.isExecutableInTransaction();
            String file = scriptFailure.getResource() == null ? "a migration"
                    : scriptFailure.getResource().getFilename();
            String headline = "Migration " + file + (rolledBack
                    ? " failed and was rolled back; " + state
                    : " failed outside a transaction, so what ran before the failing statement stays, and a failure"
                    + " record now blocks migrate; " + state);
            String fix = rolledBack
                    ? "Fix the script, then run migrate again (make migrate)."
                    : "Run status (make migration-status) for how to clear the failure record, then fix the script"
                    + " and migrate again.";
            return new ScriptFailedException(headline,
                    scriptFailure.getResource() == null ? file : scriptFailure.getResource().getAbsolutePathOnDisk(),
                    scriptFailure.getLineNumber(), scriptFailure.getStatement(),
                    sqlFailure == null ? null : sqlFailure.getSQLState(),
                    sqlFailure == null ? String.valueOf(scriptFailure.getMessage())
                            : ScriptFailedException.serverMessageOf(sqlFailure),
                    fix, e);
        }
        return flywayFailure("migrate", e);
    }

    private String currentVersionAfterFailure(Flyway flyway, MigrationCatalog catalog) {
        try {
            return DatabaseState.read(flyway, catalog).current()
                    .map(current -> "the database is at version " + current.version() + " (" + current.description()
                            + ").")
                    .orElse("no migration is applied.");
        } catch (RuntimeException unreadable) {
            return "the current version could not be read back.";
        }
    }

    private static boolean isConnectionLoss(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03"));
    }

    private MigrationEngineException flywayFailure(String action, FlywayException e) {
        SQLException sql = find(e, SQLException.class);
        if (sql != null && isConnectionLoss(sql)) {
            return database.connectionFailure(sql);
        }
        if (sql != null && "42501".equals(sql.getSQLState())) {
            String user = database.settings().user();
            return new MigrationEngineException("User '" + user + "' lacks a privilege on " + database.describe()
                    + ": " + ScriptFailedException.serverMessageOf(sql) + " (SQL state 42501). Nothing was changed."
                    + " Run migrations as the owner of the schema and its " + FlywayFactory.HISTORY_TABLE
                    + " table, or grant what is missing (e.g. GRANT CREATE ON SCHEMA public TO "
                    + SqlIdentifiers.quote(user) + ";).", true, e);
        }
        String message = database.settings().redact(String.valueOf(e.getMessage()));
        if (message.contains("but no schema history table")) {
            return new MigrationEngineException("The schema of " + database.describe() + " already holds tables, but"
                    + " no " + FlywayFactory.HISTORY_TABLE + ": it was not built by these migrations, and applying"
                    + " them on top could clash. Nothing was changed. Point at an empty database (make db-up gives"
                    + " one), or record which migration the existing schema matches in " + FlywayFactory.HISTORY_TABLE
                    + " with Flyway's baseline before migrating.", true, e);
        }
        return new MigrationEngineException("Could not " + action + " on " + database.describe() + ": " + message,
                false, e);
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
