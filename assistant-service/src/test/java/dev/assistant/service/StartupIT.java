package dev.assistant.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assistant.db.testing.ScratchDatabase;
import dev.assistant.db.testing.ScratchDatabaseExtension;
import dev.assistant.service.testing.MigratedDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Start-up checks the database before the first query: behind on migrations, or off the model, it refuses. */
class StartupIT {

    @RegisterExtension
    static final ScratchDatabaseExtension SCRATCH = new ScratchDatabaseExtension();

    @Test
    void startsOnTheMigratedDatabase() {
        try (AssistantDataLayer data = AssistantDataLayer.start(MigratedDatabase.settings(), 1)) {
            assertThat(data.users().findById(Integer.MAX_VALUE)).isEmpty();
        }
    }

    @Test
    void refusesADatabaseWithAPendingMigrationNamingItAndTheFix() {
        ScratchDatabase empty = SCRATCH.database();

        assertThatThrownBy(() -> AssistantDataLayer.start(empty.settings(), 1))
                .isInstanceOfSatisfying(DatabaseNotReadyException.class,
                        e -> assertThat(e.pendingVersions()).containsExactly("1"))
                .hasMessageContaining("1 migration is pending (1)")
                .hasMessageContaining("make migrate")
                .hasMessageContaining("java -jar assistant-migrate-cli.jar apply")
                .hasMessageNotContaining(":" + empty.password() + "@");
    }

    @Test
    void refusesASchemaThatDoesNotMatchTheModel() throws Exception {
        try (ScratchDatabase drifted = SCRATCH.database().server().createScratch("drifted")) {
            try (Connection connection = drifted.connect(); Statement statement = connection.createStatement()) {
                statement.execute(resource("db/migration/V1__baseline.sql"));
                statement.execute("""
                        CREATE TABLE flyway_schema_history (installed_rank integer PRIMARY KEY,
                            version varchar(50), description varchar(200) NOT NULL, type varchar(20) NOT NULL,
                            script varchar(1000) NOT NULL, checksum integer, installed_by varchar(100) NOT NULL,
                            installed_on timestamp NOT NULL DEFAULT now(), execution_time integer NOT NULL,
                            success boolean NOT NULL);
                        INSERT INTO flyway_schema_history VALUES
                            (1, '1', 'baseline', 'SQL', 'V1__baseline.sql', 0, 'test', now(), 1, true);
                        ALTER TABLE countdowns DROP COLUMN event_time;
                        """);
            }

            assertThatThrownBy(() -> AssistantDataLayer.start(drifted.settings(), 1))
                    .isInstanceOf(DatabaseNotReadyException.class)
                    .hasMessageContaining("does not match the entity model")
                    .hasMessageContaining("event_time")
                    .hasMessageContaining("make migration MESSAGE=");
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = StartupIT.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
