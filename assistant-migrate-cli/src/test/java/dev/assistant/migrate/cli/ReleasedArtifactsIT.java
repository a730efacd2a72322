package dev.assistant.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assistant.db.testing.Jdbc;
import dev.assistant.db.testing.ScratchDatabase;
import dev.assistant.db.testing.ScratchDatabaseExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Production without a checkout: the tool's jar and the released migrations jar on one class path, started by the
 * main class, in a directory that holds nothing, configured by the environment alone.
 */
class ReleasedArtifactsIT {

    @RegisterExtension
    static final ScratchDatabaseExtension DB = new ScratchDatabaseExtension();

    @TempDir
    Path emptyDirectory;

    @Test
    void migratesFromTheMigrationsJarOnTheClassPath() {
        ScratchDatabase database = DB.database();
        CliProcess cli = CliProcess.in(emptyDirectory).withOnClassPath(CliProcess.migrationsJar())
                .env("POSTGRES_HOST", database.settings().host())
                .env("POSTGRES_PORT", Integer.toString(database.settings().port()))
                .env("POSTGRES_DB", database.name())
                .env("POSTGRES_USER", database.user())
                .env("POSTGRES_PASSWORD", database.password())
                .secret(database.password());

        CliProcess.Result apply = cli.run("apply");
        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        assertThat(apply.err()).contains(" from classpath:db/migration", "Applied V1 baseline (");
        assertThat(Jdbc.strings(database.settings(), "SELECT version FROM flyway_schema_history"))
                .containsExactly("1");
        assertThat(Jdbc.strings(database.settings(), "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
                + " ORDER BY 1")).contains("users", "user_settings", "third_party_accounts", "tasks", "countdowns");

        CliProcess.Result current = cli.run("current");
        assertThat(current.exitCode()).as(current.toString()).isZero();
        assertThat(current.out()).contains("Scripts:  classpath:db/migration", "Current:  version 1 (baseline)",
                "Up to date.");
    }
}
