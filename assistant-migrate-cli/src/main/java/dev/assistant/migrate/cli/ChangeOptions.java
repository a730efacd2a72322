package dev.assistant.migrate.cli;

import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** The options of the commands that change the database under the migration lock: apply and downgrade. */
final class ChangeOptions {

    static final int DEFAULT_LOCK_TIMEOUT_SECONDS = 60;

    @Option(names = OptionNames.DRY_RUN, description = "Show what would be done, and change nothing.")
    private boolean dryRun;

    @Option(names = OptionNames.LOCK_TIMEOUT, paramLabel = "<seconds>", defaultValue = ""
            + DEFAULT_LOCK_TIMEOUT_SECONDS, converter = Seconds.class, description = "How long to wait for another"
            + " run that holds the migration lock (default: ${DEFAULT-VALUE}).")
    private Duration lockTimeout;

    boolean dryRun() {
        return dryRun;
    }

    Duration lockTimeout() {
        return lockTimeout;
    }

    /** A whole number of seconds, 0 or more. */
    static final class Seconds implements ITypeConverter<Duration> {

        @Override
        public Duration convert(String value) {
            try {
                long seconds = Long.parseLong(value.trim());
                if (seconds >= 0 && seconds <= Integer.MAX_VALUE) {
                    return Duration.ofSeconds(seconds);
                }
            } catch (NumberFormatException e) {
                // explained below
            }
            throw new TypeConversionException("'" + value + "' is not a number of seconds: give a whole number, 0 or"
                    + " more (the default is " + DEFAULT_LOCK_TIMEOUT_SECONDS + ")");
        }
    }
}
