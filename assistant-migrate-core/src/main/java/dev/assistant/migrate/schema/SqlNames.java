package dev.assistant.migrate.schema;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Writes identifiers the way a person would: bare when PostgreSQL takes them as they are, double-quoted when they are
 * reserved words, have capitals, or contain anything but letters, digits and underscores.
 */
final class SqlNames {

    private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_$]*");

    /** PostgreSQL's reserved key words, including those that can be a function or type name. */
    private static final Set<String> RESERVED = Set.of(
            "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "authorization", "binary",
            "both", "case", "cast", "check", "collate", "collation", "column", "concurrently", "constraint", "create",
            "cross", "current_catalog", "current_date", "current_role", "current_schema", "current_time",
            "current_timestamp", "current_user", "default", "deferrable", "desc", "distinct", "do", "else", "end",
            "except", "false", "fetch", "for", "foreign", "freeze", "from", "full", "grant", "group", "having",
            "ilike", "in", "initially", "inner", "intersect", "into", "is", "isnull", "join", "lateral", "leading",
            "left", "like", "limit", "localtime", "localtimestamp", "natural", "not", "notnull", "null", "offset",
            "on", "only", "or", "order", "outer", "overlaps", "placing", "primary", "references", "returning",
            "right", "select", "session_user", "similar", "some", "symmetric", "system_user", "table",
            "tablesample", "then", "to", "trailing", "true", "union", "unique", "user", "using", "variadic",
            "verbose", "when", "where", "window", "with");

    private SqlNames() {
    }

    static String quote(String identifier) {
        if (PLAIN.matcher(identifier).matches() && !RESERVED.contains(identifier)) {
            return identifier;
        }
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /**
     * The name of a table or sequence as snapshots and operations carry it: bare in the default schema,
     * {@code schema.name} in another. A part that holds a dot or a double quote is written double-quoted, so that a
     * key always splits one way.
     */
    static String key(String schema, String name) {
        return schema == null ? keyPart(name) : keyPart(schema) + "." + keyPart(name);
    }

    private static String keyPart(String part) {
        return part.indexOf('.') >= 0 || part.indexOf('"') >= 0 ? '"' + part.replace("\"", "\"\"") + '"' : part;
    }

    /** The schema of a key, or null for the default schema. */
    static String schemaOf(String key) {
        List<String> parts = split(key);
        return parts.size() == 2 ? parts.get(0) : null;
    }

    /** The object's own name in a key, without its schema. */
    static String nameOf(String key) {
        List<String> parts = split(key);
        return parts.get(parts.size() - 1);
    }

    /** A key as SQL: {@code other.notes}, {@code "Order"}, {@code other."LineItem"}. */
    static String qualified(String key) {
        String schema = schemaOf(key);
        return (schema == null ? "" : quote(schema) + ".") + quote(nameOf(key));
    }

    /** An object that lives in the schema of a table (an index, a sequence), as SQL. */
    static String inSchemaOf(String tableKey, String name) {
        String schema = schemaOf(tableKey);
        return (schema == null ? "" : quote(schema) + ".") + quote(name);
    }

    private static List<String> split(String key) {
        List<String> parts = new java.util.ArrayList<>();
        int i = 0;
        while (i <= key.length()) {
            StringBuilder part = new StringBuilder();
            if (i < key.length() && key.charAt(i) == '"') {
                i++;
                while (i < key.length()) {
                    char c = key.charAt(i++);
                    if (c == '"') {
                        if (i < key.length() && key.charAt(i) == '"') {
                            part.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        part.append(c);
                    }
                }
            } else {
                while (i < key.length() && key.charAt(i) != '.') {
                    part.append(key.charAt(i++));
                }
            }
            parts.add(part.toString());
            if (i >= key.length() || parts.size() == 2) {
                break;
            }
            i++;
        }
        return parts;
    }

    /**
     * The name PostgreSQL itself gives an object it names ({@code makeObjectName}): {@code notes_title_key},
     * {@code notes_id_seq}, {@code notes_status_check}; the longer part is cut first to stay within 63 characters.
     */
    static String defaultName(String table, String middle, String label) {
        int overhead = (middle == null ? 0 : 1) + label.length() + 1;
        int available = 63 - overhead;
        int first = table.length();
        int second = middle == null ? 0 : middle.length();
        while (first + second > available) {
            if (first > second) {
                first--;
            } else {
                second--;
            }
        }
        return table.substring(0, first) + (middle == null ? "" : "_" + middle.substring(0, second)) + "_" + label;
    }

    /** The column part of a default constraint or index name: the columns joined by underscores, at most 63. */
    static String columnsPart(List<String> columns) {
        String joined = String.join("_", columns);
        return joined.length() > 63 ? joined.substring(0, 63) : joined;
    }

    static String list(List<String> identifiers) {
        return identifiers.stream().map(SqlNames::quote).collect(Collectors.joining(", "));
    }

    /** A string literal: {@code it's} becomes {@code 'it''s'}. */
    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
