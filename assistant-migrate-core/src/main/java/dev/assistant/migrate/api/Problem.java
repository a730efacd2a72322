package dev.assistant.migrate.api;

import java.util.Objects;

/**
 * One thing wrong with the migrations or the history, with what to do about it.
 *
 * @param kind what kind of problem
 * @param subject the file or version it concerns, e.g. {@code V3__add_index.sql}
 * @param detail what exactly was found
 * @param fix what to do, as a command or a concrete step
 */
public record Problem(ProblemKind kind, String subject, String detail, String fix) {

    public Problem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(fix, "fix");
    }

    public boolean isError() {
        return kind.severity() == ProblemKind.Severity.ERROR;
    }

    /** {@code V3__add_index.sql: changed after it was applied — <detail>. Fix: <fix>} */
    public String describe() {
        return subject + ": " + kind.title() + ". " + detail + " Fix: " + fix;
    }
}
