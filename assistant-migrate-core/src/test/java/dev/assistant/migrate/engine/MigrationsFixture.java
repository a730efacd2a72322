package dev.assistant.migrate.engine;

import dev.assistant.db.config.ConnectionSettings;
import dev.assistant.db.config.ConnectionSettingsResolver;
import dev.assistant.db.testing.Jdbc;
import dev.assistant.db.testing.ScratchDatabase;
import dev.assistant.migrate.api.EngineLog;
import dev.assistant.migrate.api.ScriptLocation;
import dev.assistant.migrate.api.Workspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A migrations directory on disk and an engine over it and a scratch database. */
final class MigrationsFixture {

    private final Path directory;
    private final ScratchDatabase database;
    private final RecordingLog log = new RecordingLog();
    private Duration lockTimeout = Duration.ofSeconds(30);

    MigrationsFixture(Path directory, ScratchDatabase database) {
        this.directory = directory;
        this.database = database;
    }

    MigrationsFixture write(String fileName, String sql) {
        try {
            Files.writeString(directory.resolve(fileName), sql, StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code V<version>__<name>.sql} creating table {@code <name>}, and its undo dropping it. */
    MigrationsFixture table(String version, String name) {
        return write("V" + version + "__" + name + ".sql", "CREATE TABLE " + name + " (id integer PRIMARY KEY);\n")
                .write("U" + version + "__" + name + ".sql", "DROP TABLE " + name + ";\n");
    }

    /**
     * V1 creates table {@code one} with two equal codes; V2 builds a unique index on them with
     * {@code CREATE INDEX CONCURRENTLY}, which fails outside a transaction and leaves a failure record and an invalid
     * index {@code ix_one_code}.
     */
    MigrationsFixture failingConcurrentIndex() {
        return write("V1__one.sql", """
                        CREATE TABLE one (id integer PRIMARY KEY, code integer);
                        INSERT INTO one VALUES (1, 7), (2, 7);
                        """)
                .write("U1__one.sql", "DROP TABLE one;\n")
                .write("V2__index.sql", "CREATE UNIQUE INDEX CONCURRENTLY ix_one_code ON one (code);\n")
                .write("U2__index.sql", "DROP INDEX CONCURRENTLY ix_one_code;\n");
    }

    MigrationsFixture delete(String fileName) {
        try {
            Files.delete(directory.resolve(fileName));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    MigrationsFixture lockTimeout(Duration timeout) {
        this.lockTimeout = timeout;
        return this;
    }

    ConnectionSettings connection() {
        return ConnectionSettingsResolver.create()
                .url(database.jdbcUrl())
                .user(database.user())
                .password(database.password())
                .environment(Map.of())
                .resolve();
    }

    MigrationEngine engine() {
        return engine(log);
    }

    MigrationEngine engine(EngineLog engineLog) {
        return new MigrationEngine(new EngineSettings(workspace(), lockTimeout, engineLog, TestHints.HINTS));
    }

    Workspace workspace() {
        return new Workspace(connection(), List.of(new ScriptLocation.Directory(directory)));
    }

    RecordingLog log() {
        return log;
    }

    /** The tables of the public schema, without the history table. */
    List<String> tables() {
        return strings("""
                SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'flyway_schema_history'
                ORDER BY tablename""");
    }

    /** The versions in the history table, in the order they were applied, with a trailing ! when failed. */
    List<String> historyVersions() {
        return strings("""
                SELECT coalesce(version, 'R') || CASE WHEN success THEN '' ELSE '!' END
                FROM flyway_schema_history WHERE type <> 'SCHEMA' ORDER BY installed_rank""");
    }

    List<String> strings(String sql) {
        return Jdbc.strings(database.settings(), sql);
    }

    void execute(String sql) {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Empties the scratch database between tests: drops every table and the history. */
    void reset() {
        execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
    }
}
