package dev.assistant.migrate.engine;

import dev.assistant.migrate.api.Hints;
import dev.assistant.migrate.api.MigrationEngineException;
import dev.assistant.migrate.api.Problem;
import dev.assistant.migrate.api.ProblemKind;
import dev.assistant.migrate.api.ScriptLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Every script found in the migration locations, paired up (each migration with its undo), with the problems the
 * files alone reveal: duplicate versions, undo scripts without a migration, migrations without an undo, empty or
 * non-UTF-8 files, and names that look like migrations but are not.
 */
public final class MigrationCatalog {

    private final List<ScriptLocation> locations;
    private final NavigableMap<MigrationVersion, MigrationScript> migrations;
    private final Map<MigrationVersion, MigrationScript> usableUndos;
    private final Map<MigrationVersion, MigrationScript> undoFiles;
    private final Map<MigrationVersion, DuplicateVersion> duplicates;
    private final List<MigrationScript> repeatables;
    private final List<Problem> problems;

    private MigrationCatalog(List<ScriptLocation> locations, NavigableMap<MigrationVersion, MigrationScript> migrations,
            Map<MigrationVersion, MigrationScript> undos, List<MigrationScript> repeatables,
            Map<MigrationVersion, DuplicateVersion> duplicates, List<Problem> problems) {
        this.locations = List.copyOf(locations);
        this.migrations = Collections.unmodifiableNavigableMap(migrations);
        Map<MigrationVersion, MigrationScript> usable = new HashMap<>();
        undos.forEach((version, undo) -> {
            if (isUsableUndo(undo, migrations.get(version))) {
                usable.put(version, undo);
            }
        });
        this.undoFiles = Collections.unmodifiableMap(new HashMap<>(undos));
        this.usableUndos = Collections.unmodifiableMap(usable);
        this.repeatables = List.copyOf(repeatables);
        this.duplicates = Collections.unmodifiableMap(duplicates);
        this.problems = List.copyOf(problems);
    }

    /**
     * An undo counts when it holds SQL; one of only comments counts only for a migration of only comments, which it
     * reverses by doing nothing too.
     */
    private static boolean isUsableUndo(MigrationScript undo, MigrationScript migration) {
        if (undo.text().isEmpty()) {
            return false;
        }
        return !undo.isBlank() || undo.isCommentOnly() && migration != null && migration.isCommentOnly();
    }

    /** Reads every script of the locations, once; everything after works from what was read here. */
    public static MigrationCatalog scan(List<ScriptLocation> locations, Hints hints) {
        ScriptScanner scanner = new ScriptScanner(hints);
        List<ScriptFile> files = new ArrayList<>();
        List<ScriptScanner.Skipped> skipped = new ArrayList<>();
        for (ScriptLocation location : locations) {
            ScriptScanner.Scan scan = scanner.scan(location);
            files.addAll(scan.files());
            skipped.addAll(scan.skipped());
        }
        return of(locations, files, skipped);
    }

    static MigrationCatalog of(List<ScriptLocation> locations, List<ScriptFile> files) {
        return of(locations, files, List.of());
    }

