package dev.assistant.migrate.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assistant.db.config.ConnectionSettings;
import dev.assistant.db.testing.ScratchDatabase;
import dev.assistant.db.testing.ScratchDatabaseExtension;
import dev.assistant.migrate.it.MavenRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A .env written as python-dotenv and docker compose accept it — saved with a byte order mark and Windows line ends,
 * {@code export} and a tab, values in quotes, a comment after a value — connects as written.
 */
class DotenvIT {

    @RegisterExtension
    static final ScratchDatabaseExtension DB = new ScratchDatabaseExtension();

    @TempDir
    Path work;

    @Test
    void aDotenvInTheCommonDialectConnects() throws Exception {
        ScratchDatabase database = DB.database();
        ConnectionSettings settings = database.settings();
        Path project = MavenRun.project(work.resolve("project"));
        Files.writeString(project.resolve("src/main/resources/db/migration/V1__first.sql"),
                "CREATE TABLE first (id integer PRIMARY KEY);\n", StandardCharsets.UTF_8);
        String dotenv = "\uFEFF# written on Windows\r\n"
                + "export\tPOSTGRES_HOST='" + settings.host() + "'\r\n"
                + "export POSTGRES_PORT=" + settings.port() + " # the port\r\n"
                + "POSTGRES_DB='" + database.name() + "'\r\n"
                + "POSTGRES_USER=\"" + database.user() + "\"\r\n"
                + "POSTGRES_PASSWORD='" + database.password() + "'\r\n";
        Files.writeString(project.resolve(".env"), dotenv, StandardCharsets.UTF_8);

        MavenRun.Result migrate = MavenRun.in(project).run("assistant-migrate:migrate");

        assertThat(migrate.failed()).as(migrate.output()).isFalse();
        assertThat(migrate.output()).contains("Applied V1 first")
                .contains("postgresql://" + database.user() + ":****@" + settings.host() + ":" + settings.port() + "/"
                        + database.name())
                .doesNotContain(database.password());
    }
}
