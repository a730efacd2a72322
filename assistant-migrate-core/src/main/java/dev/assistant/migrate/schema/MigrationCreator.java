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
import java.util.ArrayList;
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
        if (!request.autogenerate()) {
            List<Path> written = writePair(directory, request.now(), slug, new PairTexts() {
                @Override
                public String upgrade(String downgradeName) {
                    return MigrationScripts.upgradeTemplate(message, downgradeName);
                }

                @Override
                public String downgrade(String upgradeName) {
                    return MigrationScripts.downgradeTemplate(message, upgradeName);
                }
            });
            return result(written, 0, false, changes);
        }
        String source = modelSource;
        List<MigrationStep> steps = MigrationStep.of(changes);
        int main = Math.max(0, steps.stream().map(MigrationStep::kind).toList().indexOf(MigrationStep.Kind.MAIN));
        List<NewPair> pairs = steps.stream().map(step -> new NewPair(step.kind().slug(slug),
                new PairTexts() {
                    @Override
                    public String upgrade(String downgradeName) {
                        return MigrationScripts.upgrade(message, downgradeName, source, step);
                    }

                    @Override
                    public String downgrade(String upgradeName) {
                        return MigrationScripts.downgrade(message, upgradeName, step);
                    }
                })).toList();
        return result(writePairs(directory, request.now(), pairs), main, true, changes);
    }

    /** The text of a new pair, each file naming the other. */
    public interface PairTexts {

        String upgrade(String downgradeName);

        String downgrade(String upgradeName);
    }

    /** One pair to write: the slug of its files and their text. */
    public record NewPair(String slug, PairTexts texts) {
    }

    /**
     * Writes {@code V<version>__<slug>.sql} and its undo under the first free version from {@code now}, never
     * overwriting a file; returns both paths, the V script first.
     */
    public List<Path> writePair(Path directory, Instant now, String slug, PairTexts texts) {
        return writePairs(directory, now, List.of(new NewPair(slug, texts)));
    }

    /**
     * Writes pairs that run one after the other: the first under the first free version from {@code now}, the
     * others under that version with {@code .1}, {@code .2} … appended, which Flyway orders right after it and
     * before the next second. Nothing is overwritten; if a file cannot be written, none is left. Returns every
     * path, each V script before its U script.
     */
    public List<Path> writePairs(Path directory, Instant now, List<NewPair> pairs) {
        if (!Files.isDirectory(directory)) {
            throw MigrationCatalog.missingDirectory(directory, engine.hints());
        }
        try (NewVersionLock ignored = NewVersionLock.acquire(directory)) {
            List<String> versions = freeVersions(directory, now, pairs.size());
            List<Path> written = new ArrayList<>();
            try {
                for (int i = 0; i < pairs.size(); i++) {
                    NewPair pair = pairs.get(i);
                    String upgradeName = "V" + versions.get(i) + "__" + pair.slug() + ".sql";
                    String downgradeName = "U" + versions.get(i) + "__" + pair.slug() + ".sql";
                    Path upgradeFile = directory.resolve(upgradeName);
                    writeNew(upgradeFile, pair.texts().upgrade(downgradeName));
                    written.add(upgradeFile);
                    Path downgradeFile = directory.resolve(downgradeName);
                    writeNew(downgradeFile, pair.texts().downgrade(upgradeName));
                    written.add(downgradeFile);
                }
            } catch (MigrationEngineException e) {
                written.forEach(MigrationCreator::deleteQuietly);
                throw e;
            }
            return List.copyOf(written);
        }
    }

    /**
     * The version of {@code now}, or the first second after it that no script has, with {@code count - 1} free
     * versions {@code .1}, {@code .2} … after it: two runs in the same second (or at once, which the caller's lock
     * serialises) get distinct versions in the order they write.
     */
    private List<String> freeVersions(Path directory, Instant now, int count) {
        MigrationCatalog catalog = engine.catalog();
        for (int seconds = 0; seconds < MAX_SECONDS_AHEAD; seconds++) {
            String base = MigrationNames.version(now.plusSeconds(seconds));
            List<String> versions = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                versions.add(i == 0 ? base : base + "." + i);
            }
            boolean free = versions.stream().allMatch(version -> {
                MigrationVersion parsed = MigrationVersion.fromVersion(version);
                return catalog.migration(parsed).isEmpty() && catalog.undo(parsed).isEmpty()
                        && !hasScriptOfVersion(directory, version);
            });
            if (free) {
                return versions;
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

    /**
     * The result of writing {@code files}, each V script before its U script; the pair of {@code main} (the index of
     * a pair) is the one the result names as the migration.
     */
    private static CreateResult result(List<Path> files, int main, boolean autogenerated, SchemaChanges changes) {
        return new CreateResult(Optional.of(files.get(2 * main)), Optional.of(files.get(2 * main + 1)), autogenerated,
                changes.upgrade().stream().map(SchemaOperation::describe).toList(),
                changes.destructive().stream().map(SchemaOperation::describe).toList(), changes.warnings(), files);
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
