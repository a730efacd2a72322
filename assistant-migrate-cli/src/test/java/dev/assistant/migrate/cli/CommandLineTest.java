package dev.assistant.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The command line without a database: help, versions, and every input that is refused before anything connects,
 * each with its exit code, its message on standard error, nothing on standard output, and no password repeated.
 */
class CommandLineTest {

    private static final String SECRET = "S3cretPw9x";

    @TempDir
    Path work;

    private Path migrations;

    @BeforeEach
    void migrationsDirectory() throws IOException {
        migrations = Files.createDirectories(work.resolve("src/main/resources/db/migration"));
        Files.writeString(migrations.resolve("V1__one.sql"), "CREATE TABLE one (id integer);\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"apply", "migrate", "current", "status", "history", "downgrade", "create", "check"})
    void everyCommandHasHelpOnStandardOutput(String command) {
        InProcess.Result result = InProcess.run(work, command, "--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out()).contains("Usage: assistant-migrate ", "Options:", "--url=<url>", "--user=<user>",
                        "--password-file=<file>", "--local", "--env-file=<file>", "--locations=<location>", "--quiet",
                        "--verbose", "--help", "Exit codes:")
                .doesNotContain("--password=", "--password ");
    }

    @Test
    void eachCommandsHelpNamesItsOwnOptions() {
        assertThat(InProcess.run(work, "apply", "--help").out())
                .contains("--target=<version>", "--dry-run", "--lock-timeout=<seconds>", "default: 60");
        assertThat(InProcess.run(work, "current", "--help").out()).contains("--format=<format>", "exits 0");
        assertThat(InProcess.run(work, "history", "--help").out()).contains("--format=<format>");
        assertThat(InProcess.run(work, "downgrade", "--help").out())
                .contains("<target>", "-N (undo the last N migrations)", "--dry-run", "--lock-timeout=<seconds>");
        assertThat(InProcess.run(work, "create", "--help").out())
                .contains("--message=<message>", "--autogenerate", "--model=<dir or jar>", "--shadow-url=<url>",
                        "--renames=<old->new>", "--naming-strategy=<strategy>", "--ignore=<pattern>");
        assertThat(InProcess.run(work, "check", "--help").out()).contains("--model=<dir or jar>", "--shadow-url=<url>",
                "--renames=<old->new>", "--naming-strategy=<strategy>", "--ignore=<pattern>");
        assertThat(InProcess.run(work, "help", "downgrade").out()).contains("Usage: assistant-migrate downgrade");
    }

    @Test
    void aloneItListsTheCommandsAndTheExitCodes() {
        InProcess.Result help = InProcess.run(work, "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("apply, migrate", "current, status", "history", "downgrade", "create", "check",
                "0   Done", "1   Problems found", "2   The command line is wrong", "3   Could not run");

        InProcess.Result bare = InProcess.run(work);
        assertThat(bare.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(bare.out()).isEmpty();
        assertThat(bare.err()).startsWith("Usage: assistant-migrate").contains("apply, migrate");
    }

    @Test
    void versionNamesTheToolAndTheJava() {
        InProcess.Result result = InProcess.run(work, "--version");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("assistant-migrate ").contains("Java " + Runtime.version());
    }

    static Stream<Arguments> usageErrors() {
        return Stream.of(
                Arguments.of(List.of("apply", "--bogus"), "Unknown option: --bogus"),
                Arguments.of(List.of("aply"), "Unknown command: 'aply'\nDid you mean: apply?"),
                Arguments.of(List.of("downgrade"), "Missing required parameter: '<target>'"),
                Arguments.of(List.of("downgrade", "-1", "-2"), "Unexpected argument: '-2'"),
                Arguments.of(List.of("create"), "Missing required option: '--message=<message>'"),
                Arguments.of(List.of("current", "--format", "xml"), "'xml' is not a format: use text (the default) or"
                        + " json."),
                Arguments.of(List.of("apply", "--lock-timeout", "-5"), "'-5' is not a number of seconds"),
                Arguments.of(List.of("apply", "--lock-timeout", "soon"), "'soon' is not a number of seconds"),
                Arguments.of(List.of("apply", "-q", "-v"), "--quiet, --verbose are mutually exclusive"),
                Arguments.of(List.of("current", "--password-file", "missing.txt"),
                        "--password-file " + "missing.txt: there is no such file"),
                Arguments.of(List.of("current", "--env-file", "production.env"),
                        "--env-file production.env: there is no such file"),
                Arguments.of(List.of("current", "--locations", ","), "--locations names no location"),
                Arguments.of(List.of("apply", "--password", SECRET), "--password is not accepted: on a command line"
                        + " every user of this machine can read the password (ps)"),
                Arguments.of(List.of("apply", "--password=" + SECRET), "--password is not accepted"),
                Arguments.of(List.of("apply", "--passwd", SECRET),
                        "Unknown option: --passwd (a value, not shown)\nDid you mean: --password-file"),
                Arguments.of(List.of("apply", "-p", SECRET), "Unknown option: -p (a value, not shown)"),
                Arguments.of(List.of("apply", "--pw=" + SECRET), "Unknown option: --pw=(not shown)"),
                Arguments.of(List.of("apply", "--url", "postgresql://u:" + SECRET + "@h/db", "--bogus"),
                        "Unknown option: --bogus"),
                Arguments.of(List.of("apply", "--lock-timeout", "x", "--url=postgresql://u:" + SECRET + "@h/db"),
                        "'x' is not a number of seconds"),
                Arguments.of(List.of("apply", "--urls", "postgresql://u:" + SECRET + "@h/a", "--urls-file", "f.txt"),
                        "--urls and --urls-file both name databases; give one of the two."),
                Arguments.of(List.of("current", "--urls", "postgresql://h/a", "--url", "postgresql://h/b"),
                        "--url names one database and --urls or --urls-file a fleet; give one of the two."),
                Arguments.of(List.of("check", "--urls", "postgresql://h/a", "--parallel", "0"),
                        "--parallel 0: give how many databases to work on at once, 1 or more (the default is 4)."),
                Arguments.of(List.of("downgrade", "-1", "--urls-file", "fleet.txt"),
                        "--urls-file fleet.txt: there is no such file"),
                Arguments.of(List.of("history", "--urls", "postgresql://u:" + SECRET + "@h/a"),
                        "Unknown option: --urls"),
                Arguments.of(List.of("apply", "--urls", "postgresql://u:@h/a,postgresql://u:@h/b", "--sql", "out.sql"),
                        "--sql writes the script of one database; it cannot be combined with a fleet."),
                Arguments.of(List.of("apply", "--parallel", "postgresql://u:" + SECRET + "@h/a,postgresql://u:"
                        + SECRET + "@h/b"), "Invalid value for option '--parallel'"));
    }

    @ParameterizedTest
    @MethodSource
    void usageErrors(List<String> arguments, String message) {
        InProcess.Result result = InProcess.run(work, arguments.toArray(String[]::new));

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCode.USAGE);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).startsWith("error: ").contains(message).doesNotContain(SECRET).doesNotContain("\tat ");
    }

    @Test
    void aParseErrorShowsAUrlMasked() {
        InProcess.Result result = InProcess.run(work, "apply", "--url", "postgresql://u:" + SECRET + "@h/db",
                "--lock-timeout", "postgresql://u:" + SECRET + "@h/db");
        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).contains("'postgresql://u:****@h/db' is not a number of seconds")
                .doesNotContain(SECRET);
    }

