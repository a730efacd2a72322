package dev.assistant.migrate.engine;

/** The kinds of script a migration location holds, told apart by the first letter of the file name. */
public enum ScriptKind {
    /** {@code V<version>__<description>.sql}: applied once, in version order. */
    VERSIONED("V"),
    /** {@code U<version>__<description>.sql}: reverses the versioned migration of the same version. */
    UNDO("U"),
    /** {@code R__<description>.sql}: re-applied whenever its content changes (views, functions). */
    REPEATABLE("R");

    private final String prefix;

    ScriptKind(String prefix) {
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }
}
