package dev.assistant.db.config;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one connection rule, shared by the migration plugin, the command line tool and the service. First found wins,
 * field by field:
 * <ol>
 *   <li>explicit configuration: a URL, then a user and a password that override the URL's;</li>
 *   <li>the environment: {@code DATABASE_URL}, then {@code POSTGRES_HOST/PORT/DB/USER/PASSWORD} for what it lacks;</li>
 *   <li>the same keys in {@code .env} (the real environment wins over it);</li>
 *   <li>defaults: temporal / temporal at postgresql:5432, database the_assistant.</li>
 * </ol>
 * {@code local} makes the default host {@code localhost} and rewrites a host {@code postgresql} (the Docker Compose
 * service name) from the environment or {@code .env} to {@code localhost}; an explicit URL is taken as given.
 *
 * <p>An explicit URL never takes its database, user or password from the defaults: when neither the rest of the
 * explicit configuration, the environment nor {@code .env} gives one it lacks, resolving fails and names the part.
 */
public final class ConnectionSettingsResolver {

    public static final String DATABASE_URL = "DATABASE_URL";
    public static final String POSTGRES_USER = "POSTGRES_USER";
    public static final String POSTGRES_PASSWORD = "POSTGRES_PASSWORD";
    public static final String POSTGRES_HOST = "POSTGRES_HOST";
    public static final String POSTGRES_PORT = "POSTGRES_PORT";
    public static final String POSTGRES_DB = "POSTGRES_DB";
    public static final String DOTENV_FILE = ".env";

    public static final String DEFAULT_USER = "temporal";
    public static final String DEFAULT_PASSWORD = "temporal";
    public static final String DEFAULT_HOST = "postgresql";
    public static final String LOCAL_HOST = "localhost";
    public static final int DEFAULT_PORT = 5432;
    public static final String DEFAULT_DATABASE = "the_assistant";

    private String url;
    private String user;
    private String password;
    private boolean local;
    private Map<String, String> environment = System.getenv();
    private Path dotenvFile;
    private SettingNames names = SettingNames.GENERIC;

    private ConnectionSettingsResolver() {
    }

    public static ConnectionSettingsResolver create() {
        return new ConnectionSettingsResolver();
    }

    public ConnectionSettingsResolver url(String explicitUrl) {
        this.url = blankToNull(explicitUrl);
        return this;
    }

    public ConnectionSettingsResolver user(String explicitUser) {
        this.user = blankToNull(explicitUser);
        return this;
    }

    public ConnectionSettingsResolver password(String explicitPassword) {
        this.password = explicitPassword == null || explicitPassword.isEmpty() ? null : explicitPassword;
        return this;
    }

    public ConnectionSettingsResolver local(boolean reachFromThisMachine) {
        this.local = reachFromThisMachine;
        return this;
    }

    public ConnectionSettingsResolver environment(Map<String, String> variables) {
        this.environment = Map.copyOf(variables);
        return this;
    }

    /** Where {@code .env} is looked for; null for nowhere. A missing file is fine. */
    public ConnectionSettingsResolver dotenvDirectory(Path directory) {
        this.dotenvFile = directory == null ? null : directory.resolve(DOTENV_FILE);
        return this;
    }

    /** The file read as {@code .env}, whatever its name; null for none. A missing file is fine. */
    public ConnectionSettingsResolver dotenvFile(Path file) {
        this.dotenvFile = file;
        return this;
    }

    /** How messages name the explicit settings: in the words of the front end that gives them. */
    public ConnectionSettingsResolver names(SettingNames frontEndNames) {
        this.names = frontEndNames == null ? SettingNames.GENERIC : frontEndNames;
        return this;
    }

    /**
     * The settings of one database of a list ({@link DatabaseList}): its URL is the explicit one, and the user and
     * password given to this resolver apply only where the URL names none, so that each database may carry its own.
     *
     * @param origin how messages name where the URL came from, e.g. {@code fleet.txt line 4}
     */
    public ConnectionSettings resolveMember(String memberUrl, String origin) {
        DatabaseUrl parsed = DatabaseUrl.parse(memberUrl, origin);
        ConnectionSettingsResolver member = new ConnectionSettingsResolver();
        member.url = memberUrl.trim();
        member.user = parsed.user() != null ? null : user;
        member.password = parsed.password() != null ? null : password;
        member.local = local;
        member.environment = environment;
        member.dotenvFile = dotenvFile;
        member.names = new SettingNames(origin, names.user(), names.password(), names.explicitSource());
        return member.resolve();
    }

    public ConnectionSettings resolve() {
        DatabaseUrl explicitUrl = url == null ? null : DatabaseUrl.parse(url, names.url());
        Layer explicit = (explicitUrl == null ? Layer.empty(SettingSource.EXPLICIT)
                : Layer.of(SettingSource.EXPLICIT, explicitUrl)).override(user, password);
        Layer fromEnvironment = variablesLayer(SettingSource.ENVIRONMENT, environment, "the environment");
        Layer fromDotenv = dotenvFile == null ? Layer.empty(SettingSource.DOTENV)
                : dotenvLayer(DotenvFile.read(dotenvFile));
        Layer defaults = new Layer(SettingSource.DEFAULT, local ? LOCAL_HOST : DEFAULT_HOST, DEFAULT_PORT,
                DEFAULT_DATABASE, DEFAULT_USER, DEFAULT_PASSWORD, Map.of());

        Map<ConnectionSettings.Field, SettingSource> sources = new EnumMap<>(ConnectionSettings.Field.class);
        List<Layer> layers = List.of(explicit, fromEnvironment, fromDotenv, defaults);
        Layer hostLayer = first(layers, ConnectionSettings.Field.HOST, sources);
        String host = hostLayer.host;
        if (local && DEFAULT_HOST.equals(host) && hostLayer.source != SettingSource.EXPLICIT) {
            host = LOCAL_HOST;
        }
        int port = first(layers, ConnectionSettings.Field.PORT, sources).port;
        String database = first(layers, ConnectionSettings.Field.DATABASE, sources).database;
        String resolvedUser = first(layers, ConnectionSettings.Field.USER, sources).user;
        String resolvedPassword = first(layers, ConnectionSettings.Field.PASSWORD, sources).password;
        if (explicitUrl != null) {
            requireNoDefaults(explicitUrl, sources);
        }
        return new ConnectionSettings(host, port, database, resolvedUser, resolvedPassword, hostLayer.parameters,
                sources, names);
    }

