package dev.assistant.migrate.schema;

import dev.assistant.migrate.api.LintFinding;
import dev.assistant.migrate.api.LintMode;
import dev.assistant.migrate.api.LintRule;
import dev.assistant.migrate.engine.Database;
import dev.assistant.migrate.engine.MigrationCatalog;
import dev.assistant.migrate.engine.MigrationScript;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What check's lint adds to the facts {@link LockObserver} saw during the replay: the drops and renames of what the
 * entity model maps, the {@code -- assistant:allow <rule-id> <reason>} comments that accept a finding (and those that
 * are malformed), and the size of each table concerned in the database check runs against.
 */
final class MigrationLint {

    /** An allow comment: {@code -- assistant:allow <rule-id> <reason>}. */
    private static final Pattern ALLOW = Pattern.compile("^\\s*--\\s*assistant:allow\\b(.*)$");
    private static final Pattern ALLOW_PARTS = Pattern.compile("^\\s*(\\S+)?\\s*(.*?)\\s*$");

    private final MigrationCatalog catalog;
    private final LintMode mode;

    MigrationLint(MigrationCatalog catalog, LintMode mode) {
        this.catalog = catalog;
        this.mode = mode;
    }

    /**
     * The findings in script and line order, with the drops and renames of what {@code model} maps (none without a
     * model) and each allow comment applied.
     */
    List<LintFinding> findings(LockObserver observer, Optional<SchemaSnapshot> model) {
        List<LintFinding> findings = new ArrayList<>(observer.findings());
        model.ifPresent(mapped -> findings.addAll(mapped(observer.changes(), mapped)));
        Map<String, MigrationScript> scripts = new HashMap<>();
        catalog.migrations().values().forEach(script -> scripts.put(script.fileName(), script));
        List<LintFinding> applied = new ArrayList<>();
        for (LintFinding finding : findings) {
            MigrationScript script = scripts.get(finding.script());
            Optional<Allow> allow = script == null ? Optional.empty() : allowsBefore(script, finding.line()).stream()
                    .filter(a -> a.rule().filter(finding.rule()::equals).isPresent() && !a.reason().isEmpty())
                    .findFirst();
            applied.add(allow.map(a -> finding.allowedBecause(a.reason())).orElse(finding));
        }
        for (MigrationScript script : catalog.migrations().values()) {
            malformedAllows(script).forEach(applied::add);
        }
        List<String> order = catalog.migrations().values().stream().map(MigrationScript::fileName).toList();
        applied.sort(Comparator.comparingInt((LintFinding f) -> order.indexOf(f.script()))
                .thenComparingInt(LintFinding::line));
        return applied;
    }

