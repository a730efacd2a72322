package dev.assistant.migrate.engine;

import dev.assistant.migrate.api.EngineLog;
import dev.assistant.migrate.api.MigrateResult;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/** Prints one line per applied migration, with its time, as Flyway applies them. */
final class ProgressCallback implements Callback {

    private final EngineLog log;
    private final List<MigrateResult.Applied> applied = new ArrayList<>();
    private long startedAt;

    ProgressCallback(EngineLog log) {
        this.log = log;
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_EACH_MIGRATE || event == Event.AFTER_EACH_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        if (event == Event.BEFORE_EACH_MIGRATE) {
            startedAt = System.nanoTime();
            return;
        }
        MigrationInfo info = context.getMigrationInfo();
        long millis = (System.nanoTime() - startedAt) / 1_000_000;
        String label = (info.isVersioned() ? "V" + info.getVersion() : "R") + " " + info.getDescription();
        log.info("Applied " + label + " (" + millis + " ms, " + info.getScript() + ")");
        applied.add(new MigrateResult.Applied(label, info.getScript(), millis));
    }

    @Override
    public String getCallbackName() {
        return "assistant-migrate progress";
    }

    List<MigrateResult.Applied> applied() {
        return List.copyOf(applied);
    }
}
