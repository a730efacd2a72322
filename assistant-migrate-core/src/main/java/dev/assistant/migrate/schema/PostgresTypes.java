package dev.assistant.migrate.schema;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What autogenerate needs to know about PostgreSQL types, as {@code format_type} spells them: which family a type
 * belongs to, and whether a change narrows it (and so may lose data or fail).
 */
final class PostgresTypes {

    private static final List<String> INTEGERS = List.of("smallint", "integer", "bigint");
    private static final List<String> FLOATS = List.of("real", "double precision");
    private static final Pattern MODIFIERS = Pattern.compile("\\(([^)]*)\\)");
    private static final Pattern DEFAULT_TIME_PRECISION = Pattern.compile("^(timestamp|time)\\(6\\)(?= with)");

    enum Family {
        INTEGER, FLOAT, NUMERIC, TEXT, TIMESTAMP_TZ, TIMESTAMP, TIME, OTHER
    }

    private PostgresTypes() {
    }

    static Family family(String type) {
        String base = base(type);
        if (type.endsWith("[]")) {
            return Family.OTHER;
        }
        if (INTEGERS.contains(base)) {
            return Family.INTEGER;
        }
        if (FLOATS.contains(base)) {
            return Family.FLOAT;
        }
        if (base.equals("numeric")) {
            return Family.NUMERIC;
        }
        if (base.equals("character varying") || base.equals("character") || base.equals("text")
                || base.equals("citext")) {
            return Family.TEXT;
        }
        if (base.equals("timestamp with time zone")) {
            return Family.TIMESTAMP_TZ;
        }
        if (base.equals("timestamp without time zone")) {
            return Family.TIMESTAMP;
        }
        if (base.startsWith("time ")) {
            return Family.TIME;
        }
        return Family.OTHER;
    }

    /** The type without its modifiers: {@code timestamp(3) with time zone} is {@code timestamp with time zone}. */
    static String base(String type) {
        return MODIFIERS.matcher(type).replaceAll("").replaceAll("\\s+", " ").trim();
    }

    /** True when values of {@code from} may not fit {@code to}: the change may fail or cut values short. */
    static boolean narrows(String from, String to) {
        if (from.equals(to)) {
            return false;
        }
        Family family = family(from);
        if (changesTimeZone(from, to)) {
            return precision(to, 6) < precision(from, 6);
        }
        if (family != family(to)) {
            return !(family == Family.INTEGER && (family(to) == Family.NUMERIC || family(to) == Family.TEXT))
                    && !(family == Family.TIMESTAMP && family(to) == Family.TIMESTAMP_TZ);
        }
        return switch (family) {
            case INTEGER -> INTEGERS.indexOf(base(to)) < INTEGERS.indexOf(base(from));
            case FLOAT -> FLOATS.indexOf(base(to)) < FLOATS.indexOf(base(from));
            case TEXT -> textLength(to) < textLength(from);
            case NUMERIC -> numericNarrows(from, to);
            case TIMESTAMP_TZ, TIMESTAMP, TIME -> precision(to, 6) < precision(from, 6);
            case OTHER -> true;
        };
    }

    /** True when a value of one type can be taken for the other: same family (a candidate for a rename). */
    /**
     * True when two spellings mean the same type: the same text, or a time type with its precision written as 6,
     * which is PostgreSQL's default and largest ({@code timestamp(6) without time zone} and
     * {@code timestamp without time zone} store the same values).
     */
    static boolean sameType(String a, String b) {
        return a.equals(b) || withoutDefaultPrecision(a).equals(withoutDefaultPrecision(b));
    }

    private static String withoutDefaultPrecision(String type) {
        return DEFAULT_TIME_PRECISION.matcher(type).replaceFirst("$1");
    }

    static boolean compatible(String a, String b) {
        return a.equals(b) || family(a) != Family.OTHER && family(a) == family(b);
    }

    /** True when ALTER COLUMN TYPE needs {@code USING column::type}: no implicit cast between the families. */
    static boolean needsUsing(String from, String to) {
        Family a = family(from);
        Family b = family(to);
        if (a == b) {
            return a == Family.OTHER && !from.equals(to);
        }
        boolean numericToNumeric = (a == Family.INTEGER || a == Family.FLOAT || a == Family.NUMERIC)
                && (b == Family.INTEGER || b == Family.FLOAT || b == Family.NUMERIC);
        boolean timestamps = (a == Family.TIMESTAMP || a == Family.TIMESTAMP_TZ)
                && (b == Family.TIMESTAMP || b == Family.TIMESTAMP_TZ);
        return !numericToNumeric && !timestamps && b != Family.TEXT;
    }

    /** True when a change moves between {@code timestamp with time zone} and {@code timestamp without time zone}. */
    static boolean changesTimeZone(String from, String to) {
        Family a = family(from);
        Family b = family(to);
        return a == Family.TIMESTAMP_TZ && b == Family.TIMESTAMP || a == Family.TIMESTAMP && b == Family.TIMESTAMP_TZ;
    }

    /** The serial pseudo-type for an integer type: {@code serial}, {@code bigserial}, {@code smallserial}. */
    static String serialType(String type) {
        return switch (base(type)) {
            case "bigint" -> "bigserial";
            case "smallint" -> "smallserial";
            default -> "serial";
        };
    }

    /**
     * A value of the type that rows can be given when a column becomes NOT NULL, for the author to replace:
     * {@code 0}, {@code ''}, {@code false}, {@code now()}...; {@code NULL} when the type has no obvious one.
     */
    static String placeholder(String type) {
        if (type.endsWith("[]")) {
            return "'{}'";
        }
        return switch (family(type)) {
            case INTEGER, FLOAT, NUMERIC -> "0";
            case TEXT -> "''";
            case TIMESTAMP_TZ, TIMESTAMP -> "now()";
            case TIME -> "'00:00'";
            case OTHER -> switch (base(type)) {
                case "boolean" -> "false";
                case "date" -> "current_date";
                case "uuid" -> "gen_random_uuid()";
                case "json", "jsonb" -> "'{}'";
                case "bytea" -> "''";
                case "interval" -> "'0'";
                case "citext" -> "''";
                default -> "NULL";
            };
        };
    }

    private static long textLength(String type) {
        if (base(type).equals("text")) {
            return Long.MAX_VALUE;
        }
        Matcher modifiers = MODIFIERS.matcher(type);
        if (modifiers.find()) {
            return Long.parseLong(modifiers.group(1).trim());
        }
        return base(type).equals("character") ? 1 : Long.MAX_VALUE;
    }

    private static int precision(String type, int unspecified) {
        Matcher modifiers = MODIFIERS.matcher(type);
        return modifiers.find() ? Integer.parseInt(modifiers.group(1).split(",")[0].trim()) : unspecified;
    }

    private static boolean numericNarrows(String from, String to) {
        Matcher toModifiers = MODIFIERS.matcher(to);
        if (!toModifiers.find()) {
            return false;
        }
        Matcher fromModifiers = MODIFIERS.matcher(from);
        if (!fromModifiers.find()) {
            return true;
        }
        int[] a = numericModifiers(fromModifiers.group(1));
        int[] b = numericModifiers(toModifiers.group(1));
        return b[1] < a[1] || b[0] - b[1] < a[0] - a[1];
    }

    private static int[] numericModifiers(String modifiers) {
        String[] parts = modifiers.split(",");
        int precision = Integer.parseInt(parts[0].trim());
        int scale = parts.length > 1 ? Integer.parseInt(parts[1].trim()) : 0;
        return new int[] {precision, scale};
    }
}
