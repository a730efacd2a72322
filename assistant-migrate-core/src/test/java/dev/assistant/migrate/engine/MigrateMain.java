package dev.assistant.migrate.engine;

import dev.assistant.db.config.ConnectionSettingsResolver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Migrates from a process of its own, for the tests that kill that process. Arguments: url, user, password, dir. */
public final class MigrateMain {

    private MigrateMain() {
    }

    public static void main(String[] args) {
        var settings = ConnectionSettingsResolver.create().url(args[0]).user(args[1]).password(args[2])
                .environment(Map.of()).resolve();
        new MigrationEngine(new EngineSettings(settings, List.of(new ScriptLocation.Directory(Path.of(args[3]))),
                Duration.ofSeconds(60), EngineLog.SILENT)).migrate(MigrateTarget.latest(), false);
    }
}
