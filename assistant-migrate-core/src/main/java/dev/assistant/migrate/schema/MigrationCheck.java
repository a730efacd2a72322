package dev.assistant.migrate.schema;

import dev.assistant.migrate.api.AppliedMigration;
import dev.assistant.migrate.api.CheckReport;
import dev.assistant.migrate.api.Hints;
import dev.assistant.migrate.api.LintFinding;
import dev.assistant.migrate.api.LintMode;
import dev.assistant.migrate.api.MigrationEngineException;
import dev.assistant.migrate.api.ModelSource;
import dev.assistant.migrate.api.PendingMigration;
import dev.assistant.migrate.api.Problem;
import dev.assistant.migrate.api.ProblemKind;
import dev.assistant.migrate.engine.DatabaseReading;
import dev.assistant.migrate.engine.MigrationCatalog;
import dev.assistant.migrate.engine.MigrationEngine;
import dev.assistant.migrate.engine.MigrationScript;
import dev.assistant.migrate.engine.ScriptRunner;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.flywaydb.core.api.MigrationVersion;

/**
 * The check goal: everything status reports, plus what only a replay shows — the chain applied from nothing on a
 * shadow database, every undo verified on the way ({@link ReplayVerifier}) — the drift between the entity model and
 * the schema the migrations build, and the changes made to the database by hand: its schema against the one the
 * migrations build up to its version. Every fault is reported in one run; what cannot be checked is said, with the
 * reason. It works from the one engine of the goal: the scripts as it read them, its database, its log and hints.
 */
public final class MigrationCheck {

    /** Problems of a history that make the database's schema incomparable with what the scripts build. */
    private static final Set<ProblemKind> HISTORY_MISMATCH = EnumSet.of(ProblemKind.CHECKSUM_MISMATCH,
            ProblemKind.DESCRIPTION_CHANGED, ProblemKind.RENAMED_AFTER_APPLIED, ProblemKind.APPLIED_FILE_MISSING,
            ProblemKind.FAILED_MIGRATION, ProblemKind.HISTORY_EDITED, ProblemKind.OUT_OF_ORDER,
            ProblemKind.FUTURE_MIGRATION);

    private final MigrationEngine engine;
    private final String shadowUrl;
    private final RenameHints renames;
    private final IgnoredObjects ignored;
    private final LintMode lint;
    /** The entity model's schema, once drift has read it. */
    private SchemaSnapshot modelSchema;

    public MigrationCheck(MigrationEngine engine, String shadowUrl) {
        this(engine, shadowUrl, RenameHints.none(), IgnoredObjects.NONE, LintMode.DEFAULT);
    }

    /**
     * @param renames renames the author declares ({@code assistant.renames}), which drift then reports as such
     * @param ignored objects that exist only in SQL, left out of the comparisons with the model and the database
     */
    public MigrationCheck(MigrationEngine engine, String shadowUrl, RenameHints renames, IgnoredObjects ignored) {
        this(engine, shadowUrl, renames, ignored, LintMode.DEFAULT);
    }

    /** @param lint whether the replay observes locks and rewrites (docs/lint.md), and how its findings count */
    public MigrationCheck(MigrationEngine engine, String shadowUrl, RenameHints renames, IgnoredObjects ignored,
            LintMode lint) {
        this.engine = engine;
        this.shadowUrl = shadowUrl;
        this.renames = renames;
        this.ignored = ignored;
        this.lint = lint;
    }

    /** @param model the entity classes, when the build has them; without them drift is not checked */
    public CheckReport run(Optional<ModelSource> model) {
        Reading reading = read();
        if (reading.scriptsBroken()) {
            return finish(reading, null);
        }
        return finish(reading, replay(reading.live().map(Set::of).orElse(Set.of()), model));
    }

