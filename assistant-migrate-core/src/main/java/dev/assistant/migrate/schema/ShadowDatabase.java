package dev.assistant.migrate.schema;

import dev.assistant.db.config.ConnectionSettings;
import dev.assistant.db.config.ConnectionSettingsResolver;
import dev.assistant.migrate.api.EngineLog;
import dev.assistant.migrate.api.Hints;
import dev.assistant.migrate.api.MigrationEngineException;
import dev.assistant.migrate.engine.Database;
import dev.assistant.migrate.engine.MigrationEngine;
import dev.assistant.migrate.engine.ScriptRunner;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A database where the migrations are replayed from nothing, to see the schema they build: a temporary database
 * created next to the target (same server and user) and always dropped on close, or a given one
 * ({@code assistant.shadowUrl}), which is left as it is.
 */
public final class ShadowDatabase implements AutoCloseable {

    static final String PREFIX = "assistant_shadow_";
    private static final int DROP_ATTEMPTS = 50;
    private static final long DROP_RETRY_MILLIS = 200;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
            .withZone(ZoneOffset.UTC);

    private final Database target;
    private final ConnectionSettings settings;
    private final boolean temporary;

    private ShadowDatabase(Database target, ConnectionSettings settings, boolean temporary) {
        this.target = target;
        this.settings = settings;
        this.temporary = temporary;
    }

    /**
     * @param target the database the migrations are for; the temporary database is created on its server
     * @param shadowUrl a database to use instead, or null
     */
    public static ShadowDatabase open(Database target, String shadowUrl) {
        if (shadowUrl != null && !shadowUrl.isBlank()) {
            ConnectionSettings given = ConnectionSettingsResolver.create()
                    .url(shadowUrl)
                    .user(target.settings().user())
                    .password(target.settings().password())
                    .environment(Map.of())
                    .resolve();
            return new ShadowDatabase(target, given, false);
        }
        String name = PREFIX + STAMP.format(Instant.now()) + "_"
                + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36 * 36), 36);
        try (Connection connection = target.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + SqlNames.quote(name));
        } catch (SQLException e) {
            if ("42501".equals(e.getSQLState())) {
                throw new MigrationEngineException("Cannot create the temporary shadow database on "
                        + target.settings().host() + ":" + target.settings().port() + ": user '"
                        + target.settings().user() + "' may not create databases (SQL state 42501). Grant it"
                        + " (ALTER ROLE " + SqlNames.quote(target.settings().user()) + " CREATEDB;) or point "
                        + target.hints().setting(Hints.Setting.SHADOW_URL) + " at an empty database the migrations"
                        + " may be applied to.", true, e);
            }
            throw new MigrationEngineException("Cannot create the temporary shadow database " + name + " on "
                    + target.describe() + ": " + target.settings().redact(e.getMessage()), false, e);
        }
        return new ShadowDatabase(target, target.settings().withDatabase(name), true);
    }

    public ConnectionSettings settings() {
        return settings;
    }

    /** The engine over the shadow database: the scripts as {@code engine} read them, progress at debug level. */
    public MigrationEngine replaying(MigrationEngine engine) {
        return engine.on(settings, quiet(engine.log()));
    }

    /** The one connection a replay runs its scripts on. */
    public ScriptRunner runner() {
        return ScriptRunner.open(new Database(settings, target.hints()));
    }

    public Connection connect() {
        return new Database(settings, target.hints()).connect();
    }

    public String describe() {
        return settings.maskedUrl() + (temporary ? " (temporary)" : "");
    }

    private static EngineLog quiet(EngineLog log) {
        return new EngineLog() {
            @Override
            public void info(String message) {
                log.debug("[shadow] " + message);
            }

            @Override
            public void warn(String message) {
                log.warn(message);
            }

            @Override
            public void debug(String message) {
                log.debug("[shadow] " + message);
            }

            @Override
            public boolean isDebugEnabled() {
                return log.isDebugEnabled();
            }
        };
    }

    @Override
    public void close() {
        if (!temporary) {
            return;
        }
        try (Connection connection = target.connect(); Statement statement = connection.createStatement()) {
            drop(statement);
        } catch (SQLException | RuntimeException e) {
            throw new MigrationEngineException("Could not drop the temporary shadow database " + settings.database()
                    + "; drop it by hand: DROP DATABASE " + SqlNames.quote(settings.database()) + ";", false, e);
        }
    }

    /**
     * Drops the database. A plain drop ends an autovacuum worker that has started on it by itself; only when a session
     * is still connected (SQL state 55006) is the drop forced, which ends sessions. Forcing cannot end an autovacuum
     * worker unless run by a superuser (SQL state 42501 for anyone else); such a worker is done within moments, so the
     * forced drop is tried again for up to ten seconds.
     */
    private void drop(Statement statement) throws SQLException {
        try {
            statement.execute("DROP DATABASE IF EXISTS " + SqlNames.quote(settings.database()));
            return;
        } catch (SQLException e) {
            if (!"55006".equals(e.getSQLState())) {
                throw e;
            }
        }
        for (int attempt = 1; ; attempt++) {
            try {
                statement.execute("DROP DATABASE IF EXISTS " + SqlNames.quote(settings.database()) + " WITH (FORCE)");
                return;
            } catch (SQLException e) {
                if (!"42501".equals(e.getSQLState()) || attempt == DROP_ATTEMPTS) {
                    throw e;
                }
                try {
                    Thread.sleep(DROP_RETRY_MILLIS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
