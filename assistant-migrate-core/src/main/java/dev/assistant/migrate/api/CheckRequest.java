package dev.assistant.migrate.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code check}, for CI: everything status finds, plus a replay of the chain on a shadow database and the drift
 * between the entity model and the migrations.
 *
 * @param workspace the database and the scripts
 * @param model the compiled entity classes; without them drift is not checked (and the log says so)
 * @param shadowUrl an empty database to replay the migrations on instead of a temporary one; null for temporary
 * @param renames renames the author declares, each {@code old->new}; drift reports them as renames
 * @param ignore names of objects that exist only in SQL, left out of the comparisons with the model and with the
 *     database ({@code *} for any characters, {@code ?} for one, an optional kind first: {@code index:idx_*}): tables,
 *     {@code table.column}, indexes, constraints, sequences, views, functions
 * @param lint whether the replay observes locks and rewrites, and whether its errors fail check (docs/lint.md)
 */
public record CheckRequest(Workspace workspace, Optional<ModelSource> model, String shadowUrl, List<String> renames,
        List<String> ignore, LintMode lint) {

    public CheckRequest {
        Objects.requireNonNull(workspace, "workspace");
        model = model == null ? Optional.empty() : model;
        ignore = ignore == null ? List.of() : List.copyOf(ignore);
        renames = renames == null ? List.of() : List.copyOf(renames);
        lint = lint == null ? LintMode.DEFAULT : lint;
    }

    public CheckRequest(Workspace workspace, Optional<ModelSource> model, String shadowUrl, List<String> renames,
            List<String> ignore) {
        this(workspace, model, shadowUrl, renames, ignore, LintMode.DEFAULT);
    }

    public CheckRequest(Workspace workspace, Optional<ModelSource> model, String shadowUrl) {
        this(workspace, model, shadowUrl, List.of(), List.of(), LintMode.DEFAULT);
    }
}
