package dev.assistant.migrate.schema;

import dev.assistant.migrate.engine.EngineSettings;
import dev.assistant.migrate.engine.MigrationCatalog;
import dev.assistant.migrate.engine.MigrationEngineException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.flywaydb.core.api.MigrationVersion;

/** The create goal: a new V/U pair, written from the model difference or as templates. */
public final class MigrationCreator {

    private static final int MAX_SECONDS_AHEAD = 3600;

    /**
     * @param message what the migration does; names the files
     * @param autogenerate fill the files from the model difference
     * @param directory where to write them
     * @param now the moment that gives the version
     */
    public record Request(String message, boolean autogenerate, Path directory, Instant now) {
    }

    /**
     * @param upgrade the V file, or empty when nothing was written
     * @param downgrade the U file, or empty when nothing was written
     * @param changes what autogenerate found (empty for a template)
     */
    public record Result(Optional<Path> upgrade, Optional<Path> downgrade, SchemaChanges changes) {
        public boolean written() {
            return upgrade.isPresent();
        }
    }

    private final EngineSettings settings;
    private final String shadowUrl;

    public MigrationCreator(EngineSettings settings, String shadowUrl) {
        this.settings = settings;
        this.shadowUrl = shadowUrl;
    }

    public Result create(Request request, Supplier<ModelClasses> model) {
        String slug = MigrationNames.slug(request.message());
        String message = request.message().strip();
        Path directory = request.directory();
        if (!Files.isDirectory(directory)) {
            throw new MigrationEngineException("The migrations directory " + directory + " does not exist. Create it,"
                    + " or point -Dassistant.locations at the directory that holds the V*.sql scripts.", true);
        }

        SchemaChanges changes = SchemaChanges.of(java.util.List.of());
        String modelSource = null;
        if (request.autogenerate()) {
            try (ModelClasses classes = model.get()) {
                changes = new Autogenerator(settings, shadowUrl).diff(classes);
                if (changes.isEmpty()) {
                    return new Result(Optional.empty(), Optional.empty(), changes);
                }
                modelSource = classes.describe();
            }
        }
        try (NewVersionLock ignored = NewVersionLock.acquire(directory)) {
            String version = freeVersion(directory, request.now());
            String upgradeName = "V" + version + "__" + slug + ".sql";
            String downgradeName = "U" + version + "__" + slug + ".sql";
            String upgrade = modelSource != null ? MigrationScripts.upgrade(message, downgradeName, modelSource, changes)
                    : MigrationScripts.upgradeTemplate(message, downgradeName);
            String downgrade = modelSource != null ? MigrationScripts.downgrade(message, upgradeName, changes)
                    : MigrationScripts.downgradeTemplate(message, upgradeName);
            Path upgradeFile = directory.resolve(upgradeName);
            Path downgradeFile = directory.resolve(downgradeName);
            writeNew(upgradeFile, upgrade);
            try {
                writeNew(downgradeFile, downgrade);
            } catch (MigrationEngineException e) {
                deleteQuietly(upgradeFile);
                throw e;
            }
            return new Result(Optional.of(upgradeFile), Optional.of(downgradeFile), changes);
        }
    }

    /**
     * The version of {@code now}, or the first second after it that no script has: two runs in the same second (or
     * at once, which the caller's lock serialises) get distinct versions in the order they write.
     */
    private String freeVersion(Path directory, Instant now) {
        MigrationCatalog catalog = MigrationCatalog.scan(settings.locations());
        for (int seconds = 0; seconds < MAX_SECONDS_AHEAD; seconds++) {
            String version = MigrationNames.version(now.plusSeconds(seconds));
            MigrationVersion parsed = MigrationVersion.fromVersion(version);
            if (catalog.migration(parsed).isEmpty() && catalog.undo(parsed).isEmpty()
                    && !hasScriptOfVersion(directory, version)) {
                return version;
            }
        }
        throw new MigrationEngineException("Every version from " + MigrationNames.version(now) + " on for "
                + MAX_SECONDS_AHEAD + " seconds is taken in " + directory + "; check the clock of this machine.", true);
    }

    private static boolean hasScriptOfVersion(Path directory, String version) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString().toUpperCase(Locale.ROOT))
                    .anyMatch(name -> name.startsWith("V" + version + "__") || name.startsWith("U" + version + "__"));
        } catch (IOException e) {
            throw new MigrationEngineException("Cannot list " + directory + ": " + e.getMessage(), false, e);
        }
    }

    private static void writeNew(Path file, String content) {
        try {
            Files.writeString(file, content, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            throw new MigrationEngineException(file + " already exists; nothing was overwritten. Pick another"
                    + " message.", true, e);
        } catch (IOException e) {
            throw new MigrationEngineException("Cannot write " + file + ": " + e.getMessage(), false, e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the error that made us clean up is what gets reported
        }
    }
}
