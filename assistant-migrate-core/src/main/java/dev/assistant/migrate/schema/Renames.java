package dev.assistant.migrate.schema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiPredicate;

/**
 * Finds the tables and columns that were renamed rather than dropped and added, so that a migration keeps their data:
 * those {@code assistant.renames} declares, and those that are a rename by every sign — a dropped and an added table
 * of the same schema with alike columns, a dropped and an added column of one table with fitting types — where the
 * pairing is unambiguous (each is the other's only candidate). A pair whose names are unrelated is a rename only
 * when the tables have exactly the same columns; a column pair needs close names.
 */
final class Renames {

    /**
     * @param operations the rename operations, tables first
     * @param renamed the schema {@code from} as it is after them, to be compared with the target as usual
     */
    record Found(List<SchemaOperation> operations, SchemaSnapshot renamed) {
    }

    private Renames() {
    }

    static Found find(SchemaSnapshot from, SchemaSnapshot to, RenameHints hints) {
        List<SchemaOperation> operations = new ArrayList<>();
        SchemaSnapshot current = from;
        List<String> dropped = from.tables().keySet().stream().filter(name -> !to.tables().containsKey(name)).toList();
        List<String> added = to.tables().keySet().stream().filter(name -> !from.tables().containsKey(name)).toList();
        Map<String, String> tables = pair(dropped, added, hints::declaresTable,
                (old, young) -> tableRename(from.tables().get(old), to.tables().get(young)));
        for (Map.Entry<String, String> rename : tables.entrySet()) {
            TableDef table = current.tables().get(rename.getKey());
            operations.add(new SchemaOperation.RenameTable(table, to.tables().get(rename.getValue()),
                    hints.declaresTable(rename.getKey(), rename.getValue())));
            current = renameTable(current, rename.getKey(), rename.getValue());
        }
        for (TableDef target : to.tables().values()) {
            TableDef table = current.tables().get(target.name());
            if (table == null) {
                continue;
            }
            Map<String, ColumnDef> before = table.columnsByName();
            Map<String, ColumnDef> after = target.columnsByName();
            List<String> droppedColumns = before.keySet().stream().filter(name -> !after.containsKey(name)).toList();
            List<String> addedColumns = after.keySet().stream().filter(name -> !before.containsKey(name)).toList();
            Map<String, String> columns = pair(droppedColumns, addedColumns,
                    (old, young) -> hints.declaresColumn(table.name(), old, young),
                    (old, young) -> columnRename(before.get(old), after.get(young)));
            for (Map.Entry<String, String> rename : columns.entrySet()) {
                operations.add(new SchemaOperation.RenameColumn(table.name(), before.get(rename.getKey()),
                        after.get(rename.getValue()), hints.declaresColumn(table.name(), rename.getKey(),
                        rename.getValue())));
                current = renameColumn(current, table.name(), rename.getKey(), rename.getValue());
            }
        }
        return new Found(operations, current);
    }

    /** The declarations of {@code hints} that none of {@code operations} carries out. */
    static List<RenameHints.Rename> unused(List<SchemaOperation> operations, RenameHints hints) {
        List<RenameHints.Rename> unused = new ArrayList<>();
        for (RenameHints.Rename rename : hints.renames()) {
            boolean used = operations.stream().anyMatch(operation -> operation instanceof SchemaOperation.RenameTable table
                    && table.hinted() && new RenameHints(List.of(rename)).declaresTable(table.fromTable().name(),
                    table.toTable().name())
                    || operation instanceof SchemaOperation.RenameColumn column && column.hinted()
                    && new RenameHints(List.of(rename)).declaresColumn(column.table(), column.from().name(),
                    column.to().name()));
            if (!used) {
                unused.add(rename);
            }
        }
        return unused;
    }

