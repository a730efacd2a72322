package dev.assistant.db.config;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * Resolved connection settings for one PostgreSQL database. The password is available to code that connects and
 * to nothing that prints: {@link #toString()} and {@link #maskedUrl()} show {@code ****} in its place.
 */
public final class ConnectionSettings {

    /** The fields the connection rule resolves one by one. */
    public enum Field {
        HOST, PORT, DATABASE, USER, PASSWORD
    }

    private final String host;
    private final int port;
    private final String database;
    private final String user;
    private final String password;
    private final Map<String, String> parameters;
    private final Map<Field, SettingSource> sources;
    private final SettingNames names;

    ConnectionSettings(String host, int port, String database, String user, String password,
            Map<String, String> parameters, Map<Field, SettingSource> sources, SettingNames names) {
        this.host = Objects.requireNonNull(host, "host");
        this.port = port;
        this.database = Objects.requireNonNull(database, "database");
        this.user = Objects.requireNonNull(user, "user");
        this.password = password == null ? "" : password;
        this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        EnumMap<Field, SettingSource> copy = new EnumMap<>(Field.class);
        copy.putAll(sources);
        this.sources = Collections.unmodifiableMap(copy);
        this.names = Objects.requireNonNull(names, "names");
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String database() {
        return database;
    }

    public String user() {
        return user;
    }

    /** The password, for connecting only. */
    public String password() {
        return password;
    }

    /** Query parameters passed through to the driver, e.g. {@code sslmode}; never the user or password. */
    public Map<String, String> parameters() {
        return parameters;
    }

    /** Where each field came from. */
    public Map<Field, SettingSource> sources() {
        return sources;
    }

    /**
     * Where a field came from, in words for messages ("the password came from …"): the explicit layer as the front end
     * that resolved these settings names it, e.g. {@code the command line (--url, --user, --password-file)}.
     */
    public String describeSource(Field field) {
        SettingSource source = sources.get(field);
        if (source == null) {
            return "the settings";
        }
        return source == SettingSource.EXPLICIT ? names.explicitSource() : source.description();
    }

    /** {@code jdbc:postgresql://host:port/database?param=value}, without credentials. */
    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + encode(database) + query();
    }

    /** The user and password, for {@code DriverManager.getConnection(jdbcUrl(), jdbcProperties())}. */
    public Properties jdbcProperties() {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        return properties;
    }

    /** {@code postgresql://user:****@host:port/database?param=value}: what every message shows. */
    public String maskedUrl() {
        return "postgresql://" + encode(user) + (password.isEmpty() ? "" : ":" + Masking.MASK) + "@" + host + ":" + port
                + "/" + encode(database) + Masking.maskParameters(query());
    }

    /** {@code postgresql://host:port/database}: which database, without user, password or parameters. */
    public String location() {
        return "postgresql://" + host + ":" + port + "/" + encode(database);
    }

    /** The same server and credentials, another database (for scratch and shadow databases). */
    public ConnectionSettings withDatabase(String otherDatabase) {
        Map<Field, SettingSource> otherSources = new EnumMap<>(sources);
        otherSources.put(Field.DATABASE, SettingSource.EXPLICIT);
        return new ConnectionSettings(host, port, otherDatabase, user, password, parameters, otherSources, names);
    }

    /**
     * A URL as written by a user, safe to show: a valid one rebuilt with its password masked, a malformed one reduced
     * to its scheme, host and database.
     */
    public static String maskUrl(String url) {
        return DatabaseUrl.mask(url);
    }

    /** Hides the password, raw or encoded, and any password parameter, in text from elsewhere (driver messages). */
    public String redact(String text) {
        return Masking.redact(text, password, user);
    }

    private String query() {
        if (parameters.isEmpty()) {
            return "";
        }
        StringBuilder query = new StringBuilder();
        parameters.forEach((key, value) -> query.append(query.length() == 0 ? "?" : "&")
                .append(encode(key)).append('=').append(encode(value)));
        return query.toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        return maskedUrl();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ConnectionSettings that
                && port == that.port && host.equals(that.host) && database.equals(that.database)
                && user.equals(that.user) && password.equals(that.password) && parameters.equals(that.parameters);
    }

    @Override
    public int hashCode() {
        return Objects.hash(host, port, database, user, parameters);
    }
}
