package dev.assistant.migrate.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Check constraints as {@code pg_get_constraintdef} prints them are not always read back the same: a list of values
 * on a {@code varchar} column ({@code status IN ('A', 'B')}, what Hibernate writes for {@code @Enumerated} and
 * discriminators) prints as {@code ((status)::text = ANY ((ARRAY['A'::character varying, ...])::text[]))}, and that
 * text, run again, prints with the cast moved into the elements. Comparing uses one spelling for both; writing turns
 * the first form back into the {@code IN} list that recreates exactly what the catalog showed.
 */
final class CheckExpressions {

    private static final String LITERAL = "'(?:[^']|'')*'::[a-z ]+";
    private static final String LITERALS = LITERAL + "(?:, " + LITERAL + ")*";
    private static final String COLUMN = "[a-z_][a-z0-9_$]*|\"(?:[^\"]|\"\")+\"";

    /** {@code (ARRAY['A'::character varying, ...])::text[]}: an array of literals cast as a whole. */
    private static final Pattern CAST_ARRAY = Pattern.compile(
            "\\(ARRAY\\[(" + LITERALS + ")\\]\\)::([a-z ]+)\\[\\]");
    /** {@code ((status)::text = ANY ((ARRAY['A'::character varying, ...])::text[]))}: an IN list, deparsed. */
    private static final Pattern IN_LIST = Pattern.compile(
            "\\(\\((" + COLUMN + ")\\)::([a-z ]+) = ANY \\(\\(ARRAY\\[(" + LITERALS + ")\\]\\)::\\2\\[\\]\\)\\)");
    private static final Pattern ELEMENT = Pattern.compile(LITERAL);

    private CheckExpressions() {
    }

    /** The spelling to compare: an array of literals cast as a whole is written with each element cast. */
    static String comparable(String definition) {
        Matcher array = CAST_ARRAY.matcher(definition);
        StringBuilder result = new StringBuilder();
        while (array.find()) {
            List<String> elements = new ArrayList<>();
            Matcher element = ELEMENT.matcher(array.group(1));
            while (element.find()) {
                elements.add("(" + element.group() + ")::" + array.group(2));
            }
            array.appendReplacement(result, Matcher.quoteReplacement("ARRAY[" + String.join(", ", elements) + "]"));
        }
        array.appendTail(result);
        return result.toString();
    }

    /** The SQL that recreates {@code definition} exactly: a deparsed IN list is written as the IN list again. */
    static String source(String definition) {
        return IN_LIST.matcher(definition).replaceAll(match -> Matcher.quoteReplacement(
                "(" + match.group(1) + " IN (" + match.group(3) + "))"));
    }
}
