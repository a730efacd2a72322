package dev.assistant.migrate.api;

import java.util.Objects;

/**
 * {@code status}: the current version, the pending migrations and every problem. Reads only.
 *
 * @param workspace the database and the scripts
 * @param lint whether the pending migrations are replayed on a shadow database to mark those that would block
 *     production (docs/lint.md); off unless a front end asks, so that a service's start-up check stays a reading
 */
public record StatusRequest(Workspace workspace, LintMode lint) {

    public StatusRequest {
        Objects.requireNonNull(workspace, "workspace");
        lint = lint == null ? LintMode.OFF : lint;
    }

    public StatusRequest(Workspace workspace) {
        this(workspace, LintMode.OFF);
    }
}
