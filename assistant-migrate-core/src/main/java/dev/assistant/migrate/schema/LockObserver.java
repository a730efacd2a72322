package dev.assistant.migrate.schema;

import dev.assistant.migrate.api.LintFinding;
import dev.assistant.migrate.api.LintMode;
import dev.assistant.migrate.api.LintRule;
import dev.assistant.migrate.api.SqlStatement;
import dev.assistant.migrate.engine.MigrationScript;
import dev.assistant.migrate.engine.StatementObserver;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Watches each migration as the replay applies it for good, statement by statement inside its transaction, and
 * turns what PostgreSQL did to the relations that existed before the migration into lint findings. Before the
 * migration it reads, in one query, every relation's data file ({@code relfilenode}) and its sequential-scan count in
 * this transaction; after each statement, in one query, the locks this session holds ({@code pg_locks}) on the
 * tables that existed before and on their indexes, with the same two facts for each (after a row change only the
 * scan counts; after a statement that locks no existing table, such as SET or a plain CREATE TABLE, nothing). From
 * them: a new lock mode (attributed to the first statement after which it is
 * held), a new data file (a rewrite), a scan of the altered table by an ALTER TABLE (a validation), a new index on an
 * existing table. Relations the migration created are exempt. Statements that run outside a transaction ({@code
 * CREATE INDEX CONCURRENTLY}) hold no lock after they end and are counted, not queried.
 */
final class LockObserver implements StatementObserver {

    private static final String RELATIONS = """
            SELECT c.oid::bigint, c.relname::text, c.relkind::text, c.relfilenode::bigint,
                   pg_stat_get_xact_numscans(c.oid), current_setting('lock_timeout')
            FROM pg_class c
            WHERE c.oid >= 16384 AND c.relkind IN ('r', 'p', 'm', 'i')
              AND c.relnamespace <> 'pg_toast'::regnamespace AND c.relpersistence <> 't'
            UNION ALL SELECT 0, NULL, NULL, NULL, NULL, current_setting('lock_timeout')
            """;

    /**
     * Each lock looked up by its relation's oid (index scans), never a join over the whole catalog; the locks are
     * narrowed to the existing tables and their indexes first ({@code OFFSET 0} keeps that step apart), so that only
     * those are looked up in {@code pg_class}: a migration that creates many tables holds a lock on each of them.
     */
    private static final String LOCKS = """
            SELECT m.relation::bigint, c.relname::text, c.relkind::text, c.relfilenode::bigint, m.mode,
                   pg_stat_get_xact_numscans(m.relation), m.indrelid::bigint
            FROM (SELECT l.relation, l.mode, coalesce(i.indrelid, 0) AS indrelid
                  FROM (SELECT relation, mode FROM pg_locks
                        WHERE pid = pg_backend_pid() AND locktype = 'relation' AND granted AND relation >= 16384) l
                  LEFT JOIN LATERAL (SELECT indrelid FROM pg_index WHERE indexrelid = l.relation) i ON true
                  WHERE l.relation = ANY (?::oid[]) OR i.indrelid = ANY (?::oid[])
                  OFFSET 0) m
            LEFT JOIN LATERAL (SELECT relname, relkind, relfilenode FROM pg_class WHERE oid = m.relation) c ON true
            UNION ALL SELECT 0, current_setting('lock_timeout'), NULL, NULL, NULL, NULL, NULL
            """;


    /** PostgreSQL's table lock modes, weakest first. */
    private static final List<String> MODES = List.of("AccessShareLock", "RowShareLock", "RowExclusiveLock",
            "ShareUpdateExclusiveLock", "ShareLock", "ShareRowExclusiveLock", "ExclusiveLock", "AccessExclusiveLock");
    private static final String ACCESS_EXCLUSIVE = "AccessExclusiveLock";
    /** From SHARE on, a lock blocks writes to the table. */
    private static final int BLOCKS_WRITES = MODES.indexOf("ShareLock");

    /** A relation that existed before the migration. */
    private record Existing(String name, char kind, long filenode) {
        boolean isTable() {
            return kind == 'r' || kind == 'p' || kind == 'm';
        }
    }

    /** A relation lock held after a statement. */
    private record Held(long oid, String name, char kind, long filenode, String mode, long scans, long table) {
    }

    /** What a statement does to the names of tables and columns: what the drop and rename rules judge. */
    enum NameChange {
        CREATE_TABLE, DROP_TABLE, RENAME_TABLE, ADD_COLUMN, DROP_COLUMN, RENAME_COLUMN
    }

