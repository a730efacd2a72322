package dev.assistant.migrate.api;

import java.util.Objects;

/** {@code status}: the current version, the pending migrations and every problem. Reads only. */
public record StatusRequest(Workspace workspace) {

    public StatusRequest {
        Objects.requireNonNull(workspace, "workspace");
    }
}