    static MigrationCatalog of(List<ScriptLocation> locations, List<ScriptFile> files,
            List<ScriptScanner.Skipped> skipped) {
        List<Problem> problems = new ArrayList<>(unreadable(skipped));
        Map<MigrationVersion, List<MigrationScript>> versioned = new TreeMap<>();
        Map<MigrationVersion, List<MigrationScript>> undo = new TreeMap<>();
        Map<String, List<MigrationScript>> repeatable = new TreeMap<>();

        for (ScriptFile file : files) {
            Optional<ScriptName> parsed = ScriptName.parse(file.fileName());
            if (parsed.isEmpty()) {
                misnamed(file).ifPresent(problems::add);
                continue;
            }
            MigrationScript script = new MigrationScript(parsed.get(), file);
            if (script.text().isEmpty()) {
                problems.add(new Problem(ProblemKind.NOT_UTF8, file.fileName(),
                        file.displayPath() + " is not valid UTF-8 (first bad byte on line "
                                + file.firstInvalidUtf8Line() + ").",
                        "Save it as UTF-8, e.g. `iconv -f latin1 -t utf-8 " + file.fileName() + "`."));
            } else if (file.firstNulLine() > 0) {
                problems.add(new Problem(ProblemKind.NUL_BYTE, file.fileName(),
                        file.displayPath() + " holds a NUL byte on line " + file.firstNulLine() + "; PostgreSQL"
                                + " takes no NUL in a statement. A file saved as UTF-16, or binary content, has them.",
                        "Save it as UTF-8 text without NUL bytes, e.g. `iconv -f utf-16 -t utf-8 "
                                + file.fileName() + "` for a UTF-16 file."));
            }
            switch (script.name().kind()) {
                case VERSIONED -> versioned.computeIfAbsent(script.version(), v -> new ArrayList<>()).add(script);
                case UNDO -> undo.computeIfAbsent(script.version(), v -> new ArrayList<>()).add(script);
                case REPEATABLE -> repeatable.computeIfAbsent(script.description(), d -> new ArrayList<>()).add(script);
            }
        }

        NavigableMap<MigrationVersion, MigrationScript> migrations = new TreeMap<>();
        Map<MigrationVersion, DuplicateVersion> duplicates = new TreeMap<>();
        versioned.forEach((version, scripts) -> {
            sortByPath(scripts);
            migrations.put(version, scripts.get(0));
            if (scripts.size() > 1) {
                DuplicateVersion duplicate = new DuplicateVersion(version, scripts, undo.getOrDefault(version,
                        List.of()));
                duplicates.put(version, duplicate);
                problems.add(duplicate.problem(oldest(scripts)));
            }
        });
        Map<MigrationVersion, MigrationScript> undos = new LinkedHashMap<>();
        undo.forEach((version, scripts) -> {
            MigrationScript first = firstOf(scripts, duplicates.containsKey(version) ? new ArrayList<>() : problems);
            List<MigrationScript> pair = versioned.getOrDefault(version, List.of());
            undos.put(version, scripts.stream()
                    .filter(script -> !pair.isEmpty() && script.description().equals(pair.get(0).description()))
                    .findFirst().orElse(first));
        });
        List<MigrationScript> repeatables = new ArrayList<>();
        repeatable.forEach((description, scripts) -> repeatables.add(firstOf(scripts, problems)));

        for (MigrationScript migration : migrations.values()) {
            if (migration.isEmpty()) {
                problems.add(new Problem(ProblemKind.EMPTY_MIGRATION, migration.fileName(),
                        migration.file().displayPath() + (migration.text().orElseThrow().isEmpty() ? " is empty."
                                : " holds only whitespace."),
                        "Write its SQL, or delete the file (and its undo) if the change is not needed."));
            } else if (migration.isCommentOnly()) {
                problems.add(new Problem(ProblemKind.NO_OP_MIGRATION, migration.fileName(),
                        migration.file().displayPath() + " has no SQL statement; migrate records version "
                                + migration.version() + " and changes nothing, as Flyway does.",
                        "None needed for a merge or a placeholder; if its SQL is missing, write it before any"
                                + " database applies version " + migration.version() + "."));
            }
            MigrationScript undoScript = undos.get(migration.version());
            if (undoScript == null) {
                problems.add(new Problem(ProblemKind.MISSING_UNDO, migration.fileName(),
                        "There is no " + undoNameFor(migration) + ", so downgrade cannot go below version "
                                + migration.version() + ".",
                        "Write the SQL that reverses it in " + undoNameFor(migration) + " next to it."));
            } else if (!isUsableUndo(undoScript, migration) && undoScript.isBlank()) {
                problems.add(new Problem(ProblemKind.MISSING_UNDO, migration.fileName(),
                        undoScript.fileName() + " holds only comments, which counts as no undo.",
                        "Write the SQL that reverses " + migration.fileName() + " in " + undoScript.fileName() + "."));
            }
        }
        for (MigrationScript undoScript : undos.values()) {
            if (!migrations.containsKey(undoScript.version())) {
                problems.add(new Problem(ProblemKind.UNDO_WITHOUT_MIGRATION, undoScript.fileName(),
                        undoScript.file().displayPath() + " reverses version " + undoScript.version()
                                + ", but there is no V" + undoScript.version() + "__*.sql.",
                        "Delete it, or rename it to the version of the migration it reverses."));
            }
        }
        problems.sort(Comparator.comparing(Problem::subject).thenComparing(p -> p.kind().ordinal()));
        return new MigrationCatalog(locations, migrations, undos, repeatables, duplicates, problems);
    }

    /**
     * Of the files of one version, the one that was there first: the oldest on disk, else the first by path. The
     * others arrived later, typically from a branch merged after it.
     */
    private static MigrationScript oldest(List<MigrationScript> scripts) {
        return scripts.stream().min(Comparator.comparingLong(MigrationCatalog::modified)).orElseThrow();
    }

