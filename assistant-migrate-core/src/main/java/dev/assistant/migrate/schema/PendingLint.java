package dev.assistant.migrate.schema;

import dev.assistant.migrate.api.LintFinding;
import dev.assistant.migrate.api.LintMode;
import dev.assistant.migrate.api.MigrationEngineException;
import dev.assistant.migrate.api.PendingMigration;
import dev.assistant.migrate.api.ScriptFailedException;
import dev.assistant.migrate.api.StatusReport;
import dev.assistant.migrate.engine.MigrationCatalog;
import dev.assistant.migrate.engine.MigrationEngine;
import dev.assistant.migrate.engine.MigrationScript;
import dev.assistant.migrate.engine.ScriptRunner;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What status adds for the lint: when migrations are pending, the chain is applied on a shadow database (each
 * migration once, no undo, as migrate would), the pending ones observed by {@link LockObserver}, and their findings
 * marked with the sizes of the tables in the database status reads. A shadow database that cannot be made (no
 * CREATEDB), or a chain that fails on it, makes the findings unknown, never the status fail.
 */
public final class PendingLint {

    private PendingLint() {
    }

    public static StatusReport annotate(MigrationEngine engine, StatusReport report, LintMode mode) {
        Set<String> pending = report.pending().stream().filter(p -> !p.repeatable()).map(PendingMigration::script)
                .collect(Collectors.toSet());
        if (pending.isEmpty()) {
            return report;
        }
        MigrationCatalog catalog = engine.catalog();
        if (!catalog.errors().isEmpty()) {
            return unknown(engine, report, "the scripts have errors (see Problems)");
        }
        LockObserver observer = new LockObserver(mode);
        long start = System.nanoTime();
        try (ShadowDatabase shadow = ShadowDatabase.open(engine.database(), null);
                ScriptRunner runner = shadow.runner()) {
            for (MigrationScript migration : catalog.migrations().values()) {
                boolean observed = pending.contains(migration.fileName());
                try {
                    runner.apply(migration, observed ? observer : null);
                } catch (ScriptFailedException e) {
                    return unknown(engine, report, migration.fileName() + " fails on a shadow database: "
                            + ReplayVerifier.briefly(e));
                }
            }
        } catch (MigrationEngineException e) {
            return unknown(engine, report, "no shadow database to replay them on: " + e.getMessage().lines()
                    .findFirst().orElse(""));
        }
        engine.log().debug("[shadow] Replayed the chain to lint " + pending.size() + " pending migrations ("
                + (System.nanoTime() - start) / 1_000_000 + " ms; " + observer.summary() + ")");
        List<LintFinding> findings = new MigrationLint(catalog, mode).findings(observer, Optional.empty()).stream()
                .filter(finding -> pending.contains(finding.script())).toList();
        return report.withLint(MigrationLint.withSizes(findings, engine.database(), engine.log()::debug),
                Optional.empty());
    }

    private static StatusReport unknown(MigrationEngine engine, StatusReport report, String why) {
        String reason = "Lint findings of the pending migrations unknown: " + why;
        engine.log().debug(reason);
        return report.withLint(List.of(), Optional.of(reason));
    }
}