    /**
     * Pairs dropped with added names: first those declared, then those whose only candidate is each other.
     *
     * @return dropped name to added name, in the order of {@code dropped}
     */
    private static Map<String, String> pair(List<String> dropped, List<String> added,
            BiPredicate<String, String> declared, BiPredicate<String, String> likely) {
        Map<String, String> pairs = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>();
        for (String old : dropped) {
            for (String young : added) {
                if (!taken.contains(young) && declared.test(old, young)) {
                    pairs.put(old, young);
                    taken.add(young);
                    break;
                }
            }
        }
        for (String old : dropped) {
            if (pairs.containsKey(old)) {
                continue;
            }
            List<String> candidates = added.stream().filter(young -> !taken.contains(young))
                    .filter(young -> likely.test(old, young)).toList();
            if (candidates.size() != 1) {
                continue;
            }
            String young = candidates.get(0);
            long rivals = dropped.stream().filter(other -> !pairs.containsKey(other))
                    .filter(other -> likely.test(other, young)).count();
            if (rivals == 1) {
                pairs.put(old, young);
                taken.add(young);
            }
        }
        return pairs;
    }

    private static boolean tableRename(TableDef from, TableDef to) {
        if (!Objects.equals(SqlNames.schemaOf(from.name()), SqlNames.schemaOf(to.name()))) {
            return false;
        }
        int alike = alikeColumns(from, to);
        int columns = Math.max(from.columns().size(), to.columns().size());
        return alike == columns && columns >= 2
                || alike * 2 >= columns && close(SqlNames.nameOf(from.name()), SqlNames.nameOf(to.name()));
    }

    private static int alikeColumns(TableDef from, TableDef to) {
        Map<String, ColumnDef> after = to.columnsByName();
        int alike = 0;
        for (ColumnDef column : from.columns()) {
            ColumnDef other = after.get(column.name());
            if (other != null && PostgresTypes.compatible(column.type(), other.type())) {
                alike++;
            }
        }
        return alike;
    }

    private static boolean columnRename(ColumnDef from, ColumnDef to) {
        return PostgresTypes.compatible(from.type(), to.type()) && close(from.name(), to.name());
    }

    /** Why a table pair was taken for a rename, for the script and the log. */
    static String why(TableDef from, TableDef to) {
        int alike = alikeColumns(from, to);
        int columns = Math.max(from.columns().size(), to.columns().size());
        return alike == columns ? "the same " + columns + " columns"
                : alike + " of " + columns + " columns alike and the names are close";
    }

    /** Why a column pair was taken for a rename. */
    static String why(ColumnDef from, ColumnDef to) {
        return (from.type().equals(to.type()) ? "same type" : "fitting types") + " and close names";
    }

    /**
     * Whether two names look like one renamed: equal but for case and underscores, one inside the other, a shared
     * word of three letters or more, a couple of letters apart, or one an abbreviation of the other.
     */
    static boolean close(String a, String b) {
        String x = a.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        String y = b.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        if (x.isEmpty() || y.isEmpty()) {
            return false;
        }
        if (x.equals(y) || Math.min(x.length(), y.length()) >= 3 && (x.contains(y) || y.contains(x))) {
            return true;
        }
        Set<String> words = words(a);
        for (String word : words(b)) {
            if (word.length() >= 3 && words.contains(word)) {
                return true;
            }
        }
        if (distance(x, y) <= Math.max(1, Math.min(x.length(), y.length()) / 3)) {
            return true;
        }
        String shorter = x.length() <= y.length() ? x : y;
        String longer = x.length() <= y.length() ? y : x;
        return shorter.length() >= 2 && shorter.charAt(0) == longer.charAt(0) && subsequence(shorter, longer);
    }

    private static Set<String> words(String name) {
        Set<String> words = new HashSet<>();
        for (String word : name.split("(?<=[a-z0-9])(?=[A-Z])|[^A-Za-z0-9]+")) {
            if (!word.isEmpty()) {
                words.add(word.toLowerCase(Locale.ROOT));
            }
        }
        return words;
    }

