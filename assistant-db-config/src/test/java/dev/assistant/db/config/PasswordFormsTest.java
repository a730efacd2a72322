package dev.assistant.db.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every URL form the documentation shows, with special characters in the user and the password, accepted or
 * rejected: no text meant for people holds any four consecutive characters of the password, in any of its spellings.
 */
class PasswordFormsTest {

    /** A password with every character that has a meaning in a URL. */
    private static final String SECRET = "Zq9@s:w/rd%#?&=+ x";
    private static final String SECRET_ENCODED = "Zq9%40s%3Aw%2Frd%25%23%3F%26%3D%2B%20x";
    /** The password of the query-string example in .env.example, written as people write it there. */
    private static final String QUERY_SECRET_WRITTEN = "p@ss:w/rd%40#";
    private static final String QUERY_SECRET = "p@ss:w/rd@#";
    private static final String USER = "dev@corp:ops";
    private static final String USER_ENCODED = "dev%40corp%3Aops";

    static Stream<Arguments> documentedForms() {
        String userInfo = USER_ENCODED + ":" + SECRET_ENCODED + "@";
        String query = "user=" + USER_ENCODED + "&password=" + SECRET_ENCODED;
        return Stream.of(
                Arguments.of("postgresql://" + userInfo + "db.example:6543/assistant", SECRET, "db.example", 6543),
                Arguments.of("postgres://" + userInfo + "db.example:6543/assistant", SECRET, "db.example", 6543),
                Arguments.of("postgresql+asyncpg://" + userInfo + "db.example:6543/assistant", SECRET, "db.example",
                        6543),
                Arguments.of("postgresql://" + userInfo + "db.example/assistant?sslmode=require", SECRET,
                        "db.example", null),
                Arguments.of("jdbc:postgresql://db.example:6543/assistant?" + query, SECRET, "db.example", 6543),
                Arguments.of("jdbc:postgresql://db.example/assistant?" + query, SECRET, "db.example", null),
                Arguments.of("jdbc:postgresql:assistant?" + query, SECRET, "localhost", 5432),
                Arguments.of("jdbc:postgresql://db.example:5432/assistant?user=" + USER_ENCODED + "&password="
                        + QUERY_SECRET_WRITTEN, QUERY_SECRET, "db.example", 5432),
                Arguments.of("jdbc:postgresql://db.example:5432/assistant?password=" + QUERY_SECRET_WRITTEN + "&user="
                        + USER_ENCODED + "&sslmode=require", QUERY_SECRET, "db.example", 5432),
                Arguments.of("postgresql://" + userInfo + "[::1]:6543/assistant", SECRET, "[::1]", 6543));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documentedForms")
    void everyDocumentedFormIsReadAndNeverShown(String url, String password, String host, Integer port) {
        for (ConnectionSettings settings : List.of(
                ConnectionSettingsResolver.create().environment(Map.of()).url(url).resolve(),
                ConnectionSettingsResolver.create().environment(Map.of("DATABASE_URL", url)).resolve())) {
            assertThat(settings.password()).isEqualTo(password);
            assertThat(settings.user()).isEqualTo(USER);
            assertThat(settings.host()).isEqualTo(host);
            assertThat(settings.database()).isEqualTo("assistant");
            if (port != null) {
                assertThat(settings.port()).isEqualTo(port);
            }
            assertHidden(settings.toString(), password, url);
            assertHidden(settings.maskedUrl(), password, url);
            assertHidden(settings.jdbcUrl(), password, url);
            assertHidden(settings.redact("connection to " + url + " failed for " + password), password, url);
        }
        assertHidden(ConnectionSettings.maskUrl(url), password, url);
    }

    /** Each form broken in each way a person breaks it; the message names the part, never the password. */
    static Stream<Arguments> rejectedForms() {
        List<Arguments> cases = new ArrayList<>();
        String userInfo = USER_ENCODED + ":" + SECRET_ENCODED + "@";
        for (String scheme : List.of("postgresql", "postgres", "postgresql+asyncpg")) {
            cases.add(Arguments.of(scheme + "://" + userInfo + "db.example:65x3/assistant", SECRET,
                    scheme + "://db.example/assistant"));
            cases.add(Arguments.of(scheme + "://" + userInfo + "db.example:70000/assistant", SECRET,
                    scheme + "://db.example/assistant"));
            cases.add(Arguments.of(scheme + "://" + userInfo + ":6543/assistant", SECRET, scheme + ":///assistant"));
            cases.add(Arguments.of(scheme + "://" + USER_ENCODED + ":" + SECRET + "@db.example/assistant", SECRET,
                    scheme + "://db.example/assistant"));
            cases.add(Arguments.of(scheme + "://" + USER_ENCODED + ":Zq9?s:w/rd@db.example/assistant",
                    "Zq9?s:w/rd", scheme + "://db.example/assistant"));
            cases.add(Arguments.of(scheme + "://" + USER_ENCODED + ":Zq9%zzs:w/rd@db.example/assistant",
                    "Zq9%zzs:w/rd", scheme + "://db.example/assistant"));
            cases.add(Arguments.of(scheme + "://" + userInfo + "[::1:6543/assistant", SECRET,
                    scheme + "://…/assistant"));
            cases.add(Arguments.of(scheme + "://" + userInfo + "h1:5432,h2:5433/assistant", SECRET,
                    scheme + "://h1/assistant"));
        }
        cases.add(Arguments.of("mysql://" + userInfo + "db.example/assistant", SECRET, "mysql://db.example/assistant"));
        cases.add(Arguments.of("jdbc:postgresql://db.example:65x3/assistant?user=" + USER_ENCODED + "&password="
                + QUERY_SECRET_WRITTEN, QUERY_SECRET, "jdbc:postgresql://db.example/assistant"));
        cases.add(Arguments.of("jdbc:postgresql://db.example:5432/assistant?user=" + USER_ENCODED + "&password="
                + "Zq9%zz@s:w/rd", "Zq9%zz@s:w/rd", "jdbc:postgresql://db.example/assistant"));
        cases.add(Arguments.of("jdbc:postgresql:/assistant?user=" + USER_ENCODED + "&password=" + QUERY_SECRET_WRITTEN,
                QUERY_SECRET, "jdbc:postgresql:…"));
        cases.add(Arguments.of(USER_ENCODED + ":" + SECRET_ENCODED + "@db.example:5432/assistant", SECRET, ""));
        cases.add(Arguments.of(SECRET, SECRET, ""));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejectedForms")
    void aRejectedUrlIsShownAsNoMoreThanSchemeHostAndDatabase(String url, String password, String shown) {
        for (Map<String, String> environment : List.of(Map.<String, String>of(), Map.of("DATABASE_URL", url))) {
            ConnectionSettingsResolver resolver = ConnectionSettingsResolver.create().environment(environment);
            Throwable failure = catchThrowable(() -> (environment.isEmpty() ? resolver.url(url) : resolver).resolve());
            assertThat(failure).as(url).isInstanceOf(InvalidConnectionSettingsException.class);
            assertHidden(failure.getMessage(), password, url);
            assertThat(failure.getMessage()).as(url).doesNotContain("dev").doesNotContain(USER_ENCODED);
            if (!shown.isEmpty()) {
                assertThat(failure.getMessage()).as(url).contains("(" + shown + ")");
            }
        }
        assertHidden(ConnectionSettings.maskUrl(url), password, url);
    }

    /** No four consecutive characters of the password as decoded, as written, or percent-encoded. */
    private static void assertHidden(String text, String password, String url) {
        List<String> spellings = List.of(password, SECRET_ENCODED.equals(password) ? password
                : java.net.URLEncoder.encode(password, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"),
                writtenPassword(url));
        for (String spelling : spellings) {
            for (int i = 0; i + 4 <= spelling.length(); i++) {
                assertThat(text).as("'%s' shows part of the password of %s", text, url)
                        .doesNotContain(spelling.substring(i, i + 4));
            }
        }
    }

    /** The password as it is written in the URL: between the user's ':' and the '@', or after password=. */
    private static String writtenPassword(String url) {
        int parameter = url.indexOf("password=");
        if (parameter >= 0) {
            int end = url.indexOf('&', parameter);
            return url.substring(parameter + "password=".length(), end < 0 ? url.length() : end);
        }
        int at = url.lastIndexOf('@');
        int colon = url.indexOf(':', url.indexOf("//") + 2);
        return at > colon && colon >= 0 ? url.substring(colon + 1, at) : url;
    }
}
