package dev.assistant.migrate.schema;

import static dev.assistant.migrate.engine.TestHints.HINTS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assistant.db.config.ConnectionSettings;
import dev.assistant.db.config.ConnectionSettingsResolver;
import dev.assistant.db.testing.ScratchDatabase;
import dev.assistant.db.testing.ScratchDatabaseExtension;
import dev.assistant.migrate.api.EngineLog;
import dev.assistant.migrate.api.ScriptLocation;
import dev.assistant.migrate.api.Workspace;
import dev.assistant.migrate.engine.DowngradeTarget;
import dev.assistant.migrate.engine.EngineSettings;
import dev.assistant.migrate.engine.MigrateTarget;
import dev.assistant.migrate.engine.MigrationEngine;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three properties of autogenerate, on every case of the corpus: (1) after applying the generated migration a
 * second autogenerate finds nothing; (2) applying the generated undo returns the schema to exactly what it was
 * (catalog snapshot, and pg_dump --schema-only where pg_dump is installed); (3) Hibernate's schema validation of the
 * model passes against the migrated database. Each case also names operations autogenerate must find.
 */
class AutogenerateCorpusIT {

    @RegisterExtension
    static final ScratchDatabaseExtension DB = new ScratchDatabaseExtension();

    @TempDir
    static Path work;

    @TestFactory
    Stream<DynamicTest> everyCaseHoldsTheThreeProperties() throws IOException, URISyntaxException {
        Path corpus = Path.of(getClass().getClassLoader().getResource("autogenerate-corpus").toURI());
        List<Path> cases;
        try (Stream<Path> files = Files.list(corpus)) {
            cases = files.filter(file -> file.toString().endsWith(".case")).sorted().toList();
        }
        assertThat(cases).as("corpus size").hasSizeGreaterThanOrEqualTo(30);
        return cases.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(),
                () -> run(CorpusCase.read(file))));
    }

    private void run(CorpusCase corpusCase) throws Exception {
        ScratchDatabase database = DB.database();
        execute(database, "DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
        Path scripts = Files.createDirectories(work.resolve(corpusCase.name()).resolve("migrations"));
        Path classes = work.resolve(corpusCase.name()).resolve("classes");
        corpusCase.compileModel(classes);
        if (!corpusCase.before().isBlank()) {
            Files.writeString(scripts.resolve("V1__before.sql"), corpusCase.before() + "\n", StandardCharsets.UTF_8);
        }
        Workspace workspace = new Workspace(connection(database), List.of(new ScriptLocation.Directory(scripts)));
        engine(workspace).migrate(MigrateTarget.latest(), false);

        try (ModelClasses model = ModelClasses.load(List.of(classes), List.of(), HINTS)) {
            SchemaChanges changes = new Autogenerator(engine(workspace), null).diff(model);
            List<String> found = changes.upgrade().stream().map(SchemaOperation::describe).toList();
            assertThat(found).as(corpusCase.name() + ": operations found").isNotEmpty();
            for (String expected : corpusCase.expected()) {
                assertThat(found).as(corpusCase.name() + ": expected an operation like '" + expected + "'")
                        .anyMatch(operation -> operation.contains(expected));
            }
            Files.writeString(scripts.resolve("V2__generated.sql"),
                    MigrationScripts.upgrade(corpusCase.name(), "U2__generated.sql", classes.toString(), changes));
            Files.writeString(scripts.resolve("U2__generated.sql"),
                    MigrationScripts.downgrade(corpusCase.name(), "V2__generated.sql", changes));

            SchemaSnapshot before = snapshot(database);
            Optional<String> dumpBefore = PgDump.schemaOnly(database.settings());

            engine(workspace).migrate(MigrateTarget.latest(), false);
            SchemaChanges again = new Autogenerator(engine(workspace), null).diff(model);
            assertThat(again.upgrade()).as(corpusCase.name() + ": property 1, a second autogenerate finds nothing")
                    .isEmpty();
            validateWithHibernate(model, database);

            engine(workspace).downgrade(DowngradeTarget.parse("-1", HINTS), false);
            assertThat(snapshot(database)).as(corpusCase.name() + ": property 2, the undo restores the schema")
                    .isEqualTo(before);
            if (dumpBefore.isPresent()) {
                assertThat(PgDump.schemaOnly(database.settings())).as(corpusCase.name()
                        + ": property 2, pg_dump --schema-only is the same").contains(dumpBefore.get());
            }
        }
    }

    /** An engine for one step: each reads the scripts as they are now. */
    private static MigrationEngine engine(Workspace workspace) {
        return new MigrationEngine(new EngineSettings(workspace, Duration.ofSeconds(30), EngineLog.SILENT, HINTS));
    }

    private static ConnectionSettings connection(ScratchDatabase database) {
        return ConnectionSettingsResolver.create().url(database.jdbcUrl()).user(database.user())
                .password(database.password()).environment(Map.of()).resolve();
    }

    private static SchemaSnapshot snapshot(ScratchDatabase database) throws SQLException {
        try (Connection connection = database.connect()) {
            return DatabaseSchemaReader.read(connection);
        }
    }

    private static void execute(ScratchDatabase database, String sql) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Property 3: what Hibernate itself says about the migrated schema. */
    private static void validateWithHibernate(ModelClasses model, ScratchDatabase database) {
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
            try (SessionFactory ignored = sources.buildMetadata().buildSessionFactory()) {
                // building the factory is the validation
            }
        } finally {
            StandardServiceRegistryBuilder.destroy(registry);
        }
    }
}
