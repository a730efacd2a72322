package dev.assistant.migrate.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code create}: a new migration pair, {@code V<yyyyMMddHHmmss>__<slug>.sql} and its undo (with autogenerate, and
 * the pairs of their own that the safe forms on tables that exist need, under the same second).
 *
 * @param workspace the database (for autogenerate) and the scripts (no version may be taken twice)
 * @param message what the migration does, as the user typed it; it names the files
 * @param autogenerate fill both files from the difference between the entity model and the migrations' schema,
 *     instead of writing commented templates
 * @param directory where the files are written, e.g. {@link Workspace#firstDirectory()}
 * @param model the compiled entity classes; needed only with autogenerate
 * @param shadowUrl an empty database to replay the migrations on instead of a temporary one; null for temporary
 * @param renames renames the author declares, each {@code old->new} (a table, or {@code table.column}); autogenerate
 *     writes them as renames instead of a drop and an add
 * @param ignore names of objects that exist only in SQL, which autogenerate leaves alone (see {@link CheckRequest})
 */
public record CreateRequest(Workspace workspace, String message, boolean autogenerate, Path directory,
        Optional<ModelSource> model, String shadowUrl, List<String> renames, List<String> ignore) {

    public CreateRequest {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(directory, "directory");
        model = model == null ? Optional.empty() : model;
        ignore = ignore == null ? List.of() : List.copyOf(ignore);
        renames = renames == null ? List.of() : List.copyOf(renames);
    }

    public CreateRequest(Workspace workspace, String message, boolean autogenerate, Path directory,
            Optional<ModelSource> model, String shadowUrl) {
        this(workspace, message, autogenerate, directory, model, shadowUrl, List.of(), List.of());
    }
}
