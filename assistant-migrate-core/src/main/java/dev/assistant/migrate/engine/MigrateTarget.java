package dev.assistant.migrate.engine;

import dev.assistant.migrate.api.MigrateRequest;
import dev.assistant.migrate.api.MigrationEngineException;
import org.flywaydb.core.api.MigrationVersion;

/** How far {@code migrate} goes: the newest migration, or a given version. */
public record MigrateTarget(MigrationVersion version) {

    public static final String LATEST = MigrateRequest.LATEST;

    public static MigrateTarget latest() {
        return new MigrateTarget(MigrationVersion.LATEST);
    }

    /** Parses {@code latest} (also blank) or a version such as {@code 3} or {@code 20261124153000}. */
    public static MigrateTarget parse(String text) {
        if (text == null || text.isBlank() || text.trim().equalsIgnoreCase(LATEST)) {
            return latest();
        }
        return Versions.parse(text).map(MigrateTarget::new).orElseThrow(() -> new MigrationEngineException(
                "'" + text + "' is not a migrate target: give a version such as 3, 1.2 or 20261124153000, or `"
                        + LATEST + "` (the default). To go back, use downgrade.", true));
    }

    public boolean isLatest() {
        return version == MigrationVersion.LATEST;
    }

    @Override
    public String toString() {
        return isLatest() ? LATEST : version.toString();
    }
}
