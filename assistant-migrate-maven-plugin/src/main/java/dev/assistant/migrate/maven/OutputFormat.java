package dev.assistant.migrate.maven;

import java.util.Locale;
import org.apache.maven.plugin.MojoFailureException;

/** How status and history print: log lines, or one JSON document on standard output. */
enum OutputFormat {
    TEXT,
    JSON;

    static OutputFormat parse(String value) throws MojoFailureException {
        try {
            return OutputFormat.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("-D" + PluginProperties.FORMAT + "=" + value
                    + " is not a format: use text (the default) or json.");
        }
    }
}
