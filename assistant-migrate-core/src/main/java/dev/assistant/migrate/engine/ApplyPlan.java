package dev.assistant.migrate.engine;

import dev.assistant.migrate.api.Hints;
import dev.assistant.migrate.api.MigrationEngineException;
import dev.assistant.migrate.api.ScriptFailedException;
import dev.assistant.migrate.api.SqlStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.api.MigrationInfo;

/**
 * What migrate will run, migration by migration, in order: versioned migrations by version, then repeatable ones
 * whose content changed, exactly those Flyway's {@code info()} reports pending. Built before anything changes, so that a
 * script that cannot run (one that mixes statements that need a transaction with ones that may not run in one) stops
 * migrate with nothing done. The same plan is what a dry run writes as the psql script of the run
 * ({@link OfflineScript}).
 *
 * @param historyTable the schema-qualified history table the rows go to
 * @param createsHistoryTable whether the history table is created first
 * @param migrations the migrations, in the order they are applied
 */
public record ApplyPlan(String historyTable, boolean createsHistoryTable, List<PlannedMigration> migrations) {

    public ApplyPlan {
        migrations = List.copyOf(migrations);
    }

    /**
     * @param pending what Flyway's {@code info()} reports pending, in its order
     * @param catalog the scripts, as the engine read them
     * @param statements the splitter for the session the scripts run in
     */
    static ApplyPlan of(HistoryTable history, boolean createsHistoryTable, List<MigrationInfo> pending,
            MigrationCatalog catalog, SqlStatements statements, Hints hints) {
        List<PlannedMigration> planned = new ArrayList<>();
        for (MigrationInfo info : pending) {
            MigrationScript script = scriptOf(info, catalog);
            String text = script.text().orElseThrow();
            List<SqlStatement> split = statements.split(script.file().displayPath(), text);
            PlannedMigration migration = new PlannedMigration(
                    info.isVersioned() ? info.getVersion().toString() : null,
                    HistoryTable.description(info.getDescription()),
                    info.getType().name(),
                    HistoryTable.script(info.getScript()),
                    info.getChecksum(),
                    script.file().displayPath(),
                    split);
            refuseMixed(migration, hints);
            planned.add(migration);
        }
        return new ApplyPlan(history.qualified(), createsHistoryTable, planned);
    }

    private static MigrationScript scriptOf(MigrationInfo info, MigrationCatalog catalog) {
        Optional<MigrationScript> script = info.isVersioned()
                ? catalog.migration(info.getVersion())
                : catalog.repeatables().stream().filter(r -> r.fileName().equals(info.getScript())).findFirst();
        return script.orElseThrow(() -> new IllegalStateException("Flyway reports " + info.getScript()
                + " pending, but the catalog has no such script"));
    }

    /** A migration is one transaction, or none: a script that needs both cannot be applied as one step. */
    private static void refuseMixed(PlannedMigration migration, Hints hints) {
        if (migration.transactional() || migration.statements().stream().noneMatch(SqlStatement::transactional)) {
            return;
        }
        SqlStatement outside = migration.statements().stream()
                .filter(statement -> !statement.transactional())
                .findFirst()
                .orElseThrow();
        throw new MigrationEngineException("migrate stopped before changing anything: " + migration.path() + " line "
                + outside.line() + " must run outside a transaction (" + ScriptFailedException.abbreviate(
                outside.sql()).lines().findFirst().orElse("") + "), but the script has other statements too, which"
                + " need one; a migration runs in one transaction or in none. Put that statement in a migration of"
                + " its own (" + hints.createMigration("...") + " writes a new pair), and its undo, such as"
                + " DROP INDEX CONCURRENTLY, alone in that migration's undo script.", true);
    }

    public boolean isEmpty() {
        return migrations.isEmpty();
    }
}
