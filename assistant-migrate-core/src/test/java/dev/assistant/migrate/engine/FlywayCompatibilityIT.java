package dev.assistant.migrate.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assistant.db.config.ConnectionSettings;
import dev.assistant.migrate.api.MigrateResult;
import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.output.ValidateResult;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;
import org.junit.jupiter.api.Test;

/**
 * The engine applies migrations with its own loop, and writes the schema history as Flyway's migrate would: a plain
 * Flyway on the same database and scripts reads it as its own, row for row, and carries on from it.
 */
class FlywayCompatibilityIT extends EngineTestCase {

    private static final String LONG = "a_description_long_enough_to_be_cut_" + "x".repeat(190);

    /** A plain Flyway, configured as a team without this tool would: its defaults, the same scripts. */
    private Flyway plainFlyway(String schema) {
        ConnectionSettings settings = fixture.connection();
        var configuration = Flyway.configure()
                .dataSource(settings.jdbcUrl(), settings.user(), settings.password())
                .locations("filesystem:" + scripts);
        if (schema != null) {
            configuration.schemas(schema).defaultSchema(schema);
        }
        // Flyway's default lock holds a transaction open that CREATE INDEX CONCURRENTLY would wait for forever.
        configuration.getPluginRegister().getExact(PostgreSQLConfigurationExtension.class).setTransactionalLock(false);
        return configuration.load();
    }

    private void scriptsOfEveryKind() {
        fixture.write("V1__first.sql", "CREATE TABLE first (id integer PRIMARY KEY, name text);\n")
                .write("U1__first.sql", "DROP TABLE first;\n")
                .write("V1.1__seed.sql", "INSERT INTO first VALUES (1, 'a'), (2, 'b');\r\n")
                .write("U1.1__seed.sql", "DELETE FROM first;\n")
                .write("V2__index.sql", "CREATE INDEX CONCURRENTLY ix_first_name ON first (name);\n")
                .write("U2__index.sql", "DROP INDEX CONCURRENTLY ix_first_name;\n")
                .write("V3__" + LONG + ".sql", "-- placeholders as Flyway fills them\n"
                        + "COMMENT ON TABLE ${flyway:defaultSchema}.first IS 'by ${flyway:user}';\n")
                .write("U3__" + LONG + ".sql", "COMMENT ON TABLE first IS NULL;\n")
                .write("R__names.sql", "CREATE OR REPLACE VIEW names AS SELECT name FROM first;\n");
    }

    @Test
    void aPlainFlywayReadsTheHistoryAsItsOwnRowForRow() {
        scriptsOfEveryKind();
        MigrateResult result = fixture.engine().migrate(MigrateTarget.latest(), false);
        assertThat(result.applied()).extracting(MigrateResult.Applied::label)
                .hasSize(5).startsWith("V1 first", "V1.1 seed", "V2 index").endsWith("R names");

        Flyway flyway = plainFlyway(null);
        ValidateResult validation = flyway.validateWithResult();
        assertThat(validation.validationSuccessful).as(String.valueOf(validation.getAllErrorMessages())).isTrue();
        assertThat(Arrays.stream(flyway.info().all()).map(MigrationInfo::getState))
                .containsOnly(MigrationState.SUCCESS);
        assertThat(flyway.info().pending()).isEmpty();

        // The same scripts applied by Flyway itself, into a schema of their own: the same rows.
        fixture.execute("DROP SCHEMA IF EXISTS by_flyway CASCADE; CREATE SCHEMA by_flyway");
        plainFlyway("by_flyway").migrate();
        String columns = "installed_rank, version, description, type, script, checksum, installed_by, success";
        assertThat(fixture.strings("SELECT concat_ws('|', " + columns + ") FROM public.flyway_schema_history"
                + " ORDER BY installed_rank"))
                .hasSize(5)
                .isEqualTo(fixture.strings("SELECT concat_ws('|', " + columns + ") FROM by_flyway.flyway_schema_history"
                        + " WHERE type <> 'SCHEMA' ORDER BY installed_rank"));
        assertThat(fixture.strings("SELECT description FROM flyway_schema_history WHERE version = '3'"))
                .singleElement().satisfies(description -> assertThat(description).hasSize(200).endsWith("..."));
    }

    @Test
    void theHistoryTableIsDefinedAsFlywayDefinesIt() {
        fixture.table("1", "one");
        fixture.engine().migrate(MigrateTarget.latest(), false);
        fixture.execute("DROP SCHEMA IF EXISTS by_flyway CASCADE; CREATE SCHEMA by_flyway");
        plainFlyway("by_flyway").migrate();

        assertThat(definition("public")).isNotEmpty().isEqualTo(definition("by_flyway"));
    }

    private List<String> definition(String schema) {
        String table = "'" + schema + ".flyway_schema_history'::regclass";
        return fixture.strings("""
                SELECT 'column ' || attname || ' ' || format_type(atttypid, atttypmod) || ' ' || attnotnull || ' '
                       || coalesce(pg_get_expr(d.adbin, d.adrelid), '')
                FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                WHERE attrelid = %1$s AND attnum > 0 AND NOT attisdropped
                UNION ALL
                SELECT 'constraint ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint
                WHERE conrelid = %1$s
                UNION ALL
                SELECT 'index ' || replace(pg_get_indexdef(indexrelid), '%2$s.', '') FROM pg_index
                WHERE indrelid = %1$s
                ORDER BY 1""".formatted(table, schema));
    }

    @Test
    void flywayAndTheEngineCarryOnFromEachOther() {
        fixture.table("1", "one");
        plainFlyway(null).migrate();
        fixture.table("2", "two");

        assertThat(fixture.engine().migrate(MigrateTarget.latest(), false).applied()).hasSize(1);
        fixture.table("3", "three");
        assertThat(plainFlyway(null).migrate().migrationsExecuted).isEqualTo(1);
        fixture.table("4", "four");
        assertThat(fixture.engine().migrate(MigrateTarget.latest(), false).applied()).hasSize(1);

        assertThat(fixture.strings("SELECT installed_rank || ':' || version FROM flyway_schema_history"
                + " ORDER BY installed_rank")).containsExactly("1:1", "2:2", "3:3", "4:4");
        assertThat(fixture.engine().status().problems()).isEmpty();
        assertThat(plainFlyway(null).validateWithResult().validationSuccessful).isTrue();
    }

    @Test
    void aChangedRepeatableMigrationIsAppliedAgainAsFlywayWould() {
        fixture.table("1", "one").write("R__view.sql", "CREATE OR REPLACE VIEW v AS SELECT 1 AS n;\n");
        fixture.engine().migrate(MigrateTarget.latest(), false);
        fixture.write("R__view.sql", "CREATE OR REPLACE VIEW v AS SELECT 2 AS n;\n");

        assertThat(fixture.engine().migrate(MigrateTarget.latest(), false).applied())
                .extracting(MigrateResult.Applied::label).containsExactly("R view");

        assertThat(fixture.strings("SELECT n FROM v")).containsExactly("2");
        assertThat(fixture.historyVersions()).containsExactly("1", "R", "R");
        assertThat(plainFlyway(null).validateWithResult().validationSuccessful).isTrue();
        assertThat(fixture.engine().migrate(MigrateTarget.latest(), false).applied()).isEmpty();
    }
}
