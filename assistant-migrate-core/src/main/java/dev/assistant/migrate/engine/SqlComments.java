package dev.assistant.migrate.engine;

/**
 * Tells whether SQL text holds anything besides whitespace, {@code --} comments and (nested) block comments, and
 * whether it holds anything at all.
 */
final class SqlComments {

    private SqlComments() {
    }

    /** True when the text is nothing but whitespace: a file with no content at all, comments included. */
    static boolean isWhitespace(String sql) {
        return sql.isBlank();
    }

    static boolean isBlank(String sql) {
        int i = 0;
        int length = sql.length();
        while (i < length) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c) || c == ';') {
                i++;
            } else if (sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? length : end + 1;
            } else if (sql.startsWith("/*", i)) {
                i = endOfBlockComment(sql, i);
            } else {
                return false;
            }
        }
        return true;
    }

    private static int endOfBlockComment(String sql, int start) {
        int depth = 0;
        int i = start;
        while (i < sql.length()) {
            if (sql.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (sql.startsWith("*/", i)) {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return sql.length();
    }
}
