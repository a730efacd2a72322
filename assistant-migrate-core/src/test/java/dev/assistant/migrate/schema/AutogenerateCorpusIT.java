package dev.assistant.migrate.schema;

import static dev.assistant.migrate.engine.TestHints.HINTS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assistant.db.config.ConnectionSettings;
import dev.assistant.db.config.ConnectionSettingsResolver;
import dev.assistant.db.testing.ScratchDatabase;
import dev.assistant.db.testing.ScratchDatabaseExtension;
import dev.assistant.migrate.api.MigrationEngineException;
import dev.assistant.migrate.engine.DowngradeTarget;
import dev.assistant.migrate.engine.EngineSettings;
import dev.assistant.migrate.engine.MigrateTarget;
import dev.assistant.migrate.engine.MigrationEngine;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.hibernate.SessionFactory;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.tool.schema.spi.SchemaManagementToolCoordinator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every case of the corpus, applied the way a team would: the schema before with its rows, the generated migration
 * applied to it, the application's first inserts through Hibernate, the undo. Checked on each:
 * <ul>
 * <li>detected: autogenerate finds the expected operations (or nothing, where model and schema agree);</li>
 * <li>works on rows: the migration and its undo apply to tables that hold rows, which keep their values where they
 * should, and Hibernate's first inserts after the migration succeed (ids past the existing ones);</li>
 * <li>property 1: after the migration, a second autogenerate finds nothing;</li>
 * <li>property 2: after the undo the catalog is what it was, compared without column order (a column the undo
 * re-adds comes last, and that is reported), and pg_dump --schema-only is the same, or differs only in that order;</li>
 * <li>property 3: Hibernate's schema validation of the model passes against the migrated database;</li>
 * <li>Hibernate's own DDL for the model, run on an empty database, builds the same schema in meaning.</li>
 * </ul>
 * Autogenerate's difference is taken on the case's own database right after the migrations before it, which holds
 * exactly what a shadow replay of them would (the replay itself is covered by {@link OwnedSequencesIT} and the
 * plugin's invoker projects): the corpus spends its time on the properties, not on creating databases.
 * The results are written to {@code target/autogenerate-corpus.md}, the table docs/autogenerate.md shows, and each
 * case's generated scripts to {@code target/autogenerate-corpus/<case>/}.
 * {@code -Dcorpus.cases=<regex>} runs only the cases whose names match.
 */
class AutogenerateCorpusIT {

    @RegisterExtension
    static final ScratchDatabaseExtension DB = new ScratchDatabaseExtension();

    @TempDir
    static Path work;

    private static final List<CorpusReport.Result> RESULTS = Collections.synchronizedList(new ArrayList<>());
    private static ConnectionSettings hibernate;

    @TestFactory
    Stream<DynamicTest> everyCaseHoldsTheProperties() throws IOException, URISyntaxException, SQLException {
        Path corpus = Path.of(getClass().getClassLoader().getResource("autogenerate-corpus").toURI());
        List<CorpusCase> cases;
        try (Stream<Path> files = Files.list(corpus)) {
            cases = files.filter(file -> file.toString().endsWith(".case")).sorted().map(CorpusCase::read).toList();
        }
        String only = System.getProperty("corpus.cases");
        if (only == null) {
            assertThat(cases).as("corpus size").hasSizeGreaterThanOrEqualTo(80);
        } else {
            cases = cases.stream().filter(corpusCase -> corpusCase.name().matches(only)).toList();
        }
        Path compiled = work.resolve("compiled");
        CorpusCase.compileAll(cases, compiled, work.resolve("sources"));
        hibernate = auxiliary("h");
        return cases.stream().map(corpusCase -> DynamicTest.dynamicTest(corpusCase.name(),
                () -> run(corpusCase, compiled)));
    }

    @AfterAll
    static void writeReportAndDropTheHelpers() throws IOException, SQLException {
        try {
            Files.createDirectories(target());
            Files.writeString(target().resolve("autogenerate-corpus.md"), CorpusReport.markdown(RESULTS),
                    StandardCharsets.UTF_8);
        } finally {
            try (Connection connection = DB.database().connect(); Statement statement = connection.createStatement()) {
                if (hibernate != null) {
                    statement.execute("DROP DATABASE IF EXISTS " + SqlNames.quote(hibernate.database())
                            + " WITH (FORCE)");
                }
            }
        }
    }

    /** The module's build directory: the report, and each case's generated scripts for review. */
    private static Path target() {
        return Path.of(System.getProperty("basedir", ".")).resolve("target");
    }

    /** A database next to the scratch one, owned by its role, where Hibernate's own DDL runs (emptied each time). */
    private static ConnectionSettings auxiliary(String suffix) throws SQLException {
        ScratchDatabase database = DB.database();
        String name = database.name().replaceFirst("^(assistant_test_[a-z0-9]+)_", "$1_" + suffix + "_");
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + SqlNames.quote(name) + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + SqlNames.quote(name));
        }
        return database.settings().withDatabase(name);
    }

    private void run(CorpusCase corpusCase, Path compiled) throws Exception {
        CorpusReport.Result result = new CorpusReport.Result(corpusCase);
        RESULTS.add(result);
        ScratchDatabase database = DB.database();
        empty(database.settings());
        Path directory = work.resolve("cases").resolve(corpusCase.name());
        Path scripts = Files.createDirectories(directory.resolve("migrations"));
        Path classes = corpusCase.classesIn(compiled, directory.resolve("classes"));
        if (!corpusCase.before().isBlank()) {
            Files.writeString(scripts.resolve("V1__before.sql"), corpusCase.before() + "\n", StandardCharsets.UTF_8);
        }
        EngineSettings settings = ScratchMigrations.settings(database.settings(), scripts);
        new MigrationEngine(settings).migrate(MigrateTarget.latest(), false);
        List<List<List<String>>> rowsBefore = new ArrayList<>();
        for (CorpusCase.RowCheck check : corpusCase.rows()) {
            rowsBefore.add(query(database.settings(), check.before()));
        }
        RenameHints renames = RenameHints.parse(corpusCase.renames());

        try (ModelClasses model = ModelClasses.load(List.of(classes), List.of(), HINTS)) {
            SchemaSnapshot modelSchema = ModelSchemaReader.read(model);
            SchemaChanges changes = autogenerate(database.settings(), renames, modelSchema);
            List<String> found = changes.upgrade().stream().map(SchemaOperation::describe).toList();
            result.found(found, changes.warnings());
            if (corpusCase.expectsNothing()) {
                assertThat(found).as(corpusCase.name() + ": the model and the schema agree").isEmpty();
                result.detected = true;
                afterMigration(corpusCase, model, database, result);
                result.finish();
                assertThat(result.failures).as(corpusCase.name()).isEmpty();
                return;
            }
            assertThat(found).as(corpusCase.name() + ": operations found").isNotEmpty();
            for (String expected : corpusCase.expected()) {
                if (expected.startsWith("!")) {
                    assertThat(found).as(corpusCase.name() + ": no operation like '" + expected.substring(1) + "'")
                            .noneMatch(operation -> operation.contains(expected.substring(1)));
                } else {
                    assertThat(found).as(corpusCase.name() + ": expected an operation like '" + expected + "'")
                            .anyMatch(operation -> operation.contains(expected));
                }
            }
            for (String warning : corpusCase.warns()) {
                assertThat(changes.warnings()).as(corpusCase.name() + ": expected a warning like '" + warning + "'")
                        .anyMatch(line -> line.contains(warning));
            }
            result.detected = true;
            // the pairs create writes, numbered from 2 in the order they run
            List<MigrationStep> steps = MigrationStep.of(changes);
            StringBuilder upgrade = new StringBuilder();
            StringBuilder downgrade = new StringBuilder();
            Path kept = Files.createDirectories(target().resolve("autogenerate-corpus").resolve(corpusCase.name()));
            try (Stream<Path> old = Files.list(kept)) {
                for (Path file : old.toList()) {
                    Files.delete(file);
                }
            }
            for (int i = 0; i < steps.size(); i++) {
                MigrationStep step = steps.get(i);
                String name = (2 + i) + "__" + step.kind().slug("generated") + ".sql";
                String up = MigrationScripts.upgrade(corpusCase.name(), "U" + name, "the corpus model", step);
                String down = MigrationScripts.downgrade(corpusCase.name(), "V" + name, step);
                for (Path directoryOfScripts : List.of(scripts, kept)) {
                    Files.writeString(directoryOfScripts.resolve("V" + name), up);
                    Files.writeString(directoryOfScripts.resolve("U" + name), down);
                }
                upgrade.append(up);
                downgrade.append(down);
            }
            result.generated(upgrade.toString(), downgrade.toString());

            SchemaSnapshot before = snapshot(database.settings());
            Optional<String> dumpBefore = PgDump.schemaOnly(database.settings());
            try {
                // an engine reads its scripts once: this one sees the generated pair
                new MigrationEngine(settings).migrate(MigrateTarget.latest(), false);
            } catch (MigrationEngineException e) {
                result.failedOnRows("the migration fails: " + ReplayVerifier.briefly(e));
                result.finish();
                if (corpusCase.limit() != null) {
                    return;
                }
                throw e;
            }
            assertThat(corpusCase.limit()).as(corpusCase.name() + ": a stated limit that no longer fails").isNull();
            for (int i = 0; i < corpusCase.rows().size(); i++) {
                result.rowsAfter(i, Catalogs.sameRows(rowsBefore.get(i),
                        query(database.settings(), corpusCase.rows().get(i).after()), false));
            }
            SchemaChanges again = autogenerate(database.settings(), renames, modelSchema);
            result.p1 = again.upgrade().isEmpty();
            result.note(again.upgrade().stream().map(operation -> "after the migration still: "
                    + operation.describe()).toList());

            afterMigration(corpusCase, model, database, result);

            new MigrationEngine(settings).downgrade(DowngradeTarget.parse("-" + steps.size(), HINTS), false);
            SchemaSnapshot undone = snapshot(database.settings());
            result.p2Catalog(Catalogs.withoutColumnOrder(undone).equals(Catalogs.withoutColumnOrder(before)),
                    Catalogs.columnOrderChanges(before, undone), Catalogs.meaningDifferences(undone, before));
            if (dumpBefore.isPresent()) {
                String dumpUndone = PgDump.schemaOnly(database.settings()).orElseThrow();
                result.p2Dump(dumpUndone.equals(dumpBefore.get()), Catalogs.withoutColumnOrder(dumpUndone)
                        .equals(Catalogs.withoutColumnOrder(dumpBefore.get())));
            }
            for (int i = 0; i < corpusCase.rows().size(); i++) {
                CorpusCase.RowCheck check = corpusCase.rows().get(i);
                if (!check.undone().equals("-")) {
                    result.rowsUndone(i, Catalogs.sameRows(rowsBefore.get(i), query(database.settings(),
                            check.undone()), true));
                }
            }
            result.finish();
            assertThat(result.failures).as(corpusCase.name()).isEmpty();
        }
    }

    /** Property 3, the application's first inserts, and Hibernate's own DDL for the model, compared in meaning. */
    private static void afterMigration(CorpusCase corpusCase, ModelClasses model, ScratchDatabase database,
            CorpusReport.Result result) throws SQLException {
        SchemaSnapshot migrated = snapshot(database.settings());
        List<String> ownDdl = new ArrayList<>();
        try (Hibernate validated = validated(model, database.settings(), ownDdl)) {
            result.p3 = true;
            try {
                result.inserted = new FirstInserts(validated.factory()).run(model.annotatedClasses());
            } catch (RuntimeException | ReflectiveOperationException e) {
                result.insertsFailed(firstLine(e));
            }
        } catch (RuntimeException e) {
            result.p3 = false;
            result.note(List.of("Hibernate's validation: " + firstLine(e)));
        }
        empty(hibernate);
        try (Connection connection = connect(hibernate); Statement statement = connection.createStatement()) {
            for (String extension : migrated.extensions()) {
                statement.execute("CREATE EXTENSION IF NOT EXISTS " + SqlNames.quote(extension));
            }
            String failed = null;
            for (String command : ownDdl) {
                try {
                    statement.execute(command);
                } catch (SQLException e) {
                    failed = e.getMessage().lines().findFirst().orElse("") + " (" + command + ")";
                    break;
                }
            }
            result.hibernateDdl(failed == null ? Catalogs.meaningDifferences(migrated, snapshot(hibernate))
                    : List.of(), failed);
        }
    }

    private static SchemaChanges autogenerate(ConnectionSettings database, RenameHints renames, SchemaSnapshot model)
            throws SQLException {
        try (Connection connection = connect(database)) {
            return Autogenerator.diff(connection, model, renames, IgnoredObjects.NONE);
        }
    }

    private static String firstLine(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = String.valueOf(cause.getMessage());
        return message.lines().findFirst().orElse(message);
    }

    private static ConnectionSettings connection(ConnectionSettings database) {
        return ConnectionSettingsResolver.create().url(database.jdbcUrl()).user(database.user())
                .password(database.password()).environment(Map.of()).resolve();
    }

    private static Connection connect(ConnectionSettings settings) {
        return new dev.assistant.migrate.engine.Database(connection(settings), HINTS).connect();
    }

    private static SchemaSnapshot snapshot(ConnectionSettings settings) throws SQLException {
        try (Connection connection = connect(settings)) {
            return DatabaseSchemaReader.read(connection);
        }
    }

    /** Drops every schema, table, sequence and extension a case may have left, keeping an empty public schema. */
    private static void empty(ConnectionSettings settings) throws SQLException {
        try (Connection connection = connect(settings); Statement statement = connection.createStatement()) {
            List<String> drops = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("""
                    SELECT 'DROP EXTENSION IF EXISTS ' || quote_ident(extname) || ' CASCADE' FROM pg_extension
                    WHERE extname <> 'plpgsql'
                    UNION ALL
                    SELECT 'DROP SCHEMA IF EXISTS ' || quote_ident(nspname) || ' CASCADE' FROM pg_namespace
                    WHERE nspname NOT LIKE 'pg\\_%' AND nspname NOT IN ('information_schema', 'public')
                    """)) {
                while (rows.next()) {
                    drops.add(rows.getString(1));
                }
            }
            for (String drop : drops) {
                statement.execute(drop);
            }
            statement.execute("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
        }
    }

    private static List<List<String>> query(ConnectionSettings settings, String sql) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Connection connection = connect(settings); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(result.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** A session factory and its registry, closed together. */
    private record Hibernate(SessionFactory factory, StandardServiceRegistry registry) implements AutoCloseable {
        @Override
        public void close() {
            try {
                factory.close();
            } finally {
                StandardServiceRegistryBuilder.destroy(registry);
            }
        }
    }

    /**
     * Property 3: a session factory over the model that Hibernate validated against the database. Its metadata also
     * writes Hibernate's own DDL for the model into {@code ownDdl}, one command each.
     */
    private static Hibernate validated(ModelClasses model, ConnectionSettings database, List<String> ownDdl) {
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder(
                new BootstrapServiceRegistryBuilder().applyClassLoader(model.classLoader()).build())
                .applySetting(AvailableSettings.JAKARTA_JDBC_URL, database.jdbcUrl())
                .applySetting(AvailableSettings.JAKARTA_JDBC_USER, database.user())
                .applySetting(AvailableSettings.JAKARTA_JDBC_PASSWORD, database.password())
                .applySetting(AvailableSettings.HBM2DDL_AUTO, "validate")
                .build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            model.annotatedClasses().forEach(sources::addAnnotatedClass);
            Metadata metadata = sources.buildMetadata();
            StringWriter script = new StringWriter();
            Map<String, Object> scripts = new HashMap<>();
            scripts.put(AvailableSettings.JAKARTA_HBM2DDL_SCRIPTS_ACTION, "create");
            scripts.put(AvailableSettings.JAKARTA_HBM2DDL_SCRIPTS_CREATE_TARGET, script);
            scripts.put(AvailableSettings.HBM2DDL_CREATE_NAMESPACES, true);
            scripts.put(AvailableSettings.HBM2DDL_DELIMITER, ";");
            SchemaManagementToolCoordinator.process(metadata, registry, scripts, action -> { });
            script.toString().lines().map(String::strip).filter(line -> !line.isEmpty()).forEach(ownDdl::add);
            return new Hibernate(metadata.buildSessionFactory(), registry);
        } catch (RuntimeException e) {
            StandardServiceRegistryBuilder.destroy(registry);
            throw e;
        }
    }
}
