package dev.assistant.service;

import dev.assistant.db.config.ConnectionSettings;
import dev.assistant.migrate.api.AssistantMigrate;
import dev.assistant.migrate.api.EngineLog;
import dev.assistant.migrate.api.MigrationEngineException;
import dev.assistant.migrate.api.PendingMigration;
import dev.assistant.migrate.api.Problem;
import dev.assistant.migrate.api.ProblemKind;
import dev.assistant.migrate.api.ScriptLocation;
import dev.assistant.migrate.api.StatusReport;
import dev.assistant.migrate.api.StatusRequest;
import dev.assistant.migrate.api.Workspace;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares the database's schema history with the migrations the service ships with (db/migration on its class
 * path, from assistant-db-migrations), through the migration core's status, and refuses a database that is behind or
 * holds a failed migration. It only reads; applying migrations is migrate's job. A database ahead of the service is
 * fine.
 */
final class MigrationGuard {

    static final String LOCATION = "db/migration";
    private static final Pattern VERSION = Pattern.compile("V(\\d+(?:[._]\\d+)*)__.*");

    private MigrationGuard() {
    }

    static void requireUpToDate(ConnectionSettings settings) {
        String database = settings.maskedUrl();
        ClassLoader classLoader = MigrationGuard.class.getClassLoader();
        if (classLoader.getResource(LOCATION) == null) {
            throw new DatabaseNotReadyException("Cannot check " + database + ": there are no migrations on the class"
                    + " path (" + LOCATION + ", from assistant-db-migrations).", List.of(), null);
        }
        StatusReport status;
        try {
            status = new AssistantMigrate(EngineLog.SILENT, ServiceHints.INSTANCE).status(new StatusRequest(
                    new Workspace(settings, List.of(new ScriptLocation.Classpath(LOCATION, classLoader)))));
        } catch (MigrationEngineException e) {
            throw new DatabaseNotReadyException("Cannot read the schema history of " + database + ": "
                    + e.getMessage(), List.of(), e);
        }
        List<String> pending = new ArrayList<>();
        for (PendingMigration migration : status.pending()) {
            pending.add(migration.version() == null ? "R__" + migration.description().replace(' ', '_')
                    : migration.version());
        }
        List<String> failed = new ArrayList<>();
        for (Problem problem : status.problems()) {
            if (problem.kind() == ProblemKind.FAILED_MIGRATION) {
                failed.add(problem.subject());
            } else if (problem.kind() == ProblemKind.OUT_OF_ORDER) {
                pending.add(versionOf(problem.subject()));
            }
        }
        if (!failed.isEmpty()) {
            throw new DatabaseNotReadyException("The database " + database + " has a failed migration ("
                    + String.join(", ", failed) + "). For how to clear it, run " + ServiceHints.INSTANCE.status()
                    + "; then migrate again (" + ServiceHints.INSTANCE.migrate() + ").", pending, null);
        }
        if (!pending.isEmpty()) {
            throw new DatabaseNotReadyException("The database " + database + " is behind this build: "
                    + pending.size() + " migration" + (pending.size() == 1 ? " is" : "s are") + " pending ("
                    + String.join(", ", pending) + "). Apply them (" + ServiceHints.INSTANCE.migrate()
                    + "), then start the service again.", pending, null);
        }
    }

    /** {@code V2_1__tags.sql} is version 2.1; a name of another form stays as it is. */
    private static String versionOf(String script) {
        Matcher version = VERSION.matcher(script);
        return version.matches() ? version.group(1).replace('_', '.') : script;
    }
}