    /**
     * A change of a name, in the order of the migration's statements.
     *
     * @param existingTable whether the table existed before the migration
     */
    record NameEvent(NameChange change, MigrationScript script, int line, String statement, String table,
            String column, String newName, boolean existingTable) {
    }

    private final LintMode mode;
    private final List<LintFinding> findings = new ArrayList<>();
    private final List<NameEvent> changes = new ArrayList<>();
    private int outsideTransactions;
    private int statementsObserved;
    private int skipped;
    private PreparedStatement locksQuery;
    private PreparedStatement relationsQuery;
    private PreparedStatement scansQuery;
    private int scansOnly;
    private long observingNanos;
    private long startNanos;

    private Map<Long, Existing> existing = Map.of();
    private Set<Long> existingFilenodes = Set.of();
    /** The oids of the tables that existed before the migration: the only relations whose locks are read. */
    private java.sql.Array existingTables;
    private final Map<Long, Long> filenodes = new HashMap<>();
    private final Map<Long, Long> scans = new HashMap<>();
    private final Map<Long, Integer> strongest = new HashMap<>();
    private final Set<Long> dropped = new HashSet<>();
    /** The new names the migration gave tables that existed before it. */
    private final Set<String> renamedExisting = new HashSet<>();
    private final Set<String> held = new HashSet<>();
    private String lockTimeout;
    private boolean scriptSetsLockTimeout;
    private String exclusiveAt;
    private String changedAt;
    private boolean mixReported;
    private boolean timeoutReported;

    LockObserver(LintMode mode) {
        this.mode = mode;
    }

    List<LintFinding> findings() {
        return findings;
    }

    List<NameEvent> changes() {
        return changes;
    }

    /** For the debug log: how many statements were watched, and how many ran outside a transaction. */
    String summary() {
        return statementsObserved + " statements observed in " + observingNanos / 1_000_000 + " ms, "
                + startNanos / 1_000_000 + " of them reading the relations before each migration ("
                + skipped + " that lock no existing table not queried, " + scansOnly + " that change rows or alter"
                + " or index a new table read for scans only, " + outsideTransactions + " outside a transaction)";
    }

    @Override
    public void scriptStarts(Connection connection, MigrationScript script, boolean transactional)
            throws SQLException {
        long start = System.nanoTime();
        Map<Long, Existing> relations = new HashMap<>();
        Set<Long> files = new HashSet<>();
        filenodes.clear();
        scans.clear();
        strongest.clear();
        dropped.clear();
        renamedExisting.clear();
        held.clear();
        scriptSetsLockTimeout = false;
        exclusiveAt = null;
        changedAt = null;
        mixReported = false;
        timeoutReported = false;
        if (relationsQuery == null || relationsQuery.getConnection() != connection) {
            relationsQuery = connection.prepareStatement(RELATIONS);
        }
        try (ResultSet rows = relationsQuery.executeQuery()) {
            while (rows.next()) {
                long oid = rows.getLong(1);
                if (oid == 0) {
                    lockTimeout = rows.getString(6);
                    continue;
                }
                Existing relation = new Existing(rows.getString(2), rows.getString(3).charAt(0), rows.getLong(4));
                relations.put(oid, relation);
                files.add(relation.filenode());
                filenodes.put(oid, relation.filenode());
                scans.put(oid, rows.getLong(5));
            }
        }
        existing = relations;
        existingFilenodes = files;
        existingTables = connection.createArrayOf("bigint", relations.entrySet().stream()
                .filter(entry -> entry.getValue().isTable()).map(Map.Entry::getKey).toArray(Long[]::new));
        observingNanos += System.nanoTime() - start;
        startNanos += System.nanoTime() - start;
    }