    /**
     * What check finds in this database before the replay: its history, pending migrations and problems, and where
     * it stands for the comparison with what the scripts build. The first part of {@link #run}; a fleet reads every
     * database so, replays once ({@link #replay}), then finishes each ({@link #finish}).
     */
    Reading read() {
        DatabaseReading reading = engine.read();
        List<String> notChecked = new ArrayList<>();
        MigrationCatalog catalog = engine.catalog();
        if (!catalog.errors().isEmpty()) {
            notChecked.add("Replay, undo scripts, model drift and changes made outside migrations not checked: the"
                    + " scripts have " + count(catalog.errors().size(), "error") + " (" + catalog.errors().stream()
                    .map(p -> p.subject() + ": " + p.kind().title()).collect(Collectors.joining("; ")) + ").");
            return new Reading(reading, notChecked, Optional.empty(), true);
        }
        return new Reading(reading, notChecked, livePoint(reading, catalog, notChecked), false);
    }

    /**
     * The chain replayed once on a shadow database (temporary, on this database's server, or the shadow URL), the
     * schema read at each live point on the way, the model compared with the schema the replay reached, and, unless
     * the lint is off, what each migration did to the tables that existed before it.
     */
    Replay replay(Set<ReplayVerifier.LivePoint> live, Optional<ModelSource> model) {
        MigrationCatalog catalog = engine.catalog();
        List<Problem> problems = new ArrayList<>();
        List<String> notChecked = new ArrayList<>();
        HibernateLogBridge.routeTo(engine.log());
        try (ShadowDatabase shadow = ShadowDatabase.open(engine.database(), shadowUrl);
                ScriptRunner runner = shadow.runner()) {
            long start = System.nanoTime();
            LockObserver observer = lint == LintMode.OFF ? null : new LockObserver(lint);
            ReplayVerifier.Result replay = new ReplayVerifier(catalog, runner, engine.hints(), observer).verify(live);
            engine.log().debug("[shadow] Replayed " + catalog.migrations().size() + " migrations with their undo"
                    + " scripts on one connection to " + shadow.describe() + " ("
                    + (System.nanoTime() - start) / 1_000_000 + " ms"
                    + (observer == null ? "" : "; lint: " + observer.summary()) + ")");
            problems.addAll(replay.problems());
            notChecked.addAll(replay.notChecked());
            if (model.isPresent()) {
                problems.addAll(drift(model.get(), replay, catalog, runner.connection(), notChecked));
            }
            List<LintFinding> findings = observer == null ? List.of() : lint(observer, catalog, notChecked);
            return new Replay(replay, problems, notChecked, findings);
        }
    }

    /**
     * This database's report: its reading, what the replay and the model comparison found (null when the scripts
     * have errors and nothing was replayed), what was changed in it by hand, and the lint's findings with the sizes
     * of their tables in it.
     */
    CheckReport finish(Reading reading, Replay replay) {
        List<Problem> problems = new ArrayList<>(reading.reading().problems());
        List<String> notChecked = new ArrayList<>(reading.notChecked());
        List<LintFinding> findings = List.of();
        if (replay != null) {
            problems.addAll(replay.problems());
            notChecked.addAll(replay.notChecked());
            if (reading.live().isPresent()) {
                problems.addAll(changedOutside(reading.live().get(), replay.result(), reading.reading(),
                        notChecked));
            }
            findings = MigrationLint.withSizes(replay.lint(), engine.database(), notChecked::add);
        }
        notChecked.forEach(engine.log()::info);
        DatabaseReading read = reading.reading();
        return new CheckReport(read.database(), read.current().map(AppliedMigration::version), read.pending(),
                problems, notChecked, findings);
    }

    /**
     * One database as check read it.
     *
     * @param live where it stands, when its schema can be compared with what the scripts build
     * @param scriptsBroken whether the scripts have errors, so that nothing is replayed
     */
    record Reading(DatabaseReading reading, List<String> notChecked, Optional<ReplayVerifier.LivePoint> live,
            boolean scriptsBroken) {
    }

    /**
     * What the replay of the chain, and the model compared with where it got, found: the same for every database.
     *
     * @param lint the lint's findings, without the sizes of their tables, which each database has its own
     */
    record Replay(ReplayVerifier.Result result, List<Problem> problems, List<String> notChecked,
            List<LintFinding> lint) {
    }

