package dev.assistant.migrate.schema;

import dev.assistant.migrate.api.BaselineResult;
import dev.assistant.migrate.api.Hints;
import dev.assistant.migrate.api.MigrationEngineException;
import dev.assistant.migrate.engine.BaselineRecorder;
import dev.assistant.migrate.engine.MigrationCatalog;
import dev.assistant.migrate.engine.MigrationEngine;
import dev.assistant.migrate.engine.MigrationScript;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationVersion;

/**
 * The baseline goal: adopts a database whose schema was built without these migrations. With a message it reads the
 * live schema (the catalog reader of autogenerate), writes the migration that builds it from nothing and its undo
 * (the diff from an empty schema, through the same renderer), and records that version as Flyway's baseline row; with
 * a version it records an existing migration. All of it happens under the migration lock, and only on a database
 * without history.
 */
public final class SchemaBaseline {

    private final MigrationEngine engine;

    /** @param engine the engine of the goal, over the database to adopt */
    public SchemaBaseline(MigrationEngine engine) {
        this.engine = engine;
    }

    /** Writes the baseline migration for {@code message} into {@code directory}, and records it. */
    public BaselineResult adopt(String message, Path directory, Instant now) {
        Hints hints = engine.hints();
        String slug = MigrationNames.slug(message, hints);
        if (!Files.isDirectory(directory)) {
            throw MigrationCatalog.missingDirectory(directory, hints);
        }
        String text = message.strip();
        List<Path> written = new ArrayList<>();
        List<String> changes = new ArrayList<>();
        List<String> notScripted = new ArrayList<>();
        try {
            BaselineRecorder.Stamp stamp = engine.baseline((connection, catalog) -> {
                SchemaSnapshot live = read(connection);
                if (live.tables().isEmpty() && live.sequences().isEmpty() && live.otherObjects().isEmpty()) {
                    throw new MigrationEngineException("baseline refused: " + engine.database().describe()
                            + " holds no tables, sequences or other objects, so there is nothing to adopt; nothing was"
                            + " changed. Apply the migrations to it instead: " + hints.migrate() + ".", true);
                }
                SchemaChanges schema = SchemaChanges.of(SchemaDiff.between(SchemaSnapshot.empty(), live));
                schema.upgrade().forEach(operation -> changes.add(operation.describe()));
                notScripted.addAll(live.otherObjects().keySet());
                written.addAll(new MigrationCreator(engine, null).writePair(directory, now, slug,
                        new MigrationCreator.PairTexts() {
                            @Override
                            public String upgrade(String downgradeName) {
                                return MigrationScripts.baseline(text, downgradeName, databaseName(), schema,
                                        notScripted);
                            }

                            @Override
                            public String downgrade(String upgradeName) {
                                return MigrationScripts.baselineDowngrade(text, upgradeName, schema);
                            }
                        }));
                String fileName = written.get(0).getFileName().toString();
                return new BaselineRecorder.Stamp(
                        MigrationVersion.fromVersion(fileName.substring(1, fileName.indexOf("__"))),
                        slug.replace('_', ' '));
            });
            return new BaselineResult(engine.database().describe(), stamp.version().toString(), stamp.description(),
                    Optional.of(written.get(0)), Optional.of(written.get(1)), changes, notScripted);
        } catch (RuntimeException e) {
            written.forEach(SchemaBaseline::deleteQuietly);
            if (!written.isEmpty() && e instanceof MigrationEngineException failure) {
                throw new MigrationEngineException(failure.getMessage() + " The baseline scripts were not kept.",
                        failure.isUserFixable(), failure);
            }
            throw e;
        }
    }

    /** Records the existing migration {@code version} as the baseline, writing nothing. */
    public BaselineResult stamp(String version) {
        MigrationVersion parsed;
        try {
            parsed = MigrationVersion.fromVersion(version.strip());
        } catch (FlywayException | IllegalArgumentException e) {
            throw new MigrationEngineException("'" + version + "' is not a version: give one like 3, 1.2 or"
                    + " 20261124153000.", true, e);
        }
        MigrationCatalog catalog = engine.catalog();
        MigrationScript migration = catalog.migration(parsed).orElseThrow(() -> new MigrationEngineException(
                "No migration has version " + parsed + ", so baseline cannot record it; the versions here are: "
                        + (catalog.migrations().isEmpty() ? "none" : catalog.migrations().keySet().stream()
                        .map(MigrationVersion::toString).collect(Collectors.joining(", "))) + ". To write a migration"
                        + " that builds the live schema instead: " + engine.hints().baseline("adopt existing schema")
                        + ".", true));
        BaselineRecorder.Stamp stamp = engine.baseline((connection, scripts) ->
                new BaselineRecorder.Stamp(parsed, migration.description()));
        return new BaselineResult(engine.database().describe(), stamp.version().toString(), stamp.description(),
                Optional.empty(), Optional.empty(), List.of(), List.of());
    }

    /** The database as the script names it: no user, nothing that varies between the machines that read it. */
    private String databaseName() {
        var settings = engine.database().settings();
        return "database " + settings.database() + " on " + settings.host() + ":" + settings.port();
    }

    private SchemaSnapshot read(Connection connection) {
        try {
            return DatabaseSchemaReader.read(connection);
        } catch (SQLException e) {
            throw new MigrationEngineException("Cannot read the schema of " + engine.database().describe() + ": "
                    + e.getMessage(), false, e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the failure that made us clean up is what gets reported
        }
    }
}
