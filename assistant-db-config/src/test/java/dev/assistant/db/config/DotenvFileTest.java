package dev.assistant.db.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Nested;
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

    /** What python-dotenv and docker compose accept, read as they read it. */
    @Nested
    class Conventions {

        @Test
        void anExportPrefixWithSpaceOrTabIsAccepted() throws IOException {
            Path env = write("export POSTGRES_USER=alice\nexport\tPOSTGRES_PASSWORD=hunter2\n");
            assertThat(DotenvFile.read(env).variables())
                    .containsEntry("POSTGRES_USER", "alice").containsEntry("POSTGRES_PASSWORD", "hunter2");
        }

        @Test
        void singleQuotesAreRemovedAndTheirContentTakenLiterally() throws IOException {
            Path env = write("POSTGRES_PASSWORD='se cr#et\\n$x'\nPOSTGRES_USER=''\nPOSTGRES_DB='it\\'s' # db\n");
            assertThat(DotenvFile.read(env).variables())
                    .containsEntry("POSTGRES_PASSWORD", "se cr#et\\n$x")
                    .containsEntry("POSTGRES_USER", "")
                    .containsEntry("POSTGRES_DB", "it's");
        }

        @Test
        void doubleQuotesUnescapeAndMaySpanLines() throws IOException {
            Path env = write("A=\"say \\\"hi\\\"\\n\"\nB=\"two\nlines\"\nC=\"\"\n");
            assertThat(DotenvFile.read(env).variables())
                    .containsEntry("A", "say \"hi\"\n").containsEntry("B", "two\nlines").containsEntry("C", "");
        }

        @Test
        void aHashStartsACommentOnlyAfterWhitespace() throws IOException {
            Path env = write("POSTGRES_PASSWORD=abc#def\nPOSTGRES_USER=alice # the user\nPOSTGRES_DB= # none\n");
            assertThat(DotenvFile.read(env).variables())
                    .containsEntry("POSTGRES_PASSWORD", "abc#def")
                    .containsEntry("POSTGRES_USER", "alice")
                    .containsEntry("POSTGRES_DB", "");
        }

        @Test
        void aUtf8ByteOrderMarkIsSkipped() throws IOException {
            Path env = project.resolve(".env");
            Files.write(env, ("\uFEFFDATABASE_URL=postgresql://a:b@h/db\r\nPOSTGRES_USER=alice\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            assertThat(DotenvFile.read(env).variables())
                    .containsEntry("DATABASE_URL", "postgresql://a:b@h/db").containsEntry("POSTGRES_USER", "alice");
        }

        @Test
        void aKeyWithoutValueIsDeclaredButSetsNothing() throws IOException {
            Path env = write("POSTGRES_USER\nPOSTGRES_DB=db\n");
            assertThat(DotenvFile.read(env).variables()).containsOnlyKeys("POSTGRES_DB");
        }

        @Test
        void theSameValueTwiceIsFine() throws IOException {
            Path env = write("POSTGRES_USER=alice\nPOSTGRES_USER=\"alice\"\n");
            assertThat(DotenvFile.read(env).variables()).containsEntry("POSTGRES_USER", "alice");
        }
    }

    /** What would be read differently than written, or not at all: an error naming file and line, never the value. */
    @Nested
    class Refused {

        @Test
        void aQuoteThatIsNeverClosed() throws IOException {
            for (String quote : new String[] {"\"", "'"}) {
                Path env = write("POSTGRES_USER=alice\nPOSTGRES_PASSWORD=" + quote + "hunter2\nPOSTGRES_DB=db\n");
                assertThatThrownBy(() -> DotenvFile.read(env)).as(quote)
                        .isInstanceOf(InvalidConnectionSettingsException.class)
                        .hasMessageStartingWith(env.toAbsolutePath() + ":2: ")
                        .hasMessageContaining("POSTGRES_PASSWORD")
                        .hasMessageContaining("never closed")
                        .hasMessageNotContaining("hunter2");
            }
        }

        @Test
        void textAfterTheClosingQuote() throws IOException {
            Path env = write("POSTGRES_USER=alice\nPOSTGRES_PASSWORD=\"hunter2\"tail\n");
            assertThatThrownBy(() -> DotenvFile.read(env))
                    .hasMessageStartingWith(env.toAbsolutePath() + ":2: ")
                    .hasMessageContaining("after the closing quote")
                    .hasMessageNotContaining("hunter2")
                    .hasMessageNotContaining("tail");
        }

        @Test
        void aDirectoryNamedDotenv() throws IOException {
            Path env = Files.createDirectory(project.resolve(".env"));
            assertThatThrownBy(() -> DotenvFile.read(env))
                    .isInstanceOf(InvalidConnectionSettingsException.class)
                    .hasMessageStartingWith(env.toAbsolutePath() + " is a directory");
        }

        @Test
        void aLinkToNothing() throws IOException {
            Path env = Files.createSymbolicLink(project.resolve(".env"), project.resolve("gone.env"));
            assertThatThrownBy(() -> DotenvFile.read(env))
                    .isInstanceOf(InvalidConnectionSettingsException.class)
                    .hasMessageContaining("gone.env")
                    .hasMessageContaining("does not exist");
        }

        @Test
        void aConnectionKeySetTwiceToDifferentValues() throws IOException {
            Path env = write("POSTGRES_PASSWORD=hunter2\nPOSTGRES_USER=alice\nPOSTGRES_PASSWORD=hunter3\n");
            assertThatThrownBy(() -> ConnectionSettingsResolver.create().environment(Map.of())
                    .dotenvDirectory(project).resolve())
                    .isInstanceOf(InvalidConnectionSettingsException.class)
                    .hasMessageContaining(env.toAbsolutePath().toString())
                    .hasMessageContaining("POSTGRES_PASSWORD is set on lines 1 and 3")
                    .hasMessageNotContaining("hunter");
        }

        @Test
        void otherKeysSetTwiceAreNotOurs() throws IOException {
            write("SOMETHING_ELSE=1\nSOMETHING_ELSE=2\nPOSTGRES_USER=alice\n");
            assertThat(ConnectionSettingsResolver.create().environment(Map.of()).dotenvDirectory(project).resolve()
                    .user()).isEqualTo("alice");
        }

        @Test
        void invalidUtf8() throws IOException {
            Path env = project.resolve(".env");
            Files.write(env, new byte[] {'A', '=', '1', '\n', 'B', '=', (byte) 0xE9, '\n'});
            assertThatThrownBy(() -> DotenvFile.read(env))
                    .hasMessageStartingWith(env.toAbsolutePath() + ":2: ")
                    .hasMessageContaining("UTF-8");
        }
    }

    /** The example the README tells people to copy is itself a valid .env. */
    @Test
    void theProjectsExampleIsRead() {
        Path example = Path.of("..", ".env.example");
        assertThat(example).exists();
        assertThat(DotenvFile.read(example).variables())
                .containsEntry("DATABASE_URL", "postgresql://temporal:temporal@postgresql:5432/the_assistant");
    }

    @Test
    void theResolverReportsTheFileToo() throws IOException {
        write("garbage here\n");
        assertThatThrownBy(() -> ConnectionSettingsResolver.create().environment(java.util.Map.of())
                .dotenvDirectory(project).resolve())
                .hasMessageContaining(project.resolve(".env").toAbsolutePath() + ":1");
    }
}
