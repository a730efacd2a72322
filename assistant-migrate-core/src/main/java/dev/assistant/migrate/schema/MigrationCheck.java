package dev.assistant.migrate.schema;

import dev.assistant.migrate.api.CheckReport;
import dev.assistant.migrate.api.MigrationEngineException;
import dev.assistant.migrate.api.ModelSource;
import dev.assistant.migrate.api.Problem;
import dev.assistant.migrate.api.ProblemKind;
import dev.assistant.migrate.engine.MigrationCatalog;
import dev.assistant.migrate.engine.MigrationEngine;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The check goal: everything status reports, plus what only a replay shows — the chain applied from nothing and
 * undone step by step on a shadow database — and the drift between the entity model and the migrations. It works
 * from the one engine of the goal: the scripts as it read them, its database, its log and hints.
 */
public final class MigrationCheck {

    private final MigrationEngine engine;
    private final String shadowUrl;
    private final RenameHints renames;

    public MigrationCheck(MigrationEngine engine, String shadowUrl) {
        this(engine, shadowUrl, RenameHints.none());
    }

    /** @param renames renames the author declares ({@code assistant.renames}), which drift then reports as such */
    public MigrationCheck(MigrationEngine engine, String shadowUrl, RenameHints renames) {
        this.engine = engine;
        this.shadowUrl = shadowUrl;
        this.renames = renames;
    }

    /** @param model the entity classes, when the build has them; without them drift is not checked */
    public CheckReport run(Optional<ModelSource> model) {
        CheckReport status = engine.check();
        List<Problem> problems = new ArrayList<>(status.problems());
        MigrationCatalog catalog = engine.catalog();
        if (!catalog.errors().isEmpty()) {
            engine.log().debug("Replay and drift not checked: the scripts themselves have errors.");
            return new CheckReport(status.database(), status.pending(), problems);
        }
        HibernateLogBridge.routeTo(engine.log());
        try (ShadowDatabase shadow = ShadowDatabase.open(engine.database(), shadowUrl)) {
            List<Problem> replay = new ReplayVerifier(catalog, shadow, shadow.replaying(engine)).verify();
            problems.addAll(replay);
            if (replay.isEmpty() && model.isPresent()) {
                problems.addAll(drift(model.get(), shadow));
            }
        }
        return new CheckReport(status.database(), status.pending(), problems);
    }

    private List<Problem> drift(ModelSource model, ShadowDatabase shadow) {
        try (ModelClasses classes = ModelClasses.load(model.roots(), model.classpath(), engine.hints());
                Connection connection = shadow.connect()) {
            SchemaChanges changes = Autogenerator.diff(connection, ModelSchemaReader.read(classes), renames);
            List<Problem> problems = new ArrayList<>();
            for (SchemaOperation operation : changes.upgrade()) {
                problems.add(new Problem(ProblemKind.MODEL_DRIFT, operation.subject(),
                        "The model in " + classes.describe() + " needs: " + operation.describe() + ".",
                        "Generate the migration: " + engine.hints().createMigration("...") + "."));
            }
            return problems;
        } catch (SQLException e) {
            throw new MigrationEngineException("Cannot read the schema of " + shadow.describe() + ": "
                    + e.getMessage(), false, e);
        }
    }
}
