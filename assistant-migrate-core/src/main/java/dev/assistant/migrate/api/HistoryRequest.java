package dev.assistant.migrate.api;

import java.util.Objects;

/** {@code history}: the applied migrations, then the pending ones. Reads only. */
public record HistoryRequest(Workspace workspace) {

    public HistoryRequest {
        Objects.requireNonNull(workspace, "workspace");
    }
}
