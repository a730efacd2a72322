package dev.assistant.migrate.engine;

import java.util.Optional;
import org.flywaydb.core.api.MigrationVersion;

/** A script whose name parsed, with its file. */
public record MigrationScript(ScriptName name, ScriptFile file) {

    public MigrationVersion version() {
        return name.version();
    }

    public String description() {
        return name.description();
    }

    public String fileName() {
        return file.fileName();
    }

    /** The content as text, or empty when the file is not valid UTF-8. */
    public Optional<String> text() {
        return file.text();
    }

    /** True when the file holds nothing but whitespace and comments. */
    public boolean isBlank() {
        return text().map(SqlComments::isBlank).orElse(false);
    }

    /** True when the file holds nothing at all, or only whitespace. */
    public boolean isEmpty() {
        return text().map(SqlComments::isWhitespace).orElse(false);
    }

    /**
     * True when the file holds comments and no statement: a version that changes nothing, such as a merge or a
     * placeholder, which Flyway applies and records like any other.
     */
    public boolean isCommentOnly() {
        return isBlank() && !isEmpty();
    }
}