    /** The lint's findings, with the drops and renames of what the model maps. */
    private List<LintFinding> lint(LockObserver observer, MigrationCatalog catalog, List<String> notChecked) {
        if (modelSchema == null) {
            notChecked.add("Drops and renames of mapped tables and columns (drop-mapped, rename-mapped) not checked:"
                    + " the entity model was not read.");
        }
        return new MigrationLint(catalog, lint).findings(observer, Optional.ofNullable(modelSchema));
    }

    /**
     * Where the live database stands, when its schema can be set against what the scripts build: its history must
     * be the scripts' own, in order, unchanged.
     */
    private Optional<ReplayVerifier.LivePoint> livePoint(DatabaseReading reading, MigrationCatalog catalog,
            List<String> notChecked) {
        List<String> mismatches = reading.problems().stream()
                .filter(problem -> HISTORY_MISMATCH.contains(problem.kind()))
                .map(Problem::subject)
                .toList();
        if (!mismatches.isEmpty()) {
            notChecked.add("Changes made outside migrations not checked: the history of " + reading.database()
                    + " does not match the scripts (" + String.join(", ", mismatches) + ").");
            return Optional.empty();
        }
        MigrationVersion version = reading.current().map(c -> MigrationVersion.fromVersion(c.version()))
                .orElse(null);
        if (version != null && catalog.migration(version).isEmpty()) {
            notChecked.add("Changes made outside migrations not checked: version " + version + " of "
                    + reading.database() + " has no script here.");
            return Optional.empty();
        }
        List<String> pendingRepeatables = reading.pending().stream().filter(PendingMigration::repeatable)
                .map(PendingMigration::script).toList();
        if (!pendingRepeatables.isEmpty() && version != null) {
            notChecked.add("Views, functions and other objects of " + reading.database() + " not compared with what"
                    + " the migrations build: its repeatable scripts are not current (" + String.join(", ",
                    pendingRepeatables) + " pending).");
        }
        return Optional.of(new ReplayVerifier.LivePoint(version, pendingRepeatables.isEmpty()));
    }

    private List<Problem> drift(ModelSource model, ReplayVerifier.Result replay, MigrationCatalog catalog,
            Connection connection, List<String> notChecked) {
        String partial = "";
        if (replay.stoppedAt().isPresent()) {
            String upTo = reachedBefore(replay.stoppedAt().get(), catalog);
            partial = " Partial: compared with the schema up to " + upTo + ", where the replay stopped.";
            notChecked.add("Model drift compared with the schema up to " + upTo + " only: the replay stopped at "
                    + replay.stoppedAt().get().fileName() + ".");
        }
        try (ModelClasses classes = ModelClasses.load(model, engine.hints())) {
            modelSchema = ModelSchemaReader.read(classes);
            SchemaChanges changes = Autogenerator.diff(connection, modelSchema, renames, ignored);
            List<Problem> problems = new ArrayList<>();
            for (SchemaOperation operation : changes.upgrade()) {
                String keep = onlyInDatabase(operation).map(name -> " If " + name + " exists only in SQL on purpose,"
                        + " keep it out of the comparison: " + engine.hints().setting(Hints.Setting.IGNORE, name)
                        + ".").orElse("");
                problems.add(new Problem(ProblemKind.MODEL_DRIFT, operation.subject(),
                        "The model in " + classes.describe() + " needs: " + operation.describe() + "." + partial,
                        "Generate the migration: " + engine.hints().createMigration("...") + "." + keep));
            }
            return problems;
        } catch (SQLException e) {
            throw new MigrationEngineException("Cannot read the schema of the shadow database: " + e.getMessage(),
                    false, e);
        }
    }

