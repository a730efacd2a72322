package dev.assistant.db.config;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A parsed database URL in any of the accepted forms. Fields the URL does not carry are null, so that the next layer
 * of the connection rule can supply them; a password written empty ({@code user:@host}) is the empty string.
 *
 * <p>A URL that is rejected is never shown as written: the message shows its scheme, host and database at most,
 * because a URL that does not parse may hold its password anywhere.
 */
record DatabaseUrl(String scheme, String host, Integer port, String database, String user, String password,
        Map<String, String> parameters) {

    static final List<String> ACCEPTED_FORMS = List.of(
            "postgresql://", "postgres://", "postgresql+<driver>:// (e.g. postgresql+asyncpg://)",
            "jdbc:postgresql://", "jdbc:postgresql:<database>");

    static final String JDBC_SHORT_PREFIX = "jdbc:postgresql:";
    private static final String JDBC_SHORT_HOST = "localhost";
    private static final int JDBC_SHORT_PORT = 5432;
    private static final Pattern SHOWN_SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.:-]{0,40}");
    private static final Pattern SHOWN_HOST = Pattern.compile("[\\p{L}\\p{N}._-]{1,253}|\\[[0-9A-Fa-f:.]{2,45}]");
    private static final Pattern SHOWN_DATABASE = Pattern.compile("[\\p{L}\\p{N}._~$-]{1,63}");
    /** What follows the user information when a '?' cannot be part of it: host, numeric port, database path. */
    private static final Pattern HOST_PORT_PATH =
            Pattern.compile("(\\[[0-9A-Fa-f:.]+]|[\\p{L}\\p{N}._-]+)(:[0-9]*)?(/[^@]*)?");

    /**
     * @param raw the URL as written
     * @param origin how messages name where it came from, e.g. "DATABASE_URL in the environment"
     */
    static DatabaseUrl parse(String raw, String origin) {
        Shape shape = Shape.of(raw.trim());
        String shown = shape.shown();
        if (shape.scheme == null) {
            throw invalid(origin, shown, "it has no scheme");
        }
        String scheme = shape.scheme.toLowerCase(Locale.ROOT);
        if (!isAccepted(scheme)) {
            throw invalid(origin, shown, "the scheme '" + (SHOWN_SCHEME.matcher(scheme).matches() ? scheme : "…")
                    + "' is not a PostgreSQL URL");
        }
        if (shape.ambiguous) {
            throw invalid(origin, shown, "a '?' comes before the '@' that ends the user and password;"
                    + " percent-encode special characters of the user and password (? as %3F, @ as %40, # as %23,"
                    + " / as %2F)");
        }
        if (shape.shortForm && shape.path.startsWith("/")) {
            throw invalid(origin, shown, "after jdbc:postgresql: comes either //host/database or the database name"
                    + " alone");
        }

        String user = null;
        String password = null;
        if (shape.userInfo != null) {
            if (shape.userInfo.indexOf('@') >= 0) {
                throw invalid(origin, shown, "the user or password contains an unencoded '@'; percent-encode it as %40");
            }
            int colon = shape.userInfo.indexOf(':');
            user = emptyToNull(decode(colon < 0 ? shape.userInfo : shape.userInfo.substring(0, colon), origin, shown,
                    "user"));
            password = colon < 0 ? null : decode(shape.userInfo.substring(colon + 1), origin, shown, "password");
        }

        String host;
        Integer port;
        if (shape.shortForm) {
            host = JDBC_SHORT_HOST;
            port = JDBC_SHORT_PORT;
        } else {
            String portText;
            if (shape.hostAndPort.startsWith("[")) {
                int close = shape.hostAndPort.indexOf(']');
                if (close < 0) {
                    throw invalid(origin, shown, "the IPv6 host has no closing ']'");
                }
                host = shape.hostAndPort.substring(0, close + 1);
                String after = shape.hostAndPort.substring(close + 1);
                if (!after.isEmpty() && !after.startsWith(":")) {
                    throw invalid(origin, shown, "unexpected text after the IPv6 host");
                }
                portText = after.isEmpty() ? null : after.substring(1);
            } else {
                int colon = shape.hostAndPort.lastIndexOf(':');
                host = colon < 0 ? shape.hostAndPort : shape.hostAndPort.substring(0, colon);
                portText = colon < 0 ? null : shape.hostAndPort.substring(colon + 1);
            }
            if (host.isEmpty()) {
                throw invalid(origin, shown, "it names no host");
            }
            if (host.contains(",")) {
                throw invalid(origin, shown, "it names several hosts; give one");
            }
            port = portText == null || portText.isEmpty() ? null : parsePort(portText, origin, shown);
        }
        String database = shape.path == null ? null : emptyToNull(decode(shape.path, origin, shown, "database"));

        Map<String, String> parameters = new LinkedHashMap<>();
        if (shape.query != null && !shape.query.isEmpty()) {
            for (String pair : shape.query.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String key = decode(equals < 0 ? pair : pair.substring(0, equals), origin, shown, "parameter name");
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1), origin, shown,
                        Masking.isPasswordParameter(key) ? "password" : "parameter " + key);
                switch (key) {
                    case "user" -> user = user != null ? user : emptyToNull(value);
                    case "password" -> password = password != null ? password : value;
                    default -> parameters.put(key, value);
                }
            }
        }
        return new DatabaseUrl(scheme, host, port, database, user, password, Collections.unmodifiableMap(parameters));
    }

    /**
     * A URL as written, for display: when valid, rebuilt from its parts with the password masked; otherwise its
     * scheme, host and database at most.
     */
    static String mask(String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return parse(raw, "").display();
        } catch (InvalidConnectionSettingsException e) {
            return Shape.of(raw.trim()).shown();
        }
    }

    /** This URL with the password masked, the user in the user information, and host and port spelled out. */
    String display() {
        StringBuilder text = new StringBuilder(scheme).append("://");
        boolean hasPassword = password != null && !password.isEmpty();
        if (user != null || hasPassword) {
            text.append(user == null ? "" : encode(user)).append(hasPassword ? ":" + Masking.MASK : "").append('@');
        }
        text.append(host).append(port == null ? "" : ":" + port).append(database == null ? "" : "/" + encode(database));
        String separator = "?";
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            text.append(separator).append(encode(parameter.getKey())).append('=')
                    .append(Masking.isPasswordParameter(parameter.getKey()) ? Masking.MASK
                            : encode(parameter.getValue()));
            separator = "&";
        }
        return text.toString();
    }

    private static boolean isAccepted(String scheme) {
        return scheme.equals("postgresql") || scheme.equals("postgres") || scheme.equals("jdbc:postgresql")
                || scheme.startsWith("postgresql+") && scheme.length() > "postgresql+".length();
    }

    private static int parsePort(String text, String origin, String shown) {
        if (text.chars().allMatch(Character::isDigit) && text.length() <= 5) {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65535) {
                return port;
            }
            throw invalid(origin, shown, "the port " + port + " is not between 1 and 65535");
        }
        throw invalid(origin, shown, "the port is not a number between 1 and 65535");
    }

    /** A port given on its own, as POSTGRES_PORT is. */
    static int parsePortVariable(String text, String origin) {
        try {
            int port = Integer.parseInt(text.trim());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below with the rule
        }
        throw new InvalidConnectionSettingsException(origin + " is '" + text + "', which is not a port: give a number"
                + " between 1 and 65535, e.g. 5432.");
    }

    /** Percent-decodes as RFC 3986 does: {@code +} stays a plus. */
    private static String decode(String text, String origin, String shown, String what) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length() || Character.digit(text.charAt(i + 1), 16) < 0
                        || Character.digit(text.charAt(i + 2), 16) < 0) {
                    throw invalid(origin, shown, "the " + what + " has a '%' that is not followed by two hex digits;"
                            + " write a literal % as %25");
                }
                bytes.write(Character.digit(text.charAt(i + 1), 16) * 16 + Character.digit(text.charAt(i + 2), 16));
                i += 2;
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static InvalidConnectionSettingsException invalid(String origin, String shown, String reason) {
        return new InvalidConnectionSettingsException("The database URL from " + origin
                + (shown.isEmpty() ? "" : " (" + shown + ")") + " is not valid: " + reason + ". Accepted forms: "
                + String.join(", ", ACCEPTED_FORMS) + ", e.g. postgresql://user:password@localhost:5432/the_assistant."
                + (shown.isEmpty() ? " The URL is not shown, as it may hold a password." : ""));
    }

    /**
     * Where the parts of a URL are, located but not decoded. The user information ends at the last '@' before the
     * query. A '?' ahead of an '@' starts the query only where no parameter name holds an '@' and, but for JDBC URLs
     * (where the driver always starts the query at the first '?'), what precedes it is a plain host, numeric port and
     * database: otherwise the '?' may belong to the password, and the URL is ambiguous.
     */
    private record Shape(String scheme, boolean shortForm, String userInfo, String hostAndPort, String path,
            String query, boolean ambiguous) {

        static Shape of(String url) {
            if (url.regionMatches(true, 0, JDBC_SHORT_PREFIX, 0, JDBC_SHORT_PREFIX.length())
                    && !url.regionMatches(true, 0, JDBC_SHORT_PREFIX + "//", 0, JDBC_SHORT_PREFIX.length() + 2)) {
                String rest = url.substring(JDBC_SHORT_PREFIX.length());
                int question = rest.indexOf('?');
                return new Shape("jdbc:postgresql", true, null, "",
                        question < 0 ? rest : rest.substring(0, question),
                        question < 0 ? null : rest.substring(question + 1), false);
            }
            int schemeEnd = url.indexOf("://");
            if (schemeEnd < 0) {
                return new Shape(null, false, null, "", null, null, false);
            }
            String rest = url.substring(schemeEnd + 3);
            int question = rest.indexOf('?');
            String beforeQuery = question < 0 ? rest : rest.substring(0, question);
            String query = question < 0 ? null : rest.substring(question + 1);
            boolean ambiguous = query != null && query.indexOf('@') >= 0
                    && !queryStartsAt(url.substring(0, schemeEnd), beforeQuery, query);
            if (ambiguous) {
                beforeQuery = rest;
                query = null;
            }
            int at = beforeQuery.lastIndexOf('@');
            String userInfo = at < 0 ? null : beforeQuery.substring(0, at);
            String hostAndPath = beforeQuery.substring(at + 1);
            int slash = hostAndPath.indexOf('/', hostAndPath.startsWith("[") ? Math.max(hostAndPath.indexOf(']'), 0)
                    : 0);
            String path = slash < 0 ? null : hostAndPath.substring(slash + 1);
            if (ambiguous && path != null && path.indexOf('?') >= 0) {
                path = path.substring(0, path.indexOf('?'));
            }
            return new Shape(url.substring(0, schemeEnd), false, userInfo,
                    slash < 0 ? hostAndPath : hostAndPath.substring(0, slash), path, query, ambiguous);
        }

        private static boolean queryStartsAt(String scheme, String beforeQuery, String query) {
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                if ((equals < 0 ? pair : pair.substring(0, equals)).indexOf('@') >= 0) {
                    return false;
                }
            }
            if (scheme.equalsIgnoreCase("jdbc:postgresql")) {
                return true;
            }
            int at = beforeQuery.lastIndexOf('@');
            String hostAndPath = beforeQuery.substring(at + 1);
            return HOST_PORT_PATH.matcher(hostAndPath).matches() && (at >= 0 || hostAndPath.indexOf('/') >= 0);
        }

        /** Scheme, host and database where each is plainly one; nothing that could be part of a password. */
        String shown() {
            if (scheme == null || !SHOWN_SCHEME.matcher(scheme).matches()) {
                return "";
            }
            if (shortForm) {
                return scheme.toLowerCase(Locale.ROOT) + ":" + shownDatabase();
            }
            String host = hostAndPort.startsWith("[")
                    ? hostAndPort.substring(0, hostAndPort.indexOf(']') < 0 ? hostAndPort.length()
                            : hostAndPort.indexOf(']') + 1)
                    : hostAndPort.indexOf(':') < 0 ? hostAndPort : hostAndPort.substring(0, hostAndPort.indexOf(':'));
            String shownHost = host.isEmpty() ? "" : SHOWN_HOST.matcher(host).matches() ? host : "…";
            return scheme.toLowerCase(Locale.ROOT) + "://" + shownHost + (path == null ? "" : "/" + shownDatabase());
        }

        private String shownDatabase() {
            return path == null || path.isEmpty() ? "" : SHOWN_DATABASE.matcher(path).matches() ? path : "…";
        }
    }
}