    /**
     * The drops and renames of a migration's tables and columns that existed before it, judged on the migration's net
     * effect: a name dropped and made again in the same migration (the swap of a column for a new one) stays, and a
     * column the migration itself added is not the running application's.
     */
    private List<LintFinding> mapped(List<LockObserver.NameEvent> events, SchemaSnapshot model) {
        List<LintFinding> findings = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            LockObserver.NameEvent event = events.get(i);
            if (!event.existingTable()) {
                continue;
            }
            List<LockObserver.NameEvent> before = events.subList(0, i).stream()
                    .filter(e -> e.script().equals(event.script())).toList();
            List<LockObserver.NameEvent> after = events.subList(i + 1, events.size()).stream()
                    .filter(e -> e.script().equals(event.script())).toList();
            TableDef table = model.tables().get(event.table());
            String observed = switch (event.change()) {
                case DROP_TABLE -> table == null || tableMadeAgain(after, event.table()) ? null
                        : "It drops " + event.table() + ", which the entity model maps: the running application"
                                + " fails on it";
                case DROP_COLUMN -> table == null || !table.columnsByName().containsKey(event.column())
                        || columnAdded(before, event.table(), event.column())
                        || columnMadeAgain(after, event.table(), event.column()) ? null
                        : "It drops " + event.table() + "." + event.column() + ", which the entity model maps: the"
                                + " running application fails on it";
                case RENAME_TABLE -> table == null && !model.tables().containsKey(event.newName())
                        || tableMadeAgain(after, event.table()) ? null
                        : "It renames " + event.table() + " to " + event.newName() + ", which the entity model maps"
                                + " (as " + (table == null ? event.newName() : event.table()) + "): the application"
                                + " running while it is deployed maps the other name";
                case RENAME_COLUMN -> table == null || !table.columnsByName().containsKey(event.column())
                        && !table.columnsByName().containsKey(event.newName())
                        || columnAdded(before, event.table(), event.column())
                        || columnMadeAgain(after, event.table(), event.column()) ? null
                        : "It renames " + event.table() + "." + event.column() + " to " + event.newName()
                                + ", a column the entity model maps (as " + (table.columnsByName().containsKey(
                                        event.newName()) ? event.newName() : event.column()) + "): the application"
                                + " running while it is deployed maps the other name";
                default -> null;
            };
            if (observed != null) {
                LintRule rule = event.change() == LockObserver.NameChange.DROP_TABLE
                        || event.change() == LockObserver.NameChange.DROP_COLUMN ? LintRule.DROP_MAPPED
                        : LintRule.RENAME_MAPPED;
                findings.add(new LintFinding(rule, mode.severityOf(rule), event.script().fileName(), event.line(),
                        event.statement(), event.table(), observed, Optional.empty(), Optional.empty()));
            }
        }
        return findings;
    }

    private static boolean columnAdded(List<LockObserver.NameEvent> events, String table, String column) {
        return events.stream().anyMatch(e -> e.change() == LockObserver.NameChange.ADD_COLUMN
                && e.table().equals(table) && e.column().equals(column));
    }

    private static boolean columnMadeAgain(List<LockObserver.NameEvent> events, String table, String column) {
        return columnAdded(events, table, column) || events.stream().anyMatch(e -> e.change()
                == LockObserver.NameChange.RENAME_COLUMN && e.table().equals(table) && column.equals(e.newName()));
    }

    private static boolean tableMadeAgain(List<LockObserver.NameEvent> events, String table) {
        return events.stream().anyMatch(e -> e.change() == LockObserver.NameChange.CREATE_TABLE
                && e.table().equals(table) || e.change() == LockObserver.NameChange.RENAME_TABLE
                && table.equals(e.newName()));
    }

    private record Allow(int line, Optional<LintRule> rule, String ruleText, String reason) {
    }

    /** The allow comments in the comment lines right above {@code line} (1-based) of a script. */
    private static List<Allow> allowsBefore(MigrationScript script, int line) {
        List<String> lines = script.text().orElse("").lines().toList();
        List<Allow> allows = new ArrayList<>();
        for (int i = line - 2; i >= 0 && i < lines.size() && lines.get(i).strip().startsWith("--"); i--) {
            allow(lines.get(i), i + 1).ifPresent(allows::add);
        }
        return allows;
    }

    private static Optional<Allow> allow(String text, int line) {
        Matcher matcher = ALLOW.matcher(text);
        if (!matcher.find()) {
            return Optional.empty();
        }
        Matcher parts = ALLOW_PARTS.matcher(matcher.group(1));
        parts.find();
        String rule = parts.group(1) == null ? "" : parts.group(1).toLowerCase(Locale.ROOT);
        return Optional.of(new Allow(line, LintRule.byId(rule).filter(r -> r != LintRule.INVALID_ALLOW), rule,
                parts.group(2)));
    }

    private List<LintFinding> malformedAllows(MigrationScript script) {
        List<LintFinding> findings = new ArrayList<>();
        List<String> lines = script.text().orElse("").lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            Optional<Allow> allow = allow(lines.get(i), i + 1);
            if (allow.isEmpty() || allow.get().rule().isPresent() && !allow.get().reason().isEmpty()) {
                continue;
            }
            String what = allow.get().rule().isEmpty()
                    ? (allow.get().ruleText().isEmpty() ? "names no rule" : "names " + allow.get().ruleText()
                            + ", which is no rule")
                    : "gives no reason";
            findings.add(new LintFinding(LintRule.INVALID_ALLOW, mode.severityOf(LintRule.INVALID_ALLOW),
                    script.fileName(), i + 1, lines.get(i).strip(), "", "The allow comment " + what
                    + ", so it accepts nothing", Optional.empty(), Optional.empty()));
        }
        return findings;
    }

    /**
     * Each finding on a table with the table's estimated rows and size in the database behind {@code connection}
     * ({@code pg_class.reltuples}, {@code pg_total_relation_size}), where it has that table.
     */
    /**
     * The findings with the estimated rows and size of their tables in {@code database}, read on a connection of its
     * own; when they cannot be read, the findings as they are, and {@code unread} is told why.
     */
    static List<LintFinding> withSizes(List<LintFinding> findings, Database database, Consumer<String> unread) {
        if (findings.isEmpty()) {
            return findings;
        }
        try (Connection connection = database.connect()) {
            return withSizes(findings, connection, connection.getCatalog());
        } catch (SQLException e) {
            unread.accept("Table sizes of the lint findings not read: " + e.getMessage());
            return findings;
        }
    }

    private static List<LintFinding> withSizes(List<LintFinding> findings, Connection connection, String database)
            throws SQLException {
        List<String> tables = findings.stream().map(LintFinding::table).filter(t -> !t.isEmpty()).distinct()
                .toList();
        if (tables.isEmpty()) {
            return findings;
        }
        Map<String, String> sizes = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT c.relname, c.reltuples::bigint, pg_total_relation_size(c.oid)
                FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace AND c.relname = ANY (?)
                  AND c.relkind IN ('r', 'p', 'm')""")) {
            Array names = connection.createArrayOf("text", tables.toArray());
            query.setArray(1, names);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    long tuples = rows.getLong(2);
                    sizes.put(rows.getString(1), (tuples < 0 ? "rows not yet counted" : "≈" + rows(tuples)
                            + " rows") + ", " + bytes(rows.getLong(3)) + " in " + database);
                }
            }
        }
        return findings.stream().map(f -> sizes.containsKey(f.table()) ? f.withSize(sizes.get(f.table())) : f)
                .toList();
    }

    static String rows(long n) {
        if (n >= 1_000_000) {
            return String.format(Locale.ROOT, "%.1f M", n / 1_000_000.0);
        }
        if (n >= 10_000) {
            return String.format(Locale.ROOT, "%.0f k", n / 1_000.0);
        }
        return Long.toString(n);
    }

    static String bytes(long n) {
        if (n >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GB", n / (double) (1L << 30));
        }
        if (n >= 1L << 20) {
            return String.format(Locale.ROOT, "%.0f MB", n / (double) (1L << 20));
        }
        return String.format(Locale.ROOT, "%.0f kB", n / 1024.0);
    }
}
