package dev.assistant.db.config;

import java.util.Objects;

/**
 * How a front end names its explicit settings in messages: the Maven plugin says {@code -Dassistant.url}, the command
 * line tool {@code --url}. The connection rule itself knows no front end; without names its messages speak of
 * "explicit configuration".
 *
 * @param url where an explicit URL comes from, after "The database URL from", e.g. {@code --url}
 * @param user how an explicit user is given, e.g. {@code --user}
 * @param password how an explicit password is given safely, after "Give it in the environment, .env, or", e.g.
 *     {@code a password file (--password-file)}
 * @param explicitSource the explicit layer as a whole, after "The password came from", e.g.
 *     {@code the command line (--url, --user, --password-file)}
 */
public record SettingNames(String url, String user, String password, String explicitSource) {

    /** Words for no front end in particular. */
    public static final SettingNames GENERIC = new SettingNames("explicit configuration", "an explicit user",
            "explicit configuration", SettingSource.EXPLICIT.description());

    public SettingNames {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(explicitSource, "explicitSource");
    }
}