    /** The name of what an operation removes because only the database has it, as an ignore pattern names it. */
    private static Optional<String> onlyInDatabase(SchemaOperation operation) {
        if (operation instanceof SchemaOperation.DropTable drop) {
            return Optional.of(drop.table().name());
        } else if (operation instanceof SchemaOperation.DropColumn drop) {
            return Optional.of(drop.table() + "." + drop.column().name());
        } else if (operation instanceof SchemaOperation.DropIndex drop) {
            return Optional.of(drop.index().name());
        } else if (operation instanceof SchemaOperation.DropUnique drop) {
            return Optional.of(drop.unique().name());
        } else if (operation instanceof SchemaOperation.DropForeignKey drop) {
            return Optional.of(drop.foreignKey().name());
        } else if (operation instanceof SchemaOperation.DropSequence drop) {
            return Optional.of(drop.sequence().name());
        }
        return Optional.empty();
    }

    /** The last script the replay applied before the one that failed: what the schema it reached is "up to". */
    private static String reachedBefore(MigrationScript failed, MigrationCatalog catalog) {
        if (catalog.repeatables().contains(failed)) {
            return catalog.migrations().isEmpty() ? "no migration" : catalog.migrations().lastEntry().getValue()
                    .fileName();
        }
        Map.Entry<MigrationVersion, MigrationScript> before = catalog.migrations().lowerEntry(failed.version());
        return before == null ? "no migration (an empty schema)" : before.getValue().fileName();
    }

    /** The database's schema against the one the migrations build up to its version: what was changed by hand. */
    private List<Problem> changedOutside(ReplayVerifier.LivePoint live, ReplayVerifier.Result replay,
            DatabaseReading reading, List<String> notChecked) {
        if (replay.at(live).isEmpty()) {
            notChecked.add("Changes made outside migrations not checked: the replay did not get to version "
                    + live.version() + ", where " + reading.database() + " stands.");
            return List.of();
        }
        SchemaSnapshot built = ignored.apply(replay.at(live).get());
        SchemaSnapshot actual;
        try (Connection connection = engine.database().connect()) {
            actual = ignored.apply(DatabaseSchemaReader.read(connection));
        } catch (SQLException e) {
            throw new MigrationEngineException("Cannot read the schema of " + reading.database() + ": "
                    + e.getMessage(), false, e);
        }
        if (!live.repeatablesCurrent()) {
            built = withoutOtherObjects(built);
            actual = withoutOtherObjects(actual);
        }
        String upTo = live.version() == null ? "no migration makes (none is applied here)"
                : "the migrations up to version " + live.version() + " do not make";
        String fix = "Put it in a migration, so that every database gets it (" + engine.hints().createMigration("...")
                + "), or revert it on this database: ";
        List<Problem> problems = new ArrayList<>();
        for (SchemaOperation revert : SchemaDiff.between(actual, built)) {
            String sql = SqlRenderer.render(revert).stream()
                    .filter(line -> !line.strip().startsWith("--"))
                    .collect(Collectors.joining(" "));
            problems.add(new Problem(ProblemKind.CHANGED_OUTSIDE_MIGRATIONS, revert.subject(),
                    "The database has a change that " + upTo + ": " + revert.inverse().describe() + ".", fix + sql));
        }
        Set<String> keys = new TreeSet<>(actual.otherObjects().keySet());
        keys.addAll(built.otherObjects().keySet());
        for (String key : keys) {
            String here = actual.otherObjects().get(key);
            String expected = built.otherObjects().get(key);
            if (!Objects.equals(here, expected)) {
                String what = expected == null ? key + " exists only here" : here == null ? key + " is missing"
                        : key + " is different";
                problems.add(new Problem(ProblemKind.CHANGED_OUTSIDE_MIGRATIONS, key,
                        "The database has a change that " + upTo + ": " + what + ".",
                        "Put it in a migration, so that every database gets it, or restore it on this database"
                                + " as the migrations define it."));
            }
        }
        return problems;
    }

    private static SchemaSnapshot withoutOtherObjects(SchemaSnapshot snapshot) {
        return new SchemaSnapshot(snapshot.tables(), snapshot.sequences(), new TreeMap<>());
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
