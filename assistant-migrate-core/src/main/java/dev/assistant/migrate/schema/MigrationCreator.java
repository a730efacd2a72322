package dev.assistant.migrate.schema;

import dev.assistant.migrate.engine.EngineSettings;
import dev.assistant.migrate.engine.MigrationCatalog;
import dev.assistant.migrate.engine.MigrationEngineException;
import dev.assistant.migrate.engine.MigrationScript;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.flywaydb.core.api.MigrationVersion;

/** The create goal: a new V/U pair, written from the model difference or as templates. */
public final class MigrationCreator {

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
    private final RenameHints renames;

    public MigrationCreator(EngineSettings settings, String shadowUrl) {
        this(settings, shadowUrl, RenameHints.none());
    }

    /** @param renames renames the author declares ({@code assistant.renames}) */
    public MigrationCreator(EngineSettings settings, String shadowUrl, RenameHints renames) {
        this.settings = settings;
        this.shadowUrl = shadowUrl;
        this.renames = renames;
    }

    public Result create(Request request, Supplier<ModelClasses> model) {
        String slug = MigrationNames.slug(request.message());
        String message = request.message().strip();
        Path directory = request.directory();
        if (!Files.isDirectory(directory)) {
            throw new MigrationEngineException("The migrations directory " + directory + " does not exist. Create it,"
                    + " or point -Dassistant.locations at the directory that holds the V*.sql scripts.", true);
        }
        String version = MigrationNames.version(request.now());
        String upgradeName = "V" + version + "__" + slug + ".sql";
        String downgradeName = "U" + version + "__" + slug + ".sql";
        MigrationCatalog catalog = MigrationCatalog.scan(settings.locations());
        Optional<MigrationScript> taken = catalog.migration(MigrationVersion.fromVersion(version));
        if (taken.isPresent()) {
            throw new MigrationEngineException("Version " + version + " is already taken by "
                    + taken.get().file().displayPath() + "; run create again in a second.", true);
        }

        SchemaChanges changes = SchemaChanges.of(java.util.List.of());
        String upgrade;
        String downgrade;
        if (request.autogenerate()) {
            try (ModelClasses classes = model.get()) {
                changes = new Autogenerator(settings, shadowUrl, renames).diff(classes);
                if (changes.isEmpty()) {
                    return new Result(Optional.empty(), Optional.empty(), changes);
                }
                upgrade = MigrationScripts.upgrade(message, downgradeName, classes.describe(), changes);
                downgrade = MigrationScripts.downgrade(message, upgradeName, changes);
            }
        } else {
            upgrade = MigrationScripts.upgradeTemplate(message, downgradeName);
            downgrade = MigrationScripts.downgradeTemplate(message, upgradeName);
        }
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

    private static void writeNew(Path file, String content) {
        try {
            Files.writeString(file, content, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            throw new MigrationEngineException(file + " already exists; nothing was overwritten. Run create again in"
                    + " a second, or pick another message.", true, e);
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
