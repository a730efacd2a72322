package dev.assistant.migrate.schema;

import dev.assistant.migrate.api.MigrationEngineException;
import java.util.ArrayList;
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
 * proposed for dropping, and changes to it are not reported. Each pattern is a name with {@code *} (any run of
 * characters) and {@code ?} (one character), matched without regard to case against the names of tables (which
 * leaves out the table and everything on it), of columns as {@code table.column}, of indexes, unique and foreign key
 * constraints, sequences, and of views, functions, triggers and types.
 */
public final class IgnoredObjects {

    public static final IgnoredObjects NONE = new IgnoredObjects(List.of(), List.of());

    private static final Pattern VALID = Pattern.compile("[\\p{L}\\p{N}_$.*?]+");

    private final List<String> patterns;
    private final List<Pattern> compiled;

    private IgnoredObjects(List<String> patterns, List<Pattern> compiled) {
        this.patterns = List.copyOf(patterns);
        this.compiled = List.copyOf(compiled);
    }

    /**
     * @param patterns the patterns as the user wrote them; blank ones are skipped
     * @throws MigrationEngineException for a pattern with other characters than letters, digits, {@code _ $ . * ?}
     */
    public static IgnoredObjects of(List<String> patterns) {
        List<String> kept = new ArrayList<>();
        List<Pattern> compiled = new ArrayList<>();
        for (String pattern : patterns == null ? List.<String>of() : patterns) {
            String trimmed = pattern == null ? "" : pattern.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (!VALID.matcher(trimmed).matches()) {
                throw new MigrationEngineException("Cannot read the ignore pattern '" + trimmed + "': a pattern is a"
                        + " name (table, table.column, index, constraint, sequence, view, function) in which * stands"
                        + " for any characters and ? for one.", true);
            }
            kept.add(trimmed);
            compiled.add(Pattern.compile(glob(trimmed), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
        }
        return new IgnoredObjects(kept, compiled);
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

    /** True when a pattern matches the name. */
    public boolean ignores(String name) {
        return compiled.stream().anyMatch(pattern -> pattern.matcher(name).matches());
    }

    /** The snapshot without the objects the patterns name. */
    public SchemaSnapshot apply(SchemaSnapshot snapshot) {
        if (isEmpty()) {
            return snapshot;
        }
        Map<String, TableDef> tables = new TreeMap<>();
        for (TableDef table : snapshot.tables().values()) {
            if (ignores(table.name())) {
                continue;
            }
            List<ColumnDef> columns = table.columns().stream()
                    .filter(column -> !ignores(table.name() + "." + column.name()))
                    .toList();
            tables.put(table.name(), new TableDef(table.name(), columns, table.primaryKey(),
                    kept(table.uniques(), UniqueDef::name), kept(table.indexes(), IndexDef::name),
                    kept(table.foreignKeys(), ForeignKeyDef::name)));
        }
        Map<String, String> others = new TreeMap<>();
        snapshot.otherObjects().forEach((key, definition) -> {
            if (!ignores(objectName(key))) {
                others.put(key, definition);
            }
        });
        return new SchemaSnapshot(new TreeMap<>(tables), kept(snapshot.sequences(), SequenceDef::name),
                new TreeMap<>(others));
    }

    private <V> TreeMap<String, V> kept(Map<String, V> objects, Function<V, String> name) {
        return objects.entrySet().stream()
                .filter(entry -> !ignores(name.apply(entry.getValue())))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
    }

    /**
     * The name in a key of {@link SchemaSnapshot#otherObjects()}: {@code view active_users} → {@code active_users},
     * {@code function getnextid(text)} → {@code getnextid}, {@code trigger notes.touch} → {@code touch}, and a
     * generated column as {@code table.column}.
     */
    private static String objectName(String key) {
        String head = key.contains("(") ? key.substring(0, key.indexOf('(')) : key;
        String name = head.substring(head.lastIndexOf(' ') + 1);
        return key.startsWith("generated column ") ? name : name.substring(name.lastIndexOf('.') + 1);
    }

    @Override
    public String toString() {
        return String.join(", ", patterns);
    }
}