    static Stream<Arguments> settingsThatCannotWork() {
        return Stream.of(
                Arguments.of(List.of("--url", "mysql://u:" + SECRET + "@h/db"), Map.of(),
                        "The database URL from --url (mysql://h/db) is not valid"),
                Arguments.of(List.of("--url", "postgresql://h/db"), Map.of(),
                        "names no user, and neither --user, POSTGRES_USER nor DATABASE_URL gives one"),
                Arguments.of(List.of("--url", "postgresql://u@h/db"), Map.of(),
                        "Give it in the environment (POSTGRES_PASSWORD), .env, or a password file"
                                + " (--password-file)"),
                Arguments.of(List.of(), Map.of("DATABASE_URL", "postgresql://u:" + SECRET + "@h:54x2/db"),
                        "The database URL from DATABASE_URL in the environment"),
                Arguments.of(List.of("--urls", "mysql://u:" + SECRET + "@h/a,postgresql://u:" + SECRET + "@h/b,"
                        + "postgresql://u:" + SECRET + "@h/b"), Map.of(), "2 entries of the list of databases --urls"
                        + " cannot be used; nothing was run:\n  The database URL from --urls item 1 (mysql://h/a) is"
                        + " not valid"),
                Arguments.of(List.of("--locations", "missing"), Map.of("DATABASE_URL", "postgresql://u:" + SECRET
                        + "@127.0.0.1:1/db"), "missing"));
    }

