package dev.assistant.db.config;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Hides passwords in text that is about to be shown. */
final class Masking {

    static final String MASK = "****";
    private static final Pattern PASSWORD_PARAMETER =
            Pattern.compile("(?i)((?:^|[?&;\\s])(?:ssl)?password=)[^&;\\s]*");

    private Masking() {
    }

    /** Whether a query parameter of a URL holds a secret: {@code password} and {@code sslpassword}. */
    static boolean isPasswordParameter(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.equals("password") || lower.equals("sslpassword");
    }

    /** Masks the values of {@code password=} and {@code sslpassword=} parameters in free text. */
    static String maskParameters(String text) {
        Matcher matcher = PASSWORD_PARAMETER.matcher(text);
        return matcher.replaceAll(result -> Matcher.quoteReplacement(result.group(1) + MASK));
    }

    /**
     * Replaces the password, as written and as percent- or form-encoded, everywhere in {@code text}. A password equal
     * to the user name is left alone: the name is shown anyway, and hiding it would only garble the message.
     */
    static String redact(String text, String password, String user) {
        if (text == null) {
            return null;
        }
        String redacted = text;
        if (password != null && !password.isEmpty() && !password.equals(user)) {
            redacted = redacted.replace(password, MASK);
            String percentEncoded = URLEncoder.encode(password, StandardCharsets.UTF_8).replace("+", "%20");
            redacted = redacted.replace(percentEncoded, MASK);
            redacted = redacted.replace(URLEncoder.encode(password, StandardCharsets.UTF_8), MASK);
        }
        return maskParameters(redacted);
    }
}
