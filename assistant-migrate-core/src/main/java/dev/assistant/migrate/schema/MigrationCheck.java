package dev.assistant.migrate.schema;

import dev.assistant.migrate.engine.CheckReport;
import dev.assistant.migrate.engine.Database;
import dev.assistant.migrate.engine.EngineSettings;
import dev.assistant.migrate.engine.MigrationCatalog;
import dev.assistant.migrate.engine.MigrationEngine;
import dev.assistant.migrate.engine.MigrationEngineException;
import dev.assistant.migrate.engine.Problem;
import dev.assistant.migrate.engine.ProblemKind;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The check goal: everything status reports, plus what only a replay shows — the chain applied from nothing and
 * undone step by step on a shadow database — and the drift between the entity model and the migrations.
 */
public final class MigrationCheck {

    private final EngineSettings settings;
    private final String shadowUrl;
    private final RenameHints renames;

    public MigrationCheck(EngineSettings settings, String shadowUrl) {
        this(settings, shadowUrl, RenameHints.none());
    }

    /** @param renames renames the author declares ({@code assistant.renames}), which drift then reports as such */
    public MigrationCheck(EngineSettings settings, String shadowUrl, RenameHints renames) {
        this.settings = settings;
        this.shadowUrl = shadowUrl;
        this.renames = renames;
    }

    /** @param model the entity classes, when the build has them; without them drift is not checked */
    public CheckReport run(Optional<Supplier<ModelClasses>> model) {
        MigrationEngine engine = new MigrationEngine(settings);
        CheckReport status = engine.check();
        List<Problem> problems = new ArrayList<>(status.problems());
        MigrationCatalog catalog = engine.catalog();
        if (!catalog.errors().isEmpty()) {
            settings.log().debug("Replay and drift not checked: the scripts themselves have errors.");
            return new CheckReport(status.database(), status.pending(), problems);
        }
        HibernateLogBridge.routeTo(settings.log());
        try (ShadowDatabase shadow = ShadowDatabase.open(new Database(settings.connection()), shadowUrl)) {
            List<Problem> replay = new ReplayVerifier(catalog, shadow, settings).verify();
            problems.addAll(replay);
            if (replay.isEmpty() && model.isPresent()) {
                problems.addAll(drift(model.get(), shadow));
            }
        }
        return new CheckReport(status.database(), status.pending(), problems);
    }

    private List<Problem> drift(Supplier<ModelClasses> model, ShadowDatabase shadow) {
        try (ModelClasses classes = model.get(); Connection connection = shadow.connect()) {
            SchemaChanges changes = Autogenerator.diff(connection, ModelSchemaReader.read(classes), renames);
            List<Problem> problems = new ArrayList<>();
            for (SchemaOperation operation : changes.upgrade()) {
                problems.add(new Problem(ProblemKind.MODEL_DRIFT, operation.subject(),
                        "The model in " + classes.describe() + " needs: " + operation.describe() + ".",
                        "Generate the migration: make migration MESSAGE=\"...\""
                                + " (mvn assistant-migrate:create -Dassistant.autogenerate=true -Dassistant.message=...)."));
            }
            return problems;
        } catch (SQLException e) {
            throw new MigrationEngineException("Cannot read the schema of " + shadow.describe() + ": "
                    + e.getMessage(), false, e);
        }
    }
}
