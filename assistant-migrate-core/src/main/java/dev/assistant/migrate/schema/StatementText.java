package dev.assistant.migrate.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What kind of statement a migration's statement is, and which table it names, read from its text: the part of the
 * lint that is inferred rather than observed (which table an ALTER TABLE alters, which rows a DML statement changes,
 * which column a DROP COLUMN drops).
 */
final class StatementText {

    private static final String NAME = "(?:\"(?:[^\"]|\"\")+\"|[\\p{L}_][\\p{L}\\p{N}_$]*)";
    private static final String QUALIFIED = "(" + NAME + "(?:\\s*\\.\\s*" + NAME + ")?)";
    private static final Pattern ALTER_TABLE = Pattern.compile(
            "^alter\\s+table\\s+(?:if\\s+exists\\s+)?(?:only\\s+)?" + QUALIFIED, Pattern.CASE_INSENSITIVE);
    private static final Pattern DML = Pattern.compile("^(?:insert\\s+into|update(?:\\s+only)?|delete\\s+from"
            + "(?:\\s+only)?|merge\\s+into|copy)\\s+" + QUALIFIED, Pattern.CASE_INSENSITIVE);
    private static final Pattern DROP_COLUMN = Pattern.compile("\\bdrop\\s+(?:column\\s+)?(?:if\\s+exists\\s+)?("
            + NAME + ")", Pattern.CASE_INSENSITIVE);
    private static final Pattern RENAME_COLUMN = Pattern.compile("\\brename\\s+(?:column\\s+)?(" + NAME
            + ")\\s+to\\s+(" + NAME + ")", Pattern.CASE_INSENSITIVE);
    private static final Pattern RENAME_TABLE = Pattern.compile("\\brename\\s+to\\s+(" + NAME + ")",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ADD_COLUMN = Pattern.compile("\\badd\\s+(?:column\\s+)?(?:if\\s+not\\s+exists\\s+)?("
            + NAME + ")", Pattern.CASE_INSENSITIVE);
    private static final Pattern CREATE_TABLE = Pattern.compile("^create\\s+(?:(?:global\\s+|local\\s+)?"
            + "(?:temporary|temp)\\s+|unlogged\\s+)?table\\s+(?:if\\s+not\\s+exists\\s+)?" + QUALIFIED,
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> NOT_ADDED = Set.of("constraint", "primary", "unique", "check", "foreign",
            "exclude", "column");
    private static final Pattern UNOBSERVED = Pattern.compile("^(?:set|reset|grant|revoke|comment\\s+on|create\\s+"
            + "(?:or\\s+replace\\s+)?(?:function|procedure|sequence|type|domain|schema)|create\\s+table)\\b",
            Pattern.CASE_INSENSITIVE);
    /** What makes a CREATE TABLE touch an existing one: a parent, a copied definition, a query. */
    private static final Pattern TOUCHES_OTHERS = Pattern.compile("\\b(?:partition\\s+of|like|inherits|as|select)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CREATE_INDEX = Pattern.compile("^create\\s+(?:unique\\s+)?index\\s+(?:concurrently\\s+)?"
            + "(?:if\\s+not\\s+exists\\s+)?(?:" + NAME + "\\s+)?on\\s+(?:only\\s+)?" + QUALIFIED, Pattern.CASE_INSENSITIVE);
    private static final Set<String> NOT_COLUMNS = Set.of("constraint", "default", "not", "identity", "expression",
            "column", "index", "trigger", "to");

    private final String sql;
    private final String code;

    /** @param sql a statement as the splitter gives it, with any comments before it */
    StatementText(String sql) {
        this.sql = sql;
        this.code = withoutLeadingComments(sql);
    }

    /** The statement from its first word, on one line, shortened: how a finding quotes it. */
    String shown() {
        String oneLine = code.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= 100 ? oneLine : oneLine.substring(0, 97) + "...";
    }

    /**
     * Whether the statement can neither lock an existing table beyond SHARE UPDATE EXCLUSIVE nor rewrite or scan one
     * (SET, GRANT, COMMENT, CREATE FUNCTION, SEQUENCE, TYPE, SCHEMA, a CREATE TABLE of its own columns), and leaves
     * lock_timeout alone: the lint need not look after it.
     */
    boolean unobserved() {
        if (!UNOBSERVED.matcher(code).find() || mentions("lock_timeout")) {
            return false;
        }
        return !startsWith("create table") || !TOUCHES_OTHERS.matcher(code).find();
    }

    boolean isAlterTable() {
        return ALTER_TABLE.matcher(code).find();
    }

    /** The table an ALTER TABLE alters, as the catalog spells it (without its schema). */
    Optional<String> alteredTable() {
        Matcher matcher = ALTER_TABLE.matcher(code);
        return matcher.find() ? Optional.of(lastPart(matcher.group(1))) : Optional.empty();
    }

    /** The table a CREATE INDEX indexes. */
    Optional<String> indexedTable() {
        Matcher matcher = CREATE_INDEX.matcher(code);
        return matcher.find() ? Optional.of(lastPart(matcher.group(1))) : Optional.empty();
    }

    /** The table whose rows an INSERT, UPDATE, DELETE, MERGE or COPY changes. */
    Optional<String> changedTable() {
        Matcher matcher = DML.matcher(code);
        return matcher.find() ? Optional.of(lastPart(matcher.group(1))) : Optional.empty();
    }

    boolean startsWith(String words) {
        return code.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").startsWith(words);
    }

    boolean mentions(String word) {
        return code.toLowerCase(Locale.ROOT).contains(word);
    }

    /** The columns an ALTER TABLE drops. */
    List<String> droppedColumns() {
        return columns(DROP_COLUMN, NOT_COLUMNS);
    }

    /** The columns an ALTER TABLE adds. */
    List<String> addedColumns() {
        return columns(ADD_COLUMN, NOT_ADDED);
    }

    /** The names {@code pattern} finds in an ALTER TABLE, less the key words that are no column's (unless quoted). */
    private List<String> columns(Pattern pattern, Set<String> keywords) {
        List<String> columns = new ArrayList<>();
        if (!isAlterTable()) {
            return columns;
        }
        Matcher matcher = pattern.matcher(code);
        while (matcher.find()) {
            String column = identifier(matcher.group(1));
            if (!keywords.contains(column) || matcher.group(1).startsWith("\"")) {
                columns.add(column);
            }
        }
        return columns;
    }

    /** The table a CREATE TABLE creates. */
    Optional<String> createdTable() {
        Matcher matcher = CREATE_TABLE.matcher(code);
        return matcher.find() ? Optional.of(lastPart(matcher.group(1))) : Optional.empty();
    }

    /** The columns an ALTER TABLE renames, each {old, new}. */
    List<String[]> renamedColumns() {
        List<String[]> renames = new ArrayList<>();
        if (!isAlterTable()) {
            return renames;
        }
        Matcher matcher = RENAME_COLUMN.matcher(code);
        while (matcher.find()) {
            String old = identifier(matcher.group(1));
            if (!old.equals("constraint") || matcher.group(1).startsWith("\"")) {
                renames.add(new String[] {old, identifier(matcher.group(2))});
            }
        }
        return renames;
    }

    /** The new name an ALTER TABLE … RENAME TO gives the table. */
    Optional<String> newTableName() {
        if (!isAlterTable()) {
            return Optional.empty();
        }
        Matcher matcher = RENAME_TABLE.matcher(code);
        return matcher.find() ? Optional.of(identifier(matcher.group(1))) : Optional.empty();
    }

    private static String lastPart(String qualified) {
        List<String> parts = new ArrayList<>();
        Matcher name = Pattern.compile(NAME).matcher(qualified);
        while (name.find()) {
            parts.add(name.group());
        }
        return identifier(parts.get(parts.size() - 1));
    }

    /** A name as the catalog holds it: quoted as written, unquoted folded to lower case. */
    static String identifier(String name) {
        if (name.startsWith("\"")) {
            return name.substring(1, name.length() - 1).replace("\"\"", "\"");
        }
        return name.toLowerCase(Locale.ROOT);
    }

    private static String withoutLeadingComments(String sql) {
        int i = 0;
        while (i < sql.length()) {
            if (Character.isWhitespace(sql.charAt(i))) {
                i++;
            } else if (sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? sql.length() : end + 1;
            } else if (sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? sql.length() : end + 2;
            } else {
                break;
            }
        }
        return sql.substring(i);
    }
}