    private static long modified(MigrationScript script) {
        Path path = script.file().pathOnDisk();
        try {
            return path == null ? Long.MAX_VALUE : Files.getLastModifiedTime(path).toMillis();
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }

    private static void sortByPath(List<MigrationScript> scripts) {
        scripts.sort(Comparator.comparing(script -> script.file().displayPath()));
    }

    /** A {@code .sql} file whose name does not parse: an error when it was meant to be a migration. */
    private static Optional<Problem> misnamed(ScriptFile file) {
        if (!file.fileName().toLowerCase(Locale.ROOT).endsWith(".sql")) {
            return Optional.empty();
        }
        if (!ScriptName.looksLikeMigration(file.fileName())) {
            return Optional.of(new Problem(ProblemKind.INVALID_NAME, file.fileName(), file.displayPath() + " is not read:"
                    + " migrations are named V<version>__<description>.sql, U<version>__<description>.sql or"
                    + " R__<description>.sql.", "Move it out of the migrations directory if it is not one."));
        }
        return Optional.of(new Problem(ProblemKind.MISNAMED_MIGRATION, file.fileName(), file.displayPath() + " would not be"
                + " applied: " + ScriptName.whatIsWrong(file.fileName()) + ". Names are V<version>__<description>.sql,"
                + " U<version>__<description>.sql or R__<description>.sql: a capital letter, two underscores, .sql"
                + " in lower case.", ScriptName.suggestedName(file.fileName())
                .map(name -> "Rename it: `git mv " + file.fileName() + " " + name + "`.")
                .orElse("Rename it, e.g. with `git mv`, or move it out of the migrations directory.")));
    }

    /** Entries that could not be read: an error when named like a migration, a warning otherwise. */
    private static List<Problem> unreadable(List<ScriptScanner.Skipped> skipped) {
        List<Problem> problems = new ArrayList<>();
        for (ScriptScanner.Skipped entry : skipped) {
            boolean migration = ScriptName.parse(entry.fileName()).isPresent()
                    || ScriptName.looksLikeMigration(entry.fileName());
            problems.add(new Problem(migration ? ProblemKind.UNREADABLE_SCRIPT : ProblemKind.UNREADABLE_ENTRY,
                    entry.fileName(), entry.displayPath() + " " + entry.why() + ".", migration
                    ? "Make it a readable file (restore it from version control: `git checkout -- "
                    + entry.fileName() + "`), or remove it."
                    : "Remove it from the migrations directory, or make it a readable file."));
        }
        return problems;
    }

    private static MigrationScript firstOf(List<MigrationScript> scripts, List<Problem> problems) {
        sortByPath(scripts);
        if (scripts.size() > 1) {
            MigrationScript first = scripts.get(0);
            String label = first.name().label();
            problems.add(new Problem(ProblemKind.DUPLICATE_VERSION, label,
                    scripts.size() + " files claim " + label + ": " + scripts.stream()
                            .map(script -> script.file().displayPath())
                            .collect(Collectors.joining(", ")) + ".",
                    "Keep one; give the other a new version, e.g. a fresh timestamp as `create` names them"
                            + " (rename its undo script too)."));
        }
        return scripts.get(0);
    }

    private static String undoNameFor(MigrationScript migration) {
        return "U" + migration.fileName().substring(1);
    }

    /** The failure for a migrations directory that is not there. */
    public static MigrationEngineException missingDirectory(Path directory, Hints hints) {
        return new MigrationEngineException("The migrations directory " + directory + " does not exist. Create it, or"
                + " point " + hints.setting(Hints.Setting.LOCATIONS) + " at the directory that holds the V*.sql scripts.",
                true);
    }

    public List<ScriptLocation> locations() {
        return locations;
    }

    /** The versioned migrations in version order; of duplicates, the first by path. */
    public NavigableMap<MigrationVersion, MigrationScript> migrations() {
        return migrations;
    }

    public List<MigrationScript> repeatables() {
        return repeatables;
    }

    public Optional<MigrationScript> migration(MigrationVersion version) {
        return Optional.ofNullable(migrations.get(version));
    }

    /** The undo script of a version, only when it exists and holds SQL: an empty undo counts as none. */
    public Optional<MigrationScript> undo(MigrationVersion version) {
        return Optional.ofNullable(usableUndos.get(version));
    }

    /** The undo script of a version as found, usable or not (e.g. one of only comments). */
    public Optional<MigrationScript> undoFile(MigrationVersion version) {
        return Optional.ofNullable(undoFiles.get(version));
    }

    /** Versions that more than one migration claims, with all their files. */
    public Map<MigrationVersion, DuplicateVersion> duplicates() {
        return duplicates;
    }

    public boolean isReversible(MigrationVersion version) {
        return undo(version).isPresent();
    }

    public List<Problem> problems() {
        return problems;
    }

    public List<Problem> errors() {
        return problems.stream().filter(Problem::isError).toList();
    }

    /** The warnings about entries of the locations that are not read: what migrate says it leaves out. */
    public List<Problem> ignoredEntries() {
        return problems.stream()
                .filter(p -> p.kind() == ProblemKind.INVALID_NAME || p.kind() == ProblemKind.UNREADABLE_ENTRY)
                .toList();
    }

    public String describeLocations() {
        return locations.stream().map(ScriptLocation::describe).collect(Collectors.joining(", "));
    }
}
