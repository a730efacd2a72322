package dev.assistant.migrate.schema;

import dev.assistant.migrate.api.MigrationEngineException;
import dev.assistant.migrate.api.Problem;
import dev.assistant.migrate.api.ProblemKind;
import dev.assistant.migrate.api.ScriptFailedException;
import dev.assistant.migrate.engine.DowngradeTarget;
import dev.assistant.migrate.engine.MigrateTarget;
import dev.assistant.migrate.engine.MigrationCatalog;
import dev.assistant.migrate.engine.MigrationEngine;
import dev.assistant.migrate.engine.MigrationScript;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Proves on a shadow database that the chain works from nothing: every migration applied from an empty database,
 * one at a time; then, from the newest down, each undo applied and the schema compared with the snapshot taken just
 * before its migration; then everything applied once more.
 */
final class ReplayVerifier {

    private static final int SHOWN_DIFFERENCES = 10;

    private final MigrationCatalog catalog;
    private final MigrationEngine engine;
    private final ShadowDatabase shadow;

    /** @param engine the engine over the shadow database, working from {@code catalog} */
    ReplayVerifier(MigrationCatalog catalog, ShadowDatabase shadow, MigrationEngine engine) {
        this.catalog = catalog;
        this.shadow = shadow;
        this.engine = engine;
    }

    /** The problems found; the shadow database ends fully migrated when there are none. */
    List<Problem> verify() {
        List<MigrationScript> migrations = new ArrayList<>(catalog.migrations().values());
        List<SchemaSnapshot> before = new ArrayList<>();
        for (MigrationScript migration : migrations) {
            before.add(snapshot());
            try {
                engine.migrate(new MigrateTarget(migration.version()), false);
            } catch (MigrationEngineException e) {
                return List.of(new Problem(ProblemKind.FAILS_ON_EMPTY_DATABASE, migration.fileName(),
                        "Applied after the migrations before it to an empty database, it fails: " + briefly(e),
                        "Make it work on the schema the earlier migrations build (it may rely on something made by"
                                + " hand), then run check again."));
            }
        }
        for (int i = migrations.size() - 1; i >= 0; i--) {
            MigrationScript migration = migrations.get(i);
            if (catalog.undo(migration.version()).isEmpty()) {
                break;
            }
            String undo = catalog.undo(migration.version()).orElseThrow().fileName();
            try {
                engine.downgrade(new DowngradeTarget.Steps(1), false);
            } catch (MigrationEngineException e) {
                return List.of(new Problem(ProblemKind.UNDO_DOES_NOT_RESTORE, undo,
                        "Run right after " + migration.fileName() + " on an empty database, it fails: " + briefly(e),
                        "Fix " + undo + " so that it reverses " + migration.fileName() + ", then run check again."));
            }
            List<String> differences = differences(snapshot(), before.get(i));
            if (!differences.isEmpty()) {
                return List.of(new Problem(ProblemKind.UNDO_DOES_NOT_RESTORE, undo,
                        "After " + migration.fileName() + " and then " + undo + ", the schema differs from the one"
                                + " before the migration: " + String.join("; ", differences) + ".",
                        "Make " + undo + " reverse everything " + migration.fileName() + " does; "
                                + engine.hints().createMigration("...") + " writes both from the model."));
            }
        }
        try {
            engine.migrate(MigrateTarget.latest(), false);
        } catch (MigrationEngineException e) {
            return List.of(new Problem(ProblemKind.FAILS_ON_EMPTY_DATABASE, "re-apply",
                    "Applying the migrations again after undoing them fails: " + briefly(e),
                    "An undo leaves something behind that its migration then trips over; fix that undo."));
        }
        return List.of();
    }

    /** A failure in one line: where, and the server's words. */
    static String briefly(MigrationEngineException e) {
        if (e instanceof ScriptFailedException failed) {
            return "line " + failed.line() + " (" + ScriptFailedException.abbreviate(failed.statement()).lines()
                    .findFirst().orElse("") + "): " + failed.serverMessage()
                    + (failed.sqlState() == null ? "" : " (SQL state " + failed.sqlState() + ")");
        }
        return e.getMessage().lines().findFirst().orElse("");
    }

    SchemaSnapshot snapshot() {
        try (Connection connection = shadow.connect()) {
            return DatabaseSchemaReader.read(connection);
        } catch (SQLException e) {
            throw new MigrationEngineException("Cannot read the schema of " + shadow.describe() + ": "
                    + e.getMessage(), false, e);
        }
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
