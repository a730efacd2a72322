package dev.assistant.migrate.schema;

import dev.assistant.migrate.api.MigrationEngineException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Objects that comparisons leave out on both sides ({@code assistant.ignore}), as Alembic's {@code include_object}
 * does: what legitimately exists only in SQL (an index made for a query, a table of a library) is kept rather than
 * proposed for dropping, and changes to it are not reported. A pattern is a name in which {@code *} stands for any
 * run of characters and {@code ?} for one, matched without regard to case; {@code kind:pattern} matches objects of
 * one kind only. The kinds: {@code table} (the table and everything on it), {@code column} (as
 * {@code table.column}), {@code index}, {@code constraint} (unique, foreign key, check), {@code sequence},
 * {@code view}, {@code function}, {@code trigger}, {@code type}. So {@code idx_*} leaves out everything named so,
 * {@code index:*} every index.
 */
public final class IgnoredObjects {

    /** The kinds of object a pattern may be limited to. */
    enum Kind {
        TABLE, COLUMN, INDEX, CONSTRAINT, SEQUENCE, VIEW, FUNCTION, TRIGGER, TYPE
    }

    public static final IgnoredObjects NONE = new IgnoredObjects(List.of(), List.of());

    private static final Pattern VALID = Pattern.compile("(?:([a-z]+):)?([\\p{L}\\p{N}_$.*?]+)");

    private record Rule(Kind kind, Pattern name) {
        boolean matches(Kind objectKind, String objectName) {
            return (kind == null || kind == objectKind) && name.matcher(objectName).matches();
        }
    }

    private final List<String> patterns;
    private final List<Rule> rules;

    private IgnoredObjects(List<String> patterns, List<Rule> rules) {
        this.patterns = List.copyOf(patterns);
        this.rules = List.copyOf(rules);
    }

    /**
     * @param patterns the patterns as the user wrote them; blank ones are skipped
     * @throws MigrationEngineException for a pattern that is not {@code [kind:]name} with a known kind and a name of
     *     letters, digits, {@code _ $ . * ?}
     */
    public static IgnoredObjects of(List<String> patterns) {
        List<String> kept = new ArrayList<>();
        List<Rule> rules = new ArrayList<>();
        for (String pattern : patterns == null ? List.<String>of() : patterns) {
            String trimmed = pattern == null ? "" : pattern.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            var parts = VALID.matcher(trimmed.toLowerCase(Locale.ROOT));
            Kind kind = parts.matches() && parts.group(1) != null ? kind(parts.group(1)) : null;
            if (!parts.matches() || parts.group(1) != null && kind == null) {
                throw new MigrationEngineException("Cannot read the ignore pattern '" + trimmed + "': write a name in"
                        + " which * stands for any characters and ? for one, optionally after one of the kinds "
                        + Arrays.stream(Kind.values()).map(k -> k.name().toLowerCase(Locale.ROOT) + ":")
                        .collect(Collectors.joining(", ")) + " (e.g. idx_*, index:*, column:users.legacy_*).", true);
            }
            kept.add(trimmed);
            rules.add(new Rule(kind, Pattern.compile(glob(parts.group(2)),
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)));
        }
        return new IgnoredObjects(kept, rules);
    }

    private static Kind kind(String word) {
        return Arrays.stream(Kind.values()).filter(k -> k.name().equalsIgnoreCase(word)).findFirst().orElse(null);
    }

    private static String glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return regex.toString();
    }

    public boolean isEmpty() {
        return patterns.isEmpty();
    }

    public List<String> patterns() {
        return patterns;
    }

    /** True when a pattern matches an object of that kind and name. */
    boolean ignores(Kind kind, String name) {
        return rules.stream().anyMatch(rule -> rule.matches(kind, name));
    }

    /** The snapshot without the objects the patterns name. */
    public SchemaSnapshot apply(SchemaSnapshot snapshot) {
        if (isEmpty()) {
            return snapshot;
        }
        Map<String, TableDef> tables = new TreeMap<>();
        for (TableDef table : snapshot.tables().values()) {
            if (ignores(Kind.TABLE, table.name())) {
                continue;
            }
            List<ColumnDef> columns = table.columns().stream()
                    .filter(column -> !ignores(Kind.COLUMN, table.name() + "." + column.name()))
                    .toList();
            tables.put(table.name(), new TableDef(table.name(), columns, table.primaryKey(),
                    kept(table.uniques(), Kind.CONSTRAINT, UniqueDef::name),
                    kept(table.indexes(), Kind.INDEX, IndexDef::name),
                    kept(table.foreignKeys(), Kind.CONSTRAINT, ForeignKeyDef::name),
                    kept(table.checks(), Kind.CONSTRAINT, CheckDef::name)));
        }
        Map<String, String> others = new TreeMap<>();
        snapshot.otherObjects().forEach((key, definition) -> {
            if (!ignoresOther(key)) {
                others.put(key, definition);
            }
        });
        return new SchemaSnapshot(new TreeMap<>(tables), kept(snapshot.sequences(), Kind.SEQUENCE, SequenceDef::name),
                new TreeMap<>(others), snapshot.schemas(), snapshot.extensions());
    }

    private <V> TreeMap<String, V> kept(Map<String, V> objects, Kind kind, Function<V, String> name) {
        return objects.entrySet().stream()
                .filter(entry -> !ignores(kind, name.apply(entry.getValue())))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
    }

    /**
     * Whether a key of {@link SchemaSnapshot#otherObjects()} is ignored: {@code view active_users},
     * {@code function getnextid(text)}, {@code trigger notes.touch}, {@code constraint notes.notes_body_check},
     * {@code index notes_lower_title}, {@code generated column notes.words} (a column, as {@code table.column}).
     */
    private boolean ignoresOther(String key) {
        String head = key.contains("(") ? key.substring(0, key.indexOf('(')) : key;
        String name = head.substring(head.lastIndexOf(' ') + 1);
        String bare = name.substring(name.lastIndexOf('.') + 1);
        String word = head.startsWith("materialized view ") ? "view" : head.substring(0, head.indexOf(' '));
        return switch (word) {
            case "generated" -> ignores(Kind.COLUMN, name);
            case "view" -> ignores(Kind.VIEW, bare);
            case "function" -> ignores(Kind.FUNCTION, bare);
            case "trigger" -> ignores(Kind.TRIGGER, bare);
            case "type" -> ignores(Kind.TYPE, bare);
            case "constraint" -> ignores(Kind.CONSTRAINT, bare);
            case "index" -> ignores(Kind.INDEX, bare);
            default -> false;
        };
    }

    @Override
    public String toString() {
        return String.join(", ", patterns);
    }
}
