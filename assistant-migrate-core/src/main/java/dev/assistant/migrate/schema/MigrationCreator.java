package dev.assistant.migrate.schema;

import dev.assistant.migrate.api.CreateResult;
import dev.assistant.migrate.api.Hints;
import dev.assistant.migrate.api.MigrationEngineException;
import dev.assistant.migrate.api.ModelSource;
import dev.assistant.migrate.engine.MigrationCatalog;
import dev.assistant.migrate.engine.MigrationEngine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
     * @param model the compiled entity classes, for autogenerate
     * @param ignored objects that exist only in SQL, which autogenerate leaves alone
     */
    public record Request(String message, boolean autogenerate, Path directory, Instant now,
            Optional<ModelSource> model, IgnoredObjects ignored) {

        public Request(String message, boolean autogenerate, Path directory, Instant now,
                Optional<ModelSource> model) {
            this(message, autogenerate, directory, now, model, IgnoredObjects.NONE);
        }
    }

    private final MigrationEngine engine;
    private final String shadowUrl;
    private final RenameHints renames;

    /** @param engine the engine of the goal: its scripts name the versions taken, and autogenerate replays them */
    public MigrationCreator(MigrationEngine engine, String shadowUrl) {
        this(engine, shadowUrl, RenameHints.none());
    }

    /** @param renames renames the author declares ({@code assistant.renames}) */
    public MigrationCreator(MigrationEngine engine, String shadowUrl, RenameHints renames) {
        this.engine = engine;
        this.shadowUrl = shadowUrl;
        this.renames = renames;
    }

    public CreateResult create(Request request) {
        Hints hints = engine.hints();
        String slug = MigrationNames.slug(request.message(), hints);
        String message = request.message().strip();
        Path directory = request.directory();
        if (!Files.isDirectory(directory)) {
            throw MigrationCatalog.missingDirectory(directory, hints);
        }
        SchemaChanges changes = SchemaChanges.of(List.of());
        String modelSource = null;
        if (request.autogenerate()) {
            try (ModelClasses classes = ModelClasses.load(request.model(), hints)) {
                changes = new Autogenerator(engine, shadowUrl, renames, request.ignored()).diff(classes);
                if (changes.isEmpty()) {
                    return result(Optional.empty(), Optional.empty(), true, changes);
                }
                modelSource = classes.describe();
            }
        }
        SchemaChanges generated = changes;
        String source = modelSource;
        List<Path> written = writePair(directory, request.now(), slug, new PairTexts() {
            @Override
            public String upgrade(String downgradeName) {
                return source != null ? MigrationScripts.upgrade(message, downgradeName, source, generated)
                        : MigrationScripts.upgradeTemplate(message, downgradeName);
            }

            @Override
            public String downgrade(String upgradeName) {
                return source != null ? MigrationScripts.downgrade(message, upgradeName, generated)
                        : MigrationScripts.downgradeTemplate(message, upgradeName);
            }
        });
        return result(Optional.of(written.get(0)), Optional.of(written.get(1)), request.autogenerate(), changes);
    }

    /** The text of a new pair, each file naming the other. */
    public interface PairTexts {

        String upgrade(String downgradeName);

        String downgrade(String upgradeName);
    }

    /**
     * Writes {@code V<version>__<slug>.sql} and its undo under the first free version from {@code now}, never
     * overwriting a file; returns both paths, the V script first.
     */
    public List<Path> writePair(Path directory, Instant now, String slug, PairTexts texts) {
        if (!Files.isDirectory(directory)) {
            throw MigrationCatalog.missingDirectory(directory, engine.hints());
        }
        try (NewVersionLock ignored = NewVersionLock.acquire(directory)) {
            String version = freeVersion(directory, now);
            String upgradeName = "V" + version + "__" + slug + ".sql";
            String downgradeName = "U" + version + "__" + slug + ".sql";
            Path upgradeFile = directory.resolve(upgradeName);
            Path downgradeFile = directory.resolve(downgradeName);
            writeNew(upgradeFile, texts.upgrade(downgradeName));
            try {
                writeNew(downgradeFile, texts.downgrade(upgradeName));
            } catch (MigrationEngineException e) {
                deleteQuietly(upgradeFile);
                throw e;
            }
            return List.of(upgradeFile, downgradeFile);
        }
    }

    /**
     * The version of {@code now}, or the first second after it that no script has: two runs in the same second (or
     * at once, which the caller's lock serialises) get distinct versions in the order they write.
     */
    private String freeVersion(Path directory, Instant now) {
        MigrationCatalog catalog = engine.catalog();
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

    private static CreateResult result(Optional<Path> upgrade, Optional<Path> downgrade, boolean autogenerated,
            SchemaChanges changes) {
        return new CreateResult(upgrade, downgrade, autogenerated,
                changes.upgrade().stream().map(SchemaOperation::describe).toList(),
                changes.destructive().stream().map(SchemaOperation::describe).toList(), changes.warnings());
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