    @Override
    public void statementRan(Connection connection, MigrationScript script, SqlStatement statement,
            boolean transactional) throws SQLException {
        statementsObserved++;
        long start = System.nanoTime();
        StatementText text = new StatementText(statement.sql());
        int line = statement.line();
        if (!transactional) {
            outsideTransactions++;
            observingNanos += System.nanoTime() - start;
            return;
        }
        if (text.unobserved()) {
            text.createdTable().ifPresent(table -> changes.add(new NameEvent(NameChange.CREATE_TABLE, script, line,
                    text.shown(), table, null, null, false)));
            skipped++;
            observingNanos += System.nanoTime() - start;
            return;
        }
        boolean onNewTable = text.alteredTable().or(text::indexedTable).filter(table -> !existedBefore(table))
                .isPresent();
        if ((text.changedTable().isPresent() || onNewTable) && !text.mentions("lock_timeout")) {
            refreshScans(connection);
            new Step(script, line, text, lockTimeout, List.of()).judge();
            scansOnly++;
            observingNanos += System.nanoTime() - start;
            return;
        }
        String timeoutBefore = lockTimeout;
        List<Held> locks = new ArrayList<>();
        if (locksQuery == null || locksQuery.getConnection() != connection) {
            locksQuery = connection.prepareStatement(LOCKS);
        }
        locksQuery.setArray(1, existingTables);
        locksQuery.setArray(2, existingTables);
        try (ResultSet rows = locksQuery.executeQuery()) {
            while (rows.next()) {
                if (rows.getLong(1) == 0) {
                    lockTimeout = rows.getString(2);
                    continue;
                }
                String kind = rows.getString(3);
                long filenode = rows.getLong(4);
                locks.add(new Held(rows.getLong(1), rows.getString(2), kind == null ? '?' : kind.charAt(0),
                        rows.wasNull() ? -1 : filenode, rows.getString(5), rows.getLong(6), rows.getLong(7)));
            }
        }
        new Step(script, line, text, timeoutBefore, locks).judge();
        if (text.mentions("lock_timeout")) {
            scriptSetsLockTimeout = true;
        }
        observingNanos += System.nanoTime() - start;
    }

    /**
     * After a statement that changes rows (no lock beyond ROW EXCLUSIVE, no rewrite) or alters or indexes a table the
     * migration created (whose strong locks are on that table alone), only the existing tables' scan counts are read (a far cheaper query than the locks), so that a scan it made is never
     * taken for a validation by the next statement.
     */
    private void refreshScans(Connection connection) throws SQLException {
        if (scansQuery == null || scansQuery.getConnection() != connection) {
            scansQuery = connection.prepareStatement("SELECT s.oid::bigint, pg_stat_get_xact_numscans(s.oid::oid)"
                    + " FROM unnest(?::bigint[]) AS s(oid)");
        }
        scansQuery.setArray(1, existingTables);
        try (ResultSet rows = scansQuery.executeQuery()) {
            while (rows.next()) {
                scans.put(rows.getLong(1), rows.getLong(2));
            }
        }
    }

    /** Whether a table of this name existed before the migration, under this name or one it renamed it from. */
    private boolean existedBefore(String table) {
        return renamedExisting.contains(table)
                || existing.values().stream().anyMatch(relation -> relation.isTable() && relation.name().equals(table));
    }

    /** One statement's facts and what the rules make of them. */
    private final class Step {
        private final MigrationScript script;
        private final int line;
        private final StatementText text;
        private final String timeoutBefore;
        private final Map<Long, List<Held>> byRelation = new LinkedHashMap<>();

        Step(MigrationScript script, int line, StatementText text, String timeoutBefore, List<Held> locks) {
            this.script = script;
            this.line = line;
            this.text = text;
            this.timeoutBefore = timeoutBefore;
            locks.forEach(lock -> byRelation.computeIfAbsent(lock.oid(), oid -> new ArrayList<>()).add(lock));
        }

        void judge() {
            Map<Long, String> builtIndexes = builtIndexes();
            Optional<String> altered = text.alteredTable();
            for (Map.Entry<Long, List<Held>> relation : byRelation.entrySet()) {
                long oid = relation.getKey();
                Existing before = existing.get(oid);
                List<Held> locks = relation.getValue();
                List<String> newModes = locks.stream().map(Held::mode)
                        .filter(mode -> held.add(oid + ":" + mode)).toList();
                if (before == null || !before.isTable()) {
                    continue;
                }
                Held any = locks.get(0);
                int strongestNow = Math.max(strongest.getOrDefault(oid, -1),
                        locks.stream().mapToInt(lock -> MODES.indexOf(lock.mode())).max().orElse(-1));
                strongest.put(oid, strongestNow);
                String table = before.name();
                if (any.name() == null) {
                    if (newModes.contains(ACCESS_EXCLUSIVE)) {
                        exclusive(table);
                    }
                    if (dropped.add(oid)) {
                        changes.add(new NameEvent(NameChange.DROP_TABLE, script, line, text.shown(), table, null,
                                null, true));
                    }
                    continue;
                }
                long scanned = any.scans() - scans.getOrDefault(oid, 0L);
                scans.put(oid, any.scans());
                boolean rewritten = any.filenode() > 0 && any.filenode() != filenodes.getOrDefault(oid, -1L);
                filenodes.put(oid, any.filenode());
                String under = modeName(strongestNow);
                if (rewritten && !text.startsWith("truncate")) {
                    report(LintRule.TABLE_REWRITE, table, "PostgreSQL rewrote " + table + " (a new data file)"
                            + " under " + under);
                } else if (builtIndexes.containsKey(oid)) {
                    report(LintRule.NON_CONCURRENT_INDEX, table, "PostgreSQL built " + builtIndexes.get(oid)
                            + " on " + table + " under " + under + ", which blocks writes for the whole build");
                } else if (scanned > 0 && altered.filter(table::equals).isPresent()
                        && strongestNow >= BLOCKS_WRITES) {
                    report(LintRule.VALIDATION_UNDER_LOCK, table, "PostgreSQL scanned " + table + " to check"
                            + " every row under " + under);
                } else if (newModes.contains(ACCESS_EXCLUSIVE) && (text.startsWith("lock")
                        || text.startsWith("truncate") || scanned > 0 && text.changedTable().isEmpty())) {
                    report(LintRule.ACCESS_EXCLUSIVE, table, "PostgreSQL took ACCESS EXCLUSIVE on " + table
                            + (scanned > 0 ? " and read through it" : ""));
                }
                if (newModes.contains(ACCESS_EXCLUSIVE)) {
                    exclusive(table);
                }
            }
            mappedChanges(altered);
            text.changedTable().filter(LockObserver.this::existedBefore).ifPresent(table -> {
                if (changedAt == null && exclusiveAt != null) {
                    changedAt = "line " + line + " changes rows of " + table;
                }
            });
            if (exclusiveAt != null && changedAt != null && !mixReported) {
                mixReported = true;
                report(LintRule.LOCK_WITH_DATA_CHANGE, "", "The transaction holds " + exclusiveAt + ", and "
                        + changedAt + ": the lock is held until the rows are all changed and the migration commits");
            }
        }

