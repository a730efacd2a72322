package dev.assistant.migrate.schema;

import static dev.assistant.migrate.engine.TestHints.HINTS;
import dev.assistant.db.config.ConnectionSettings;
import dev.assistant.db.config.ConnectionSettingsResolver;
import dev.assistant.db.testing.ScratchDatabase;
import dev.assistant.migrate.api.EngineLog;
import dev.assistant.migrate.engine.EngineSettings;
import dev.assistant.migrate.api.Workspace;
import dev.assistant.migrate.engine.MigrateTarget;
import dev.assistant.migrate.engine.MigrationEngine;
import dev.assistant.migrate.api.ScriptLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Engine settings over a scratch database and a migrations directory, for the autogenerate ITs. */
final class ScratchMigrations {

    private ScratchMigrations() {
    }

    static EngineSettings settings(ConnectionSettings database, Path scripts) {
        return new EngineSettings(new Workspace(ConnectionSettingsResolver.create().url(database.jdbcUrl())
                .user(database.user()).password(database.password()).environment(Map.of()).resolve(),
                List.of(new ScriptLocation.Directory(scripts))), Duration.ofSeconds(30), EngineLog.SILENT, HINTS);
    }

    /** Empties the database's public schema, writes {@code before} as V1 into {@code scripts} and applies it. */
    static EngineSettings migrated(ScratchDatabase database, Path scripts, String before)
            throws IOException, SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
        }
        Files.createDirectories(scripts);
        Files.writeString(scripts.resolve("V1__before.sql"), before);
        EngineSettings settings = settings(database.settings(), scripts);
        new MigrationEngine(settings).migrate(MigrateTarget.latest(), false);
        return settings;
    }
}
