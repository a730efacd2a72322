package dev.assistant.migrate.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assistant.db.testing.ScratchDatabase;
import dev.assistant.db.testing.ScratchDatabaseExtension;
import dev.assistant.migrate.it.MavenRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Credentials from a settings.xml server named by assistant.serverId, with the password encrypted as Maven does it. */
class ServerIdIT {

    @RegisterExtension
    static final ScratchDatabaseExtension DB = new ScratchDatabaseExtension();

    @TempDir
    Path work;

    private static final Pattern ENCRYPTED = Pattern.compile("\\{[^}\\s]+}");

    @Test
    void aServerWithAnEncryptedPasswordGivesTheCredentials() throws Exception {
        ScratchDatabase database = DB.database();
        Path project = MavenRun.project(work.resolve("project"));
        Files.writeString(project.resolve("src/main/resources/db/migration/V1__first.sql"),
                "CREATE TABLE first (id integer PRIMARY KEY);\n", StandardCharsets.UTF_8);
        Files.writeString(project.resolve("src/main/resources/db/migration/U1__first.sql"),
                "DROP TABLE first;\n", StandardCharsets.UTF_8);

        Path security = work.resolve("settings-security.xml");
        String master = encrypted(MavenRun.in(project).run("--encrypt-master-password", "Master-9x"));
        Files.writeString(security, "<settingsSecurity><master>" + master + "</master></settingsSecurity>\n");
        String password = encrypted(MavenRun.in(project).run("-Dsettings.security=" + security,
                "--encrypt-password", database.password()));
        String server = "<servers><server><id>assistant-db</id><username>" + database.user() + "</username>"
                + "<password>" + password + "</password></server></servers>";
        String url = "postgresql://" + database.settings().host() + ":" + database.settings().port() + "/"
                + database.name();

        MavenRun.Result migrate = MavenRun.in(project).settings(server).run("assistant-migrate:migrate",
                "-Dsettings.security=" + security, "-Dassistant.serverId=assistant-db", "-Dassistant.url=" + url, "-X");

        assertThat(migrate.failed()).as(migrate.output()).isFalse();
        assertThat(migrate.output()).contains("Applied V1 first").doesNotContain(database.password());

        MavenRun.Result unknown = MavenRun.in(project).settings(server).run("assistant-migrate:status",
                "-Dassistant.serverId=no-such-server", "-Dassistant.url=" + url);
        assertThat(unknown.failureMessage()).contains("settings.xml has no <server> with id 'no-such-server'");
    }

    private static String encrypted(MavenRun.Result result) {
        Matcher matcher = ENCRYPTED.matcher(result.output());
        if (!matcher.find()) {
            throw new AssertionError("no encrypted value in: " + result.output());
        }
        return matcher.group();
    }
}
