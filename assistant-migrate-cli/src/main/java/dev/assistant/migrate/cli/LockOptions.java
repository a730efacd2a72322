package dev.assistant.migrate.cli;

import java.time.Duration;
import picocli.CommandLine.Option;

/** The option of every command that takes the migration lock. */
final class LockOptions {

    @Option(names = OptionNames.LOCK_TIMEOUT, paramLabel = "<seconds>", defaultValue = ""
            + ChangeOptions.DEFAULT_LOCK_TIMEOUT_SECONDS, converter = ChangeOptions.Seconds.class, description = "How"
            + " long to wait for another run that holds the migration lock (default: ${DEFAULT-VALUE}).")
    private Duration lockTimeout;

    Duration lockTimeout() {
        return lockTimeout;
    }
}
