package dev.assistant.db.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DotenvFileTest {

    @TempDir
    Path project;

    private Path write(String content) throws IOException {
        return Files.writeString(project.resolve(".env"), content);
    }

    @Test
    void readsOnlyTheDeclaredVariables() throws IOException {
        write("""
                # the local database
                POSTGRES_USER=alice
                POSTGRES_PASSWORD="with # hash"

                DATABASE_URL=postgresql://a:b@h/db  # trailing comment
                """);
        DotenvFile file = DotenvFile.read(project.resolve(".env"));
        assertThat(file.variables())
                .containsEntry("POSTGRES_USER", "alice")
                .containsEntry("POSTGRES_PASSWORD", "with # hash")
                .containsEntry("DATABASE_URL", "postgresql://a:b@h/db")
                .doesNotContainKey("PATH");
    }

    @Test
    void aMissingFileHasNoVariables() {
        assertThat(DotenvFile.read(project.resolve(".env")).variables()).isEmpty();
    }

    @Test
    void aMalformedLineIsNamedByFileAndLineWithoutItsContent() throws IOException {
        Path env = write("""
                POSTGRES_USER=alice
                # fine
                this line has no equals sign and mentions hunter2
                POSTGRES_PASSWORD=x
                """);
        assertThatThrownBy(() -> DotenvFile.read(env))
                .isInstanceOf(InvalidConnectionSettingsException.class)
                .hasMessageStartingWith(env.toAbsolutePath() + ":3: malformed line in .env")
                .hasMessageContaining("expected KEY=value")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void anExportPrefixGetsItsOwnHint() throws IOException {
        Path env = write("POSTGRES_USER=alice\nexport POSTGRES_PASSWORD=hunter2\n");
        assertThatThrownBy(() -> DotenvFile.read(env))
                .hasMessageContaining(":2: malformed line")
                .hasMessageContaining("remove the `export` prefix")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void anUnmatchedQuoteIsMalformed() throws IOException {
        Path env = write("POSTGRES_USER=alice\nPOSTGRES_PASSWORD=\"hunter2\" tail\"\n");
        assertThatThrownBy(() -> DotenvFile.read(env))
                .isInstanceOf(InvalidConnectionSettingsException.class)
                .hasMessageContaining("malformed line in .env")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void theResolverReportsTheFileToo() throws IOException {
        write("garbage\n");
        assertThatThrownBy(() -> ConnectionSettingsResolver.create().environment(java.util.Map.of())
                .dotenvDirectory(project).resolve())
                .hasMessageContaining(project.resolve(".env").toAbsolutePath() + ":1");
    }
}
