package dev.assistant.migrate.engine;

import dev.assistant.db.config.ConnectionSettingsResolver;
import dev.assistant.migrate.api.AssistantMigrate;
import dev.assistant.migrate.api.EngineLog;
import dev.assistant.migrate.api.MigrateRequest;
import dev.assistant.migrate.api.ScriptLocation;
import dev.assistant.migrate.api.Workspace;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Migrates from a process of its own, for the tests that kill that process. Arguments: url, user, password, dir. */
public final class MigrateMain {

    private MigrateMain() {
    }

    public static void main(String[] args) {
        var settings = ConnectionSettingsResolver.create().url(args[0]).user(args[1]).password(args[2])
                .environment(Map.of()).resolve();
        new AssistantMigrate(EngineLog.SILENT, TestHints.HINTS).migrate(MigrateRequest.latest(
                new Workspace(settings, List.of(new ScriptLocation.Directory(Path.of(args[3]))))));
    }
}