        /** The indexes this statement built on tables that existed before, by table. */
        private Map<Long, String> builtIndexes() {
            Map<Long, String> built = new HashMap<>();
            for (List<Held> locks : byRelation.values()) {
                Held index = locks.get(0);
                boolean firstSeen = held.add(index.oid() + ":seen");
                Existing table = existing.get(index.table());
                if (firstSeen && index.kind() == 'i' && !existing.containsKey(index.oid()) && table != null
                        && table.isTable() && !existingFilenodes.contains(index.filenode())) {
                    built.put(index.table(), index.name());
                }
            }
            return built;
        }

        private void exclusive(String table) {
            if (exclusiveAt == null) {
                exclusiveAt = "ACCESS EXCLUSIVE on " + table + " since line " + line;
            }
            boolean timeoutSet = scriptSetsLockTimeout && !"0".equals(timeoutBefore);
            if (!timeoutSet && !timeoutReported) {
                timeoutReported = true;
                report(LintRule.MISSING_LOCK_TIMEOUT, table, "PostgreSQL took ACCESS EXCLUSIVE on " + table
                        + " with lock_timeout " + timeoutBefore + " (the script does not set it): waiting for the"
                        + " lock, it queues every query on " + table);
            }
        }

        private void mappedChanges(Optional<String> altered) {
            text.createdTable().ifPresent(table -> changes.add(new NameEvent(NameChange.CREATE_TABLE, script, line,
                    text.shown(), table, null, null, false)));
            if (altered.isEmpty()) {
                return;
            }
            String table = altered.get();
            boolean existed = existedBefore(table);
            text.addedColumns().forEach(column -> changes.add(new NameEvent(NameChange.ADD_COLUMN, script, line,
                    text.shown(), table, column, null, existed)));
            text.droppedColumns().forEach(column -> changes.add(new NameEvent(NameChange.DROP_COLUMN, script, line,
                    text.shown(), table, column, null, existed)));
            text.renamedColumns().forEach(rename -> changes.add(new NameEvent(NameChange.RENAME_COLUMN, script,
                    line, text.shown(), table, rename[0], rename[1], existed)));
            text.newTableName().ifPresent(name -> {
                changes.add(new NameEvent(NameChange.RENAME_TABLE, script, line, text.shown(), table, null, name,
                        existed));
                if (existed) {
                    renamedExisting.add(name);
                }
            });
        }

        private void report(LintRule rule, String table, String observed) {
            findings.add(new LintFinding(rule, mode.severityOf(rule), script.fileName(), line, text.shown(), table,
                    observed, Optional.empty(), Optional.empty()));
        }
    }

    /** {@code AccessExclusiveLock} as the documentation names it: ACCESS EXCLUSIVE. */
    static String modeName(int index) {
        if (index < 0) {
            return "no lock";
        }
        return MODES.get(index).replace("Lock", "").replaceAll("([a-z])([A-Z])", "$1 $2").toUpperCase();
    }
}