    private static boolean subsequence(String shorter, String longer) {
        int i = 0;
        for (int j = 0; j < longer.length() && i < shorter.length(); j++) {
            if (shorter.charAt(i) == longer.charAt(j)) {
                i++;
            }
        }
        return i == shorter.length();
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** The schema with a table under its new name, and the foreign keys that point at it following. */
    private static SchemaSnapshot renameTable(SchemaSnapshot schema, String from, String to) {
        Map<String, TableDef> tables = new TreeMap<>();
        for (TableDef table : schema.tables().values()) {
            TableDef renamed = table.name().equals(from) ? table.withName(to) : table;
            TreeMap<String, ForeignKeyDef> foreignKeys = new TreeMap<>();
            renamed.foreignKeys().forEach((name, fk) -> foreignKeys.put(name, fk.referencedTable().equals(from)
                    ? new ForeignKeyDef(fk.name(), fk.columns(), to, fk.referencedColumns(), fk.onDelete(),
                    fk.implicitName()) : fk));
            tables.put(renamed.name(), renamed.withForeignKeys(foreignKeys));
        }
        return schema.withTables(tables);
    }

    /** The schema with a column under its new name in its table, its keys, indexes and checks, and references. */
    private static SchemaSnapshot renameColumn(SchemaSnapshot schema, String tableName, String from, String to) {
        Map<String, TableDef> tables = new TreeMap<>();
        for (TableDef table : schema.tables().values()) {
            TreeMap<String, ForeignKeyDef> foreignKeys = new TreeMap<>();
            boolean own = table.name().equals(tableName);
            table.foreignKeys().forEach((name, fk) -> foreignKeys.put(name, new ForeignKeyDef(fk.name(),
                    own ? rename(fk.columns(), from, to) : fk.columns(), fk.referencedTable(),
                    fk.referencedTable().equals(tableName) ? rename(fk.referencedColumns(), from, to)
                            : fk.referencedColumns(), fk.onDelete(), fk.implicitName())));
            if (!own) {
                tables.put(table.name(), table.withForeignKeys(foreignKeys));
                continue;
            }
            List<ColumnDef> columns = table.columns().stream()
                    .map(column -> column.name().equals(from) ? column.withName(to) : column).toList();
            PrimaryKeyDef primaryKey = table.primaryKey() == null ? null
                    : new PrimaryKeyDef(table.primaryKey().name(), rename(table.primaryKey().columns(), from, to));
            TreeMap<String, UniqueDef> uniques = new TreeMap<>();
            table.uniques().forEach((name, unique) -> uniques.put(name, new UniqueDef(unique.name(),
                    rename(unique.columns(), from, to), unique.implicitName())));
            TreeMap<String, IndexDef> indexes = new TreeMap<>();
            table.indexes().forEach((name, index) -> indexes.put(name, new IndexDef(index.name(),
                    index.columns().stream().map(column -> column.name().equals(from)
                            ? new IndexDef.IndexColumn(to, column.descending()) : column).toList(),
                    index.unique(), index.implicitName())));
            TreeMap<String, CheckDef> checks = new TreeMap<>();
            table.checks().forEach((name, check) -> checks.put(name, new CheckDef(check.name(),
                    replaceIdentifier(check.expression(), from, to), check.implicitName())));
            tables.put(table.name(), new TableDef(table.name(), columns, primaryKey, uniques, indexes, foreignKeys,
                    checks));
        }
        return schema.withTables(tables);
    }

    private static List<String> rename(List<String> names, String from, String to) {
        return names.stream().map(name -> name.equals(from) ? to : name).toList();
    }

    /** The expression with the identifier {@code from} written as {@code to}, string literals left alone. */
    static String replaceIdentifier(String expression, String from, String to) {
        return replaceToken(expression, SqlNames.quote(from), SqlNames.quote(to));
    }

    /**
     * The expression with the identifier written {@code token} replaced by {@code replacement}, literals kept; an
     * unquoted identifier matches in any case, as PostgreSQL folds it.
     */
    static String replaceToken(String expression, String token, String replacement) {
        StringBuilder result = new StringBuilder();
        int i = 0;
        while (i < expression.length()) {
            char c = expression.charAt(i);
            if (c == '\'') {
                int end = i + 1;
                while (end < expression.length()) {
                    if (expression.charAt(end) == '\'') {
                        if (end + 1 < expression.length() && expression.charAt(end + 1) == '\'') {
                            end += 2;
                            continue;
                        }
                        break;
                    }
                    end++;
                }
                result.append(expression, i, Math.min(end + 1, expression.length()));
                i = end + 1;
            } else if (expression.regionMatches(!token.startsWith("\""), i, token, 0, token.length())
                    && !identifierChar(expression, i - 1)
                    && !identifierChar(expression, i + token.length())) {
                result.append(replacement);
                i += token.length();
            } else {
                result.append(c);
                i++;
            }
        }
        return result.toString();
    }

    private static boolean identifierChar(String text, int index) {
        if (index < 0 || index >= text.length()) {
            return false;
        }
        char c = text.charAt(index);
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '"';
    }
}
