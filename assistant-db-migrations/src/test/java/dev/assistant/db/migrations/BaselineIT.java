package dev.assistant.db.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assistant.db.model.AssistantEntities;
import dev.assistant.db.testing.ScratchDatabase;
import dev.assistant.db.testing.ScratchDatabaseExtension;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.tool.schema.spi.SchemaManagementException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The baseline creates exactly the schema the entity model expects, and its undo removes all of it. Each test starts
 * from an empty schema and runs what it needs itself.
 */
class BaselineIT {

    @RegisterExtension
    static final ScratchDatabaseExtension DB = new ScratchDatabaseExtension();

    @BeforeEach
    void emptySchema() throws SQLException {
        try (Connection connection = DB.database().connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
        }
    }

    @Test
    void theBaselineSatisfiesHibernatesSchemaValidation() throws Exception {
        ScratchDatabase database = DB.database();
        run(database, "db/migration/V1__baseline.sql");

        assertThat(tablesAndSequences(database))
                .contains("users", "user_settings", "third_party_accounts", "tasks", "countdowns");
        validateModelAgainst(database);
    }

    @Test
    void theUndoLeavesTheSchemaEmpty() throws Exception {
        ScratchDatabase database = DB.database();
        run(database, "db/migration/V1__baseline.sql");
        assertThat(tablesAndSequences(database)).as("the baseline, applied").isNotEmpty();

        run(database, "db/migration/U1__baseline.sql");

        assertThat(tablesAndSequences(database)).isEmpty();
        assertThatThrownBy(() -> validateModelAgainst(database))
                .as("validation must fail once the tables are gone")
                .isInstanceOf(SchemaManagementException.class)
                .hasMessageContaining("missing table");
    }

    private static void run(ScratchDatabase database, String script) throws IOException, SQLException {
        String sql;
        try (InputStream in = BaselineIT.class.getClassLoader().getResourceAsStream(script)) {
            assertThat(in).as(script + " on the test classpath").isNotNull();
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static List<String> tablesAndSequences(ScratchDatabase database) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("""
                        SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'S', 'v', 'm')
                        ORDER BY 1""")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    private static void validateModelAgainst(ScratchDatabase database) {
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder()
                .applySetting(AvailableSettings.JAKARTA_JDBC_URL, database.jdbcUrl())
                .applySetting(AvailableSettings.JAKARTA_JDBC_USER, database.user())
                .applySetting(AvailableSettings.JAKARTA_JDBC_PASSWORD, database.password())
                .applySetting(AvailableSettings.HBM2DDL_AUTO, "validate")
                .build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            AssistantEntities.ALL.forEach(sources::addAnnotatedClass);
            try (SessionFactory ignored = sources.buildMetadata().buildSessionFactory()) {
                // building the factory runs the validation
            }
        } finally {
            StandardServiceRegistryBuilder.destroy(registry);
        }
    }
}
