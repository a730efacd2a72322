package dev.assistant.migrate.schema;

import dev.assistant.migrate.api.MigrationEngineException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lets PostgreSQL spell the model's types, defaults and check constraints: Hibernate writes {@code varchar(255)},
 * {@code 'x'} and {@code status in ('A','B')}, the catalog says {@code character varying(255)},
 * {@code 'x'::character varying} and {@code CHECK (((status)::text = ANY (...)))}. The model is declared in temporary
 * tables inside a transaction that is rolled back — one column of each distinct type and default, each check over
 * columns of the types it reads — and read back from the catalog. No alias table can drift from the server this way,
 * and a model of hundreds of tables costs two temporary tables.
 *
 * <p>A column that draws its default from a sequence it owns ({@code serial}) comes back as
 * {@link ColumnDef.Identity#SERIAL} with the sequence PostgreSQL would name for the real table, never the temporary
 * one's. A type or default function that an available extension provides ({@code citext}) is declared after creating
 * the extension in the same rolled-back transaction, and the snapshot names the extension as needed. The model's
 * tables and sequences in the connection's own schema lose their schema name.
 */
final class TypeCanonicalizer {

    private static final String TEMPORARY = "assistant_model_";
    private static final String TYPES = "assistant_model_types";
    private static final String CHECKS = "assistant_model_checks";

    /** Types and functions whose extension has another name; any other is looked for under its own name. */
    private static final Map<String, String> EXTENSION_OF = Map.ofEntries(
            Map.entry("geometry", "postgis"), Map.entry("geography", "postgis"),
            Map.entry("lquery", "ltree"), Map.entry("ltxtquery", "ltree"),
            Map.entry("isbn", "isn"), Map.entry("isbn13", "isn"), Map.entry("ismn", "isn"),
            Map.entry("ismn13", "isn"), Map.entry("issn", "isn"), Map.entry("issn13", "isn"),
            Map.entry("ean13", "isn"), Map.entry("upc", "isn"),
            Map.entry("uuid_generate_v1", "uuid-ossp"), Map.entry("uuid_generate_v1mc", "uuid-ossp"),
            Map.entry("uuid_generate_v3", "uuid-ossp"), Map.entry("uuid_generate_v4", "uuid-ossp"),
            Map.entry("uuid_generate_v5", "uuid-ossp"),
            Map.entry("gen_random_bytes", "pgcrypto"), Map.entry("crypt", "pgcrypto"),
            Map.entry("gen_salt", "pgcrypto"), Map.entry("digest", "pgcrypto"), Map.entry("hmac", "pgcrypto"));
    private static final Pattern FUNCTION_CALL = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\s*\\(");

    private TypeCanonicalizer() {
    }

    static SchemaSnapshot canonicalize(SchemaSnapshot model, Connection connection) {
        try {
            SchemaSnapshot local = inDefaultSchema(model, currentSchema(connection));
            if (local.tables().isEmpty()) {
                return local;
            }
            return spell(local, connection);
        } catch (SQLException e) {
            throw new MigrationEngineException("Cannot check the model's column types against the database: "
                    + e.getMessage(), false, e);
        }
    }

    private static String currentSchema(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT current_schema()")) {
            rows.next();
            return rows.getString(1);
        }
    }

    /** The model with the tables and sequences it puts in the connection's own schema keyed without it. */
    private static SchemaSnapshot inDefaultSchema(SchemaSnapshot model, String current) {
        Map<String, TableDef> tables = new TreeMap<>();
        for (TableDef table : model.tables().values()) {
            TreeMap<String, ForeignKeyDef> foreignKeys = new TreeMap<>();
            table.foreignKeys().forEach((name, fk) -> foreignKeys.put(name, new ForeignKeyDef(fk.name(), fk.columns(),
                    local(fk.referencedTable(), current), fk.referencedColumns(), fk.onDelete(), fk.implicitName())));
            TableDef local = table.withName(local(table.name(), current)).withForeignKeys(foreignKeys);
            tables.put(local.name(), local);
        }
        Map<String, SequenceDef> sequences = new TreeMap<>();
        for (SequenceDef sequence : model.sequences().values()) {
            SequenceDef.ColumnRef feeds = sequence.feeds() == null ? null
                    : new SequenceDef.ColumnRef(local(sequence.feeds().table(), current), sequence.feeds().column());
            String name = local(sequence.name(), current);
            sequences.put(name, new SequenceDef(name, sequence.start(), sequence.increment(), feeds));
        }
        Set<String> schemas = new TreeSet<>(model.schemas());
        schemas.remove(current);
        return new SchemaSnapshot(new TreeMap<>(tables), new TreeMap<>(sequences), model.otherObjects(),
                new TreeSet<>(schemas), model.extensions());
    }

    private static String local(String key, String current) {
        return current.equals(SqlNames.schemaOf(key)) ? SqlNames.key(null, SqlNames.nameOf(key)) : key;
    }

    /**
     * Declares the model in one statement of two temporary tables: one column for every distinct type and default,
     * and the check constraints over columns of their types (each check's columns renamed apart, then named back).
     * When that fails, each model table is declared on its own, so that a missing extension is created or the
     * culprit named.
     */
    private static SchemaSnapshot spell(SchemaSnapshot model, Connection connection) throws SQLException {
        List<TableDef> tables = new ArrayList<>(model.tables().values());
        Set<String> extensions = new TreeSet<>(model.extensions());
        List<ColumnDef> distinct = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        tables.forEach(table -> table.columns().stream().filter(column -> keys.add(key(column)))
                .forEach(distinct::add));
        CheckColumns checkColumns = new CheckColumns(tables);
        boolean individual = false;
        Map<String, Map<String, ColumnDef>> columns = new HashMap<>();
        Map<String, ColumnDef> byKey = new HashMap<>();
        Map<String, Map<String, String>> checks = new HashMap<>();
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            List<String> declarations = sequences(model);
            declarations.add(temporaryTable(TYPES, distinct, List.of()));
            if (!checkColumns.expressions.isEmpty()) {
                declarations.add(checkColumns.table());
            }
            try {
                statement.execute(String.join(";\n", declarations));
            } catch (SQLException refused) {
                connection.rollback();
                statement.execute(String.join(";\n", sequences(model)));
                distinct.clear();
                individual = true;
                for (int i = 0; i < tables.size(); i++) {
                    declare(tables.get(i), TEMPORARY + i, statement, connection, extensions);
                }
            }
            readColumns(connection, tables, distinct, columns, byKey);
            readChecks(connection, tables, individual ? null : checkColumns, checks);
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
        Map<String, TableDef> spelled = new TreeMap<>();
        for (TableDef table : tables) {
            Map<String, ColumnDef> read = columns.getOrDefault(table.name(), Map.of());
            boolean own = individual;
            List<ColumnDef> tableColumns = table.columns().stream().map(column -> {
                ColumnDef canonical = own ? read.get(column.name()) : byKey.get(key(column));
                ColumnDef named = new ColumnDef(column.name(), canonical.type(), column.nullable(),
                        canonical.defaultExpression(), canonical.identity(), column.version());
                if (canonical.identity() == ColumnDef.Identity.SERIAL) {
                    return named.withIdentity(ColumnDef.Identity.SERIAL,
                            ColumnDef.nextval(SqlRenderer.defaultSerialSequence(table.name(), column.name())));
                }
                return named.withIdentity(column.identity(), canonical.defaultExpression());
            }).toList();
            Map<String, String> expressions = checks.getOrDefault(table.name(), Map.of());
            TreeMap<String, CheckDef> tableChecks = new TreeMap<>();
            table.checks().forEach((name, check) -> tableChecks.put(name, new CheckDef(name,
                    Objects.requireNonNull(expressions.get(name), name), check.implicitName())));
            spelled.put(table.name(), table.withColumns(tableColumns).withChecks(tableChecks));
        }
        return new SchemaSnapshot(new TreeMap<>(spelled), model.sequences(), model.otherObjects(), model.schemas(),
                new TreeSet<>(extensions));
    }

    /**
     * The model's checks declared together: each column a check reads becomes a column {@code assistant_k<n>} of its
     * type, the check reads those, and is named {@code ck<n>}; read back, the names are put back as PostgreSQL writes
     * them.
     */
    private static final class CheckColumns {
        final Map<String, ColumnDef> columns = new java.util.LinkedHashMap<>();
        final Map<String, String> original = new HashMap<>();
        final List<String[]> checks = new ArrayList<>();
        final List<String> expressions = new ArrayList<>();

        CheckColumns(List<TableDef> tables) {
            for (TableDef table : tables) {
                for (CheckDef check : table.checks().values()) {
                    String expression = check.expression();
                    for (ColumnDef column : table.columns()) {
                        String renamed = "assistant_k" + columns.size();
                        String replaced = Renames.replaceIdentifier(expression, column.name(), renamed);
                        if (!replaced.equals(expression)) {
                            columns.put(renamed, column);
                            original.put(renamed, column.name());
                            expression = replaced;
                        }
                    }
                    checks.add(new String[] {table.name(), check.name()});
                    expressions.add(expression);
                }
            }
        }

        String table() {
            List<String> elements = new ArrayList<>();
            columns.forEach((name, column) -> elements.add(name + " " + column.type()));
            for (int i = 0; i < expressions.size(); i++) {
                elements.add("CONSTRAINT ck" + i + " CHECK (" + expressions.get(i) + ")");
            }
            return "CREATE TEMPORARY TABLE " + CHECKS + " (" + String.join(", ", elements) + ")";
        }
    }

    private static String key(ColumnDef column) {
        return column.type() + "\u0000" + column.defaultExpression();
    }

    /** The temporary sequences the model's defaults may draw from. */
    private static List<String> sequences(SchemaSnapshot model) {
        List<String> statements = new ArrayList<>();
        Set<String> declared = new HashSet<>();
        for (SequenceDef sequence : model.sequences().values()) {
            if (declared.add(SqlNames.nameOf(sequence.name()))) {
                statements.add("CREATE TEMPORARY SEQUENCE " + SqlNames.quote(SqlNames.nameOf(sequence.name())));
            }
        }
        statements.add("SELECT 1");
        return statements;
    }

    /**
     * Declares one model table as a temporary one. When PostgreSQL does not know a type or default function that an
     * extension available on the server provides, the extension is created (rolled back with the rest) and recorded.
     */
    private static void declare(TableDef table, String temporary, Statement statement, Connection connection,
            Set<String> extensions) throws SQLException {
        String ddl = temporaryTable(temporary, table.columns(), table.checks().values());
        for (int attempt = 0; ; attempt++) {
            statement.execute("SAVEPOINT assistant_model");
            try {
                statement.execute(ddl);
                statement.execute("RELEASE SAVEPOINT assistant_model");
                return;
            } catch (SQLException refused) {
                statement.execute("ROLLBACK TO SAVEPOINT assistant_model");
                List<String> missing = "42704".equals(refused.getSQLState()) || "42883".equals(refused.getSQLState())
                        ? availableExtensions(table, connection, extensions) : List.of();
                if (missing.isEmpty() || attempt > 3) {
                    throw culprit(table, statement, refused);
                }
                for (String extension : missing) {
                    statement.execute("CREATE EXTENSION IF NOT EXISTS " + SqlNames.quote(extension));
                    extensions.add(extension);
                }
            }
        }
    }

    private static String temporaryTable(String name, List<ColumnDef> columns, java.util.Collection<CheckDef> checks) {
        List<String> elements = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            ColumnDef column = columns.get(i);
            elements.add((name.equals(TYPES) ? "c" + i : SqlNames.quote(column.name())) + " " + column.type()
                    + (column.defaultExpression() == null ? "" : " DEFAULT " + column.defaultExpression()));
        }
        for (CheckDef check : checks) {
            elements.add("CONSTRAINT " + SqlNames.quote(check.name()) + " CHECK (" + check.expression() + ")");
        }
        return "CREATE TEMPORARY TABLE " + name + " (" + String.join(", ", elements) + ")";
    }

    /**
     * The extensions, available on the server and not yet installed, named by the table's types or by functions its
     * defaults call (under their own name, or another for those {@link #EXTENSION_OF} lists).
     */
    private static List<String> availableExtensions(TableDef table, Connection connection, Set<String> created)
            throws SQLException {
        Set<String> candidates = new LinkedHashSet<>();
        for (ColumnDef column : table.columns()) {
            String type = PostgresTypes.base(column.type()).replace("[]", "").toLowerCase(Locale.ROOT);
            candidates.add(type.substring(type.lastIndexOf('.') + 1).strip());
            if (column.defaultExpression() != null) {
                Matcher call = FUNCTION_CALL.matcher(column.defaultExpression());
                while (call.find()) {
                    candidates.add(call.group(1).toLowerCase(Locale.ROOT));
                }
            }
        }
        List<String> names = candidates.stream().map(name -> EXTENSION_OF.getOrDefault(name, name)).distinct()
                .filter(name -> !created.contains(name)).toList();
        List<String> available = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT name FROM pg_available_extensions WHERE name = ANY (?) AND installed_version IS NULL"
                        + " ORDER BY name")) {
            statement.setArray(1, connection.createArrayOf("text", names.toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    available.add(rows.getString(1));
                }
            }
        }
        return available;
    }

    private static void readColumns(Connection connection, List<TableDef> tables, List<ColumnDef> distinct,
            Map<String, Map<String, ColumnDef>> columns, Map<String, ColumnDef> byKey) throws SQLException {
        String sql = """
                SELECT c.relname, a.attnum, a.attname, format_type(a.atttypid, a.atttypmod),
                       pg_get_expr(d.adbin, d.adrelid),
                       EXISTS (SELECT 1 FROM pg_depend dep JOIN pg_class s ON s.oid = dep.objid AND s.relkind = 'S'
                               WHERE dep.classid = 'pg_class'::regclass AND dep.refobjid = a.attrelid
                                 AND dep.refobjsubid = a.attnum AND dep.deptype = 'a'
                                 AND pg_get_expr(d.adbin, d.adrelid)
                                     = format('nextval(%L::regclass)', s.oid::regclass::text))
                FROM pg_class c
                JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                WHERE c.relnamespace = pg_my_temp_schema() AND c.relkind = 'r'
                  AND c.relname LIKE 'assistant\\_model\\_%'
                """;
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                String relation = rows.getString(1);
                ColumnDef.Identity identity = rows.getBoolean(6) ? ColumnDef.Identity.SERIAL : ColumnDef.Identity.NONE;
                if (relation.equals(CHECKS)) {
                    continue;
                }
                if (relation.equals(TYPES)) {
                    ColumnDef column = distinct.get(rows.getInt(2) - 1);
                    byKey.put(key(column), new ColumnDef(column.name(), rows.getString(4), true, rows.getString(5),
                            identity));
                } else {
                    TableDef table = tables.get(Integer.parseInt(relation.substring(TEMPORARY.length())));
                    columns.computeIfAbsent(table.name(), name -> new HashMap<>()).put(rows.getString(3),
                            new ColumnDef(rows.getString(3), rows.getString(4), true, rows.getString(5), identity));
                }
            }
        }
    }

    private static void readChecks(Connection connection, List<TableDef> tables, CheckColumns together,
            Map<String, Map<String, String>> checks) throws SQLException {
        String sql = """
                SELECT c.relname, con.conname, pg_get_constraintdef(con.oid)
                FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid
                WHERE c.relnamespace = pg_my_temp_schema() AND con.contype = 'c'
                  AND c.relname LIKE 'assistant\\_model\\_%'
                """;
        Map<String, String> quoted = together == null ? Map.of() : quoteIdentifiers(connection, together.original);
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                if (rows.getString(1).equals(CHECKS)) {
                    String[] check = together.checks.get(Integer.parseInt(rows.getString(2).substring(2)));
                    String definition = rows.getString(3);
                    for (Map.Entry<String, String> name : quoted.entrySet()) {
                        definition = Renames.replaceToken(definition, name.getKey(), name.getValue());
                    }
                    checks.computeIfAbsent(check[0], name -> new HashMap<>()).put(check[1], definition);
                } else {
                    TableDef table = tables.get(Integer.parseInt(rows.getString(1).substring(TEMPORARY.length())));
                    checks.computeIfAbsent(table.name(), name -> new HashMap<>()).put(rows.getString(2),
                            rows.getString(3));
                }
            }
        }
    }

    /** {@code assistant_k<n>} to its column's name as PostgreSQL writes it ({@code quote_ident}). */
    private static Map<String, String> quoteIdentifiers(Connection connection, Map<String, String> names)
            throws SQLException {
        List<String> keys = new ArrayList<>(names.keySet());
        Map<String, String> quoted = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT quote_ident(n) FROM unnest(?::text[]) WITH ORDINALITY u(n, i) ORDER BY i")) {
            statement.setArray(1, connection.createArrayOf("text", keys.stream().map(names::get).toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                for (int i = 0; rows.next(); i++) {
                    quoted.put(keys.get(i), rows.getString(1));
                }
            }
        }
        return quoted;
    }

    /** The first column (or check) of the table PostgreSQL refuses, named, for the message. */
    private static MigrationEngineException culprit(TableDef table, Statement statement, SQLException e)
            throws SQLException {
        for (ColumnDef column : table.columns()) {
            SQLException refused = probe(statement, List.of(column), List.of());
            if (refused != null) {
                return new MigrationEngineException("The model declares column " + table.name() + "."
                        + column.name() + " of type '" + column.type() + "'"
                        + (column.defaultExpression() == null ? "" : " with default " + column.defaultExpression())
                        + ", which PostgreSQL refuses: " + refused.getMessage() + ". Fix the entity's"
                        + " @Column(columnDefinition) or @ColumnDefault, or install the extension that provides it on"
                        + " the server (then the migration creates it).", true, refused);
            }
        }
        for (CheckDef check : table.checks().values()) {
            SQLException refused = probe(statement, table.columns(), List.of(check));
            if (refused != null) {
                return new MigrationEngineException("The model declares check constraint " + check.name() + " on "
                        + table.name() + " (" + check.expression() + "), which PostgreSQL refuses: "
                        + refused.getMessage() + ". Fix the entity's @Check.", true, refused);
            }
        }
        return new MigrationEngineException("PostgreSQL refuses the model's table " + table.name() + ": "
                + e.getMessage(), true, e);
    }

    private static SQLException probe(Statement statement, List<ColumnDef> columns, List<CheckDef> checks)
            throws SQLException {
        statement.execute("SAVEPOINT assistant_probe");
        try {
            statement.execute(temporaryTable("assistant_probe", columns, checks));
            return null;
        } catch (SQLException refused) {
            return refused;
        } finally {
            statement.execute("ROLLBACK TO SAVEPOINT assistant_probe");
        }
    }
}
