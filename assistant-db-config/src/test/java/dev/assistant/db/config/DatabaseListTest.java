package dev.assistant.db.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The databases of a fleet: read, each resolved by the one rule, every bad one reported at once and masked. */
class DatabaseListTest {

    @TempDir
    Path directory;

    private final ConnectionSettingsResolver resolver = ConnectionSettingsResolver.create().environment(Map.of())
            .user("shared").password("shared-secret");

    @Test
    void aFileSkipsBlankAndCommentLinesAndEachUrlKeepsItsOwnCredentials() throws IOException {
        Path file = directory.resolve("fleet.txt");
        Files.writeString(file, "# tenants\npostgresql://db1:5432/tenant_1\n\n  postgresql://own:own-secret@db2/tenant_2"
                + "  \njdbc:postgresql://db3/tenant_3?user=param&password=param-secret\n");

        List<ConnectionSettings> databases = DatabaseList.read(file, "-Dassistant.urlsFile").resolve(resolver);

        assertThat(databases).extracting(ConnectionSettings::location).containsExactly(
                "postgresql://db1:5432/tenant_1", "postgresql://db2:5432/tenant_2", "postgresql://db3:5432/tenant_3");
        assertThat(databases).extracting(ConnectionSettings::user).containsExactly("shared", "own", "param");
        assertThat(databases).extracting(ConnectionSettings::password)
                .containsExactly("shared-secret", "own-secret", "param-secret");
    }

    @Test
    void aCommaSeparatedList() {
        List<ConnectionSettings> databases = DatabaseList.of("postgresql://db1/a, postgresql://db1/b,",
                "-Dassistant.urls").resolve(resolver);

        assertThat(databases).extracting(ConnectionSettings::database).containsExactly("a", "b");
        assertThat(DatabaseList.of("postgresql://u@db1/a", "--urls").carriesPasswords()).isFalse();
        assertThat(DatabaseList.of("postgresql://u@db1/a,postgresql://u:pw@db1/b", "--urls").carriesPasswords())
                .isTrue();
        assertThat(DatabaseList.of("postgresql://db1/a?password=pw", "--urls").carriesPasswords()).isTrue();
    }

    @Test
    void everyBadLineIsNamedAtOnceWithItsLineAndNoPassword() throws IOException {
        Path file = directory.resolve("fleet.txt");
        Files.writeString(file, "postgresql://db1/a\nmysql://u:hunter2@db1/b\n# fine\npostgresql://db1/a\n"
                + "postgresql://u:hunter2@db1:99999/c\n");

        assertThatThrownBy(() -> DatabaseList.read(file, "-Dassistant.urlsFile").resolve(resolver))
                .isInstanceOf(InvalidConnectionSettingsException.class)
                .hasMessageStartingWith("3 entries of the list of databases " + file
                        + " (-Dassistant.urlsFile) cannot be used; nothing was run:")
                .hasMessageContaining("fleet.txt line 2")
                .hasMessageContaining("fleet.txt line 4 names postgresql://db1:5432/a again, as fleet.txt line 1 did")
                .hasMessageContaining("fleet.txt line 5")
                .message().doesNotContain("hunter2");
    }

    @Test
    void anEmptyListOrAMissingFileIsRefused() {
        assertThatThrownBy(() -> DatabaseList.of(" , ", "-Dassistant.urls").resolve(resolver))
                .hasMessageStartingWith("The list of databases -Dassistant.urls names none.");
        assertThatThrownBy(() -> DatabaseList.read(directory.resolve("none.txt"), "--urls-file"))
                .hasMessageContaining("does not exist");
    }
}