    @ParameterizedTest
    @MethodSource
    void settingsThatCannotWork(List<String> options, Map<String, String> environment, String message) {
        String[] arguments = Stream.concat(Stream.of("current"), options.stream()).toArray(String[]::new);
        InProcess.Result result = InProcess.run(work, environment, ClassLoader.getPlatformClassLoader(), arguments);

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCode.PROBLEMS);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).startsWith("error: ").contains(message).doesNotContain(SECRET);
    }

    @Test
    void aMalformedDotenvInTheWorkingDirectoryIsRefusedWithItsLine() throws IOException {
        Files.writeString(work.resolve(".env"), "DATABASE_URL=postgresql://u:" + SECRET + "@h/db\nPOSTGRES_USER x\n",
                StandardCharsets.UTF_8);
        InProcess.Result result = InProcess.run(work, "current");
        assertThat(result.exitCode()).isEqualTo(ExitCode.PROBLEMS);
        assertThat(result.err()).contains(".env:2: malformed line").doesNotContain(SECRET);
    }

    @Test
    void aNamedEnvFileIsReadInsteadOfTheWorkingDirectorysOwn() throws IOException {
        Files.writeString(work.resolve(".env"), "DATABASE_URL=postgresql://u:" + SECRET + "@h/db\nPOSTGRES_USER x\n",
                StandardCharsets.UTF_8);
        Files.writeString(work.resolve("production.env"), "DATABASE_URL=postgresql://u:" + SECRET
                + "@127.0.0.1:1/db\n", StandardCharsets.UTF_8);
        InProcess.Result result = InProcess.run(work, "current", "--env-file", "production.env");
        assertThat(result.err()).contains("No PostgreSQL server answers at 127.0.0.1:1").doesNotContain(SECRET);
    }

    @Test
    void withoutMigrationsItSaysWhereItLookedAndHowToNameThem() throws IOException {
        Path elsewhere = Files.createDirectories(work.resolve("elsewhere"));
        InProcess.Result result = InProcess.run(elsewhere, "current");

        assertThat(result.exitCode()).isEqualTo(ExitCode.PROBLEMS);
        assertThat(result.err()).contains("No migrations found: db/migration is not on the class path, and "
                + elsewhere + " has no src/main/resources/db/migration, nor a module with one",
                "`--locations <directory>`");
    }

    @Test
    void aServerThatDoesNotAnswerCouldNotRun() throws IOException {
        Path passwordFile = Files.writeString(work.resolve("password.txt"), SECRET + "\n", StandardCharsets.UTF_8);
        InProcess.Result result = InProcess.run(work, "apply", "--url", "postgresql://u@127.0.0.1:1/db",
                "--password-file", passwordFile.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCode.COULD_NOT_RUN);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains("error: No PostgreSQL server answers at 127.0.0.1:1 (postgresql://u:****@"
                + "127.0.0.1:1/db)", "`--url`").doesNotContain(SECRET).doesNotContain("warning:");
    }
}
