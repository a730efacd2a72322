package dev.assistant.migrate.schema;

import dev.assistant.migrate.api.LintFinding;
import dev.assistant.migrate.api.LintMode;
import dev.assistant.migrate.api.LintRule;
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
        model.ifPresent(mapped -> observer.changes().forEach(change -> mapped(change, mapped).ifPresent(
                findings::add)));
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
        applied.sort(Comparator.comparing((LintFinding f) -> catalog.migrations().values().stream()
                .map(MigrationScript::fileName).toList().indexOf(f.script())).thenComparingInt(LintFinding::line));
        return applied;
    }

    private Optional<LintFinding> mapped(LockObserver.MappedChange change, SchemaSnapshot model) {
        TableDef table = model.tables().get(change.table());
        String observed;
        if (change.rule() == LintRule.DROP_MAPPED) {
            if (table == null) {
                return Optional.empty();
            }
            if (change.column() == null) {
                observed = "It drops " + change.table() + ", which the entity model maps: the running application"
                        + " fails on it";
            } else if (table.columnsByName().containsKey(change.column())) {
                observed = "It drops " + change.table() + "." + change.column() + ", which the entity model maps:"
                        + " the running application fails on it";
            } else {
                return Optional.empty();
            }
        } else if (change.column() == null) {
            if (table == null && !model.tables().containsKey(change.newName())) {
                return Optional.empty();
            }
            observed = "It renames " + change.table() + " to " + change.newName() + ", which the entity model maps"
                    + " (as " + (table == null ? change.newName() : change.table()) + "): the application running"
                    + " while it is deployed maps the other name";
        } else {
            if (table == null || !table.columnsByName().containsKey(change.column())
                    && !table.columnsByName().containsKey(change.newName())) {
                return Optional.empty();
            }
            observed = "It renames " + change.table() + "." + change.column() + " to " + change.newName()
                    + ", a column of a table the entity model maps: the application running while it is deployed"
                    + " maps the other name";
        }
        return Optional.of(new LintFinding(change.rule(), mode.severityOf(change.rule()), change.script().fileName(),
                change.line(), change.statement(), change.table(), observed, Optional.empty(), Optional.empty()));
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
    static List<LintFinding> withSizes(List<LintFinding> findings, Connection connection, String database)
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
