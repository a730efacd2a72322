package dev.assistant.migrate.api;

/** Everything status reports as a problem. Errors stop {@code migrate}; every kind fails {@code check}. */
public enum ProblemKind {
    CHECKSUM_MISMATCH(Severity.ERROR, "changed after it was applied"),
    DESCRIPTION_CHANGED(Severity.ERROR, "renamed after it was applied"),
    RENAMED_AFTER_APPLIED(Severity.ERROR, "applied here under its old name"),
    APPLIED_FILE_MISSING(Severity.ERROR, "applied, but its file is gone"),
    FAILED_MIGRATION(Severity.ERROR, "failed and left a failure record"),
    HISTORY_EDITED(Severity.ERROR, "the history holds rows no run writes"),
    OUT_OF_ORDER(Severity.ERROR, "pending, but older than the newest applied migration"),
    DUPLICATE_VERSION(Severity.ERROR, "version used by more than one file"),
    NOT_UTF8(Severity.ERROR, "not valid UTF-8"),
    NUL_BYTE(Severity.ERROR, "holds a NUL byte, which PostgreSQL does not take"),
    MISNAMED_MIGRATION(Severity.ERROR, "named like a migration, but not as one, so it would not be applied"),
    UNREADABLE_SCRIPT(Severity.ERROR, "named like a migration, but cannot be read"),
    EMPTY_MIGRATION(Severity.ERROR, "holds no SQL statement"),
    UNDO_DOES_NOT_RESTORE(Severity.ERROR, "undo does not restore the schema"),
    FAILS_ON_EMPTY_DATABASE(Severity.ERROR, "fails when the migrations are replayed on an empty database"),
    MODEL_DRIFT(Severity.ERROR, "the entity model differs from what the migrations build"),
    CHANGED_OUTSIDE_MIGRATIONS(Severity.ERROR, "changed outside migrations"),
    FUTURE_MIGRATION(Severity.WARNING, "applied, but newer than every file here"),
    MISSING_UNDO(Severity.WARNING, "has no undo script (irreversible)"),
    NO_OP_MIGRATION(Severity.WARNING, "holds only comments: a version that changes nothing"),
    UNDO_WITHOUT_MIGRATION(Severity.WARNING, "undo script with no migration"),
    INVALID_NAME(Severity.WARNING, "not a migration name, ignored"),
    UNREADABLE_ENTRY(Severity.WARNING, "cannot be read, ignored");

    /** How a problem affects the goals. */
    public enum Severity {
        /** Stops migrate and downgrade. */
        ERROR,
        /** Reported by status, fails check, does not stop migrate. */
        WARNING
    }

    private final Severity severity;
    private final String title;

    ProblemKind(Severity severity, String title) {
        this.severity = severity;
        this.title = title;
    }

    public Severity severity() {
        return severity;
    }

    public String title() {
        return title;
    }
}
