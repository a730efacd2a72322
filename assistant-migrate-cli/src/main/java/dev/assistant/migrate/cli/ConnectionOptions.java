package dev.assistant.migrate.cli;

import dev.assistant.db.config.ConnectionSettings;
import dev.assistant.db.config.ConnectionSettingsResolver;
import dev.assistant.db.config.DatabaseList;
import dev.assistant.db.config.SettingSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options every command that reaches the database takes: the connection, by the one rule the plugin and the
 * service use (options, then DATABASE_URL / POSTGRES_*, then {@code .env}, then the defaults). There is no
 * {@code --password}: on a command line every user of the machine can read it ({@code ps}) and the shell keeps it.
 */
final class ConnectionOptions {

    @Option(names = OptionNames.URL, paramLabel = "<url>", description = {
        "The database: postgresql://user@host:5432/db, postgres://…, postgresql+<driver>://… or jdbc:postgresql://…."
                + " Default: DATABASE_URL, else POSTGRES_HOST/PORT/DB/USER/PASSWORD, from the environment, then from"
                + " .env; else temporal@postgresql:5432/the_assistant.",
        "Keep the password out of it (others can read it in `ps`): give it in POSTGRES_PASSWORD, .env or "
                + OptionNames.PASSWORD_FILE + "."})
    private String url;

    @Option(names = OptionNames.USER, paramLabel = "<user>", description = "The database user; wins over the URL's.")
    private String user;

    @Option(names = OptionNames.PASSWORD_FILE, paramLabel = "<file>", description = "A file holding the password"
            + " (its first line), such as a mounted secret; wins over every other password.")
    private Path passwordFile;

    @Option(names = OptionNames.PASSWORD, hidden = true, arity = "0..1", fallbackValue = "")
    private String refusedPassword;

    @Option(names = OptionNames.LOCAL, description = "Reach the database from this machine: the default host becomes"
            + " localhost, and a host `postgresql` (the Docker Compose service) in DATABASE_URL or POSTGRES_HOST is"
            + " rewritten to localhost.")
    private boolean local;

    @Option(names = OptionNames.ENV_FILE, paramLabel = "<file>", description = "Read DATABASE_URL and POSTGRES_* from"
            + " this file instead of .env in the working directory; the real environment still wins.")
    private Path envFile;

    /** The settings, resolved by the one connection rule; options that cannot be used fail before anything runs. */
    ConnectionSettings resolve(ProcessContext context) {
        return resolver(context).url(url).resolve();
    }

    /**
     * The settings of every database of a fleet: each URL with its own credentials, else {@code --user},
     * {@code --password-file} and the environment's; {@code --url} names one database and cannot be given with it.
     */
    List<ConnectionSettings> resolve(DatabaseList fleet, ProcessContext context) {
        if (url != null) {
            throw CliFailure.usage(OptionNames.URL + " names one database and " + OptionNames.URLS + " or "
                    + OptionNames.URLS_FILE + " a fleet; give one of the two.");
        }
        return fleet.resolve(resolver(context));
    }

    private ConnectionSettingsResolver resolver(ProcessContext context) {
        if (refusedPassword != null) {
            throw CliFailure.usage(OptionNames.PASSWORD + " is not accepted: on a command line every user of this"
                    + " machine can read the password (ps), and the shell keeps it in its history. Give it in the"
                    + " environment (POSTGRES_PASSWORD, or DATABASE_URL), in .env, or in a file named by "
                    + OptionNames.PASSWORD_FILE + ".");
        }
        ConnectionSettingsResolver resolver = ConnectionSettingsResolver.create()
                .user(user)
                .password(passwordFile == null ? null : readPassword(passwordFile, context.resolve(passwordFile)))
                .local(local)
                .environment(context.environment())
                .names(CliHints.CONNECTION_SETTINGS);
        if (envFile == null) {
            resolver.dotenvDirectory(context.workingDirectory());
        } else {
            Path file = context.resolve(envFile);
            if (!Files.isRegularFile(file)) {
                throw CliFailure.usage(OptionNames.ENV_FILE + " " + envFile + ": there is no such file (" + file
                        + ").");
            }
            resolver.dotenvFile(file);
        }
        return resolver;
    }

    /** Whether the password of these settings was written into {@code --url}, where {@code ps} shows it. */
    boolean passwordInUrl(ConnectionSettings settings) {
        return url != null && passwordFile == null && !settings.password().isEmpty()
                && settings.sources().get(ConnectionSettings.Field.PASSWORD) == SettingSource.EXPLICIT;
    }

    private static String readPassword(Path given, Path file) {
        if (!Files.isRegularFile(file)) {
            throw CliFailure.usage(OptionNames.PASSWORD_FILE + " " + given + ": there is no such file (" + file + ").");
        }
        try {
            String content = Files.readString(file, StandardCharsets.UTF_8);
            int end = content.indexOf('\n');
            String firstLine = end < 0 ? content : content.substring(0, end);
            return firstLine.endsWith("\r") ? firstLine.substring(0, firstLine.length() - 1) : firstLine;
        } catch (IOException e) {
            throw CliFailure.couldNotRun("Cannot read the password file " + file + " (" + OptionNames.PASSWORD_FILE
                    + "): " + e.getMessage() + ".");
        }
    }
}