    private static Layer first(List<Layer> layers, ConnectionSettings.Field field,
            Map<ConnectionSettings.Field, SettingSource> sources) {
        for (Layer layer : layers) {
            if (layer.has(field)) {
                sources.put(field, layer.source);
                return layer;
            }
        }
        throw new IllegalStateException("the defaults supply every field");
    }

    /** The parts an explicit URL may not leave to the defaults, each with what to write instead. */
    private void requireNoDefaults(DatabaseUrl explicitUrl, Map<ConnectionSettings.Field, SettingSource> sources) {
        String shown = explicitUrl.display();
        String lacks = "The database URL from " + names.url() + " (" + shown + ") names no ";
        if (sources.get(ConnectionSettings.Field.DATABASE) == SettingSource.DEFAULT) {
            throw new InvalidConnectionSettingsException(lacks + "database, and neither " + POSTGRES_DB + " nor "
                    + DATABASE_URL + " gives one. Add it to the URL, e.g. " + explicitUrl.scheme() + "://"
                    + explicitUrl.host() + "/" + DEFAULT_DATABASE + "; an explicit URL never falls back to the"
                    + " default database.");
        }
        if (sources.get(ConnectionSettings.Field.USER) == SettingSource.DEFAULT) {
            throw new InvalidConnectionSettingsException(lacks + "user, and neither " + names.user() + ", "
                    + POSTGRES_USER + " nor " + DATABASE_URL + " gives one. Add it to the URL (" + explicitUrl.scheme()
                    + "://<user>@" + explicitUrl.host() + "/…) or give " + names.user() + "; an explicit URL never logs"
                    + " in as the default user.");
        }
        if (sources.get(ConnectionSettings.Field.PASSWORD) == SettingSource.DEFAULT) {
            throw new InvalidConnectionSettingsException(lacks + "password, and none is given elsewhere. Give it in"
                    + " the environment (" + POSTGRES_PASSWORD + "), .env, or " + names.password() + "; for a server"
                    + " that asks for none, write it empty (<user>:@" + explicitUrl.host() + "). An explicit URL never"
                    + " uses the default password.");
        }
    }

    private static Layer variablesLayer(SettingSource source, Map<String, String> variables, String where) {
        String databaseUrl = blankToNull(variables.get(DATABASE_URL));
        Layer fromUrl = databaseUrl == null ? Layer.empty(source)
                : Layer.of(source, DatabaseUrl.parse(databaseUrl, DATABASE_URL + " in " + where));
        String portText = blankToNull(variables.get(POSTGRES_PORT));
        Integer port = portText == null ? null
                : DatabaseUrl.parsePortVariable(portText, POSTGRES_PORT + " in " + where);
        Layer fromVariables = new Layer(source, blankToNull(variables.get(POSTGRES_HOST)), port,
                blankToNull(variables.get(POSTGRES_DB)), blankToNull(variables.get(POSTGRES_USER)),
                emptyToNull(variables.get(POSTGRES_PASSWORD)), Map.of());
        return fromUrl.orElse(fromVariables);
    }

    private static Layer dotenvLayer(DotenvFile file) {
        file.requireOneValueEach(List.of(DATABASE_URL, POSTGRES_USER, POSTGRES_PASSWORD, POSTGRES_HOST, POSTGRES_PORT,
                POSTGRES_DB));
        return variablesLayer(SettingSource.DOTENV, file.variables(), file.describe());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /** The fields one source supplies; null where it is silent. */
    private record Layer(SettingSource source, String host, Integer port, String database, String user,
            String password, Map<String, String> parameters) {

        static Layer empty(SettingSource source) {
            return new Layer(source, null, null, null, null, null, Map.of());
        }

        static Layer of(SettingSource source, DatabaseUrl url) {
            return new Layer(source, url.host(), url.port(), url.database(), url.user(), url.password(),
                    url.parameters());
        }

        boolean has(ConnectionSettings.Field field) {
            return switch (field) {
                case HOST -> host != null;
                case PORT -> port != null;
                case DATABASE -> database != null;
                case USER -> user != null;
                case PASSWORD -> password != null;
            };
        }

        Layer override(String otherUser, String otherPassword) {
            return new Layer(source, host, port, database, otherUser != null ? otherUser : user,
                    otherPassword != null ? otherPassword : password, parameters);
        }

        /** This layer's fields, with the other's where this one is silent. */
        Layer orElse(Layer other) {
            Map<String, String> mergedParameters = new LinkedHashMap<>(host != null ? parameters : other.parameters);
            return new Layer(source, host != null ? host : other.host, port != null ? port : other.port,
                    database != null ? database : other.database, user != null ? user : other.user,
                    password != null ? password : other.password, mergedParameters);
        }
    }
}
