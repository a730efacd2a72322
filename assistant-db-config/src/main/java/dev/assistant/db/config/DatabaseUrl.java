package dev.assistant.db.config;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A parsed database URL in any of the accepted forms. Fields the URL does not carry are null, so that the next layer
 * of the connection rule can supply them.
 */
record DatabaseUrl(String host, Integer port, String database, String user, String password,
        Map<String, String> parameters) {

    static final List<String> ACCEPTED_FORMS = List.of(
            "postgresql://", "postgres://", "postgresql+<driver>:// (e.g. postgresql+asyncpg://)", "jdbc:postgresql://");

    /**
     * @param raw the URL as written
     * @param origin how messages name where it came from, e.g. "DATABASE_URL in the environment"
     */
    static DatabaseUrl parse(String raw, String origin) {
        String url = raw.trim();
        String masked = Masking.maskUrl(url);
        int schemeEnd = url.indexOf("://");
        if (schemeEnd < 0) {
            throw invalid(origin, masked, "it has no scheme");
        }
        String scheme = url.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        if (!isAccepted(scheme)) {
            throw invalid(origin, masked, "the scheme '" + scheme + "' is not a PostgreSQL URL");
        }
        String rest = url.substring(schemeEnd + 3);

        String query = null;
        int questionMark = rest.indexOf('?');
        if (questionMark >= 0 && rest.indexOf('@', questionMark) >= 0 && rest.lastIndexOf('@', questionMark) < 0) {
            throw invalid(origin, masked, "a '?' comes before the '@'; percent-encode special characters of the user"
                    + " and password (? as %3F, # as %23, / as %2F)");
        }
        if (questionMark >= 0) {
            query = rest.substring(questionMark + 1);
            rest = rest.substring(0, questionMark);
        }
        String user = null;
        String password = null;
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            if (rest.indexOf('@') != at) {
                throw invalid(origin, masked, "the user or password contains an unencoded '@'; percent-encode it as %40");
            }
            String userInfo = rest.substring(0, at);
            rest = rest.substring(at + 1);
            int colon = userInfo.indexOf(':');
            String rawUser = colon < 0 ? userInfo : userInfo.substring(0, colon);
            user = emptyToNull(decode(rawUser, origin, masked, "user"));
            if (colon >= 0) {
                password = emptyToNull(decode(userInfo.substring(colon + 1), origin, masked, "password"));
            }
        }

        int slash = rest.indexOf('/', rest.startsWith("[") ? Math.max(rest.indexOf(']'), 0) : 0);
        String hostAndPort = slash < 0 ? rest : rest.substring(0, slash);
        String database = slash < 0 ? null : emptyToNull(decode(rest.substring(slash + 1), origin, masked, "database"));

        String host;
        String portText = null;
        if (hostAndPort.startsWith("[")) {
            int close = hostAndPort.indexOf(']');
            if (close < 0) {
                throw invalid(origin, masked, "the IPv6 host has no closing ']'");
            }
            host = hostAndPort.substring(0, close + 1);
            String after = hostAndPort.substring(close + 1);
            if (!after.isEmpty()) {
                if (!after.startsWith(":")) {
                    throw invalid(origin, masked, "unexpected text after the IPv6 host");
                }
                portText = after.substring(1);
            }
        } else {
            int colon = hostAndPort.lastIndexOf(':');
            host = colon < 0 ? hostAndPort : hostAndPort.substring(0, colon);
            portText = colon < 0 ? null : hostAndPort.substring(colon + 1);
        }
        if (host.isEmpty()) {
            throw invalid(origin, masked, "it names no host");
        }
        Integer port = portText == null || portText.isEmpty() ? null : parsePort(portText, origin, masked);

        Map<String, String> parameters = new LinkedHashMap<>();
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String key = decode(equals < 0 ? pair : pair.substring(0, equals), origin, masked, "parameter name");
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1), origin, masked, "parameter");
                switch (key) {
                    case "user" -> user = user != null ? user : emptyToNull(value);
                    case "password" -> password = password != null ? password : emptyToNull(value);
                    default -> parameters.put(key, value);
                }
            }
        }
        return new DatabaseUrl(host, port, database, user, password, Collections.unmodifiableMap(parameters));
    }

    private static boolean isAccepted(String scheme) {
        return scheme.equals("postgresql") || scheme.equals("postgres") || scheme.equals("jdbc:postgresql")
                || scheme.startsWith("postgresql+") && scheme.length() > "postgresql+".length();
    }

    static int parsePort(String text, String origin, String masked) {
        try {
            int port = Integer.parseInt(text.trim());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below with the rule
        }
        throw invalid(origin, masked, "the port '" + text + "' is not a number between 1 and 65535");
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
    private static String decode(String text, String origin, String masked, String what) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length() || Character.digit(text.charAt(i + 1), 16) < 0
                        || Character.digit(text.charAt(i + 2), 16) < 0) {
                    throw invalid(origin, masked, "the " + what + " has a '%' that is not followed by two hex digits;"
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

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static InvalidConnectionSettingsException invalid(String origin, String masked, String reason) {
        return new InvalidConnectionSettingsException("The database URL from " + origin + " (" + masked
                + ") is not valid: " + reason + ". Accepted forms: " + String.join(", ", ACCEPTED_FORMS)
                + ", e.g. postgresql://user:password@localhost:5432/the_assistant.");
    }
}
