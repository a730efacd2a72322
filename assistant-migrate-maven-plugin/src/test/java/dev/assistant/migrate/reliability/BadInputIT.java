package dev.assistant.migrate.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assistant.db.config.ConnectionSettings;
import dev.assistant.db.testing.ScratchDatabase;
import dev.assistant.db.testing.ScratchDatabaseExtension;
import dev.assistant.db.testing.TestDatabaseServer;
import dev.assistant.migrate.api.AssistantMigrate;
import dev.assistant.migrate.api.EngineLog;
import dev.assistant.migrate.api.MigrateRequest;
import dev.assistant.migrate.api.ScriptLocation;
import dev.assistant.migrate.api.Workspace;
import dev.assistant.migrate.engine.TestHints;
import dev.assistant.migrate.it.MavenRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of bad input, each through a real Maven run of the goal: the build fails with one clear paragraph that
 * says what and what to do, no stack trace at the default log level, no password, and the database and the files are
 * exactly as before. The messages observed are written to target/reliability/bad-input.md.
 *
 * <p>The cases run in {@value #LANES} lanes side by side, each lane with a scratch database of its own, so that two
 * Maven processes share the machine's cores instead of one at a time; each case still gets a Maven run of its own.
 */
class BadInputIT {

    @RegisterExtension
    static final ScratchDatabaseExtension DB = new ScratchDatabaseExtension();

    @TempDir
    static Path work;

    private static final int LANES = 2;
    private static final Map<String, String> OBSERVED = new java.util.concurrent.ConcurrentHashMap<>();
    private static final List<String> NAMES = new ArrayList<>();
    private static final List<ScratchDatabase> MORE_DATABASES = new ArrayList<>();
    private static java.util.concurrent.ExecutorService lanes;

    /** One bad input: what the user gives, the goal and arguments, and what the message must say. */
    record Case(String name, Consumer<Path> prepare, Map<String, String> environment, List<String> arguments,
            String expected) {
    }

    private static Case withEnv(String name, Map<String, String> environment, String expected, String... arguments) {
        return new Case(name, project -> { }, environment, List.of(arguments), expected);
    }

    private static Case with(String name, Consumer<Path> prepare, String expected, String... arguments) {
        return new Case(name, prepare, Map.of(), List.of(arguments), expected);
    }

    private static Map<String, String> databaseUrl(String url) {
        return Map.of("DATABASE_URL", url);
    }

    private static void write(Path project, String file, byte[] content) {
        try {
            Path target = project.resolve(file);
            Files.createDirectories(target.getParent());
            Files.write(target, content);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void migration(Path project, String file, String sql) {
        write(project, "src/main/resources/db/migration/" + file, sql.getBytes(StandardCharsets.UTF_8));
    }

    @TestFactory
    Stream<DynamicTest> eachBadInputIsOneClearErrorAndChangesNothing() throws SQLException {
        List<ScratchDatabase> databases = new ArrayList<>(List.of(DB.database()));
        while (databases.size() < LANES) {
            ScratchDatabase more = TestDatabaseServer.get().createScratch("BadInputIT");
            MORE_DATABASES.add(more);
            databases.add(more);
        }
        List<List<Case>> casesOfLane = new ArrayList<>();
        for (ScratchDatabase database : databases) {
            casesOfLane.add(cases(database));
        }
        List<Case> cases = casesOfLane.get(0);
        List<java.util.concurrent.CompletableFuture<Void>> outcomes = new ArrayList<>();
        cases.forEach(badInput -> {
            outcomes.add(new java.util.concurrent.CompletableFuture<>());
            NAMES.add(badInput.name());
        });
        lanes = java.util.concurrent.Executors.newFixedThreadPool(LANES);
        for (int lane = 0; lane < LANES; lane++) {
            int first = lane;
            lanes.execute(() -> {
                for (int i = first; i < cases.size(); i += LANES) {
                    try {
                        run(casesOfLane.get(first).get(i), databases.get(first));
                        outcomes.get(i).complete(null);
                    } catch (Throwable e) {
                        outcomes.get(i).completeExceptionally(e);
                    }
                }
            });
        }
        return java.util.stream.IntStream.range(0, cases.size()).mapToObj(i -> DynamicTest.dynamicTest(
                cases.get(i).name(), () -> {
                    try {
                        outcomes.get(i).get();
                    } catch (java.util.concurrent.ExecutionException e) {
                        throw e.getCause();
                    }
                }));
    }

    /** Every case, against {@code database}: the same list, in the same order, for every lane. */
    private static List<Case> cases(ScratchDatabase database) throws SQLException {
        ConnectionSettings settings = database.settings();
        String url = database.url();
        String host = settings.host() + ":" + settings.port();
        Roles roles = Roles.create(database);
        List<Case> cases = new ArrayList<>(List.of(
                withEnv("DATABASE_URL with a bad scheme", databaseUrl("mysql://u:Sx9bad@" + host + "/db"),
                        "the scheme 'mysql' is not a PostgreSQL URL", "assistant-migrate:status"),
                withEnv("DATABASE_URL with a bad port", databaseUrl("postgresql://u:Sx9bad@localhost:54x2/db"),
                        "(postgresql://localhost/db) is not valid: the port is not a number between 1 and 65535",
                        "assistant-migrate:status"),
                withEnv("DATABASE_URL without a host", databaseUrl("postgresql://u:Sx9bad@/db"),
                        "it names no host", "assistant-migrate:status"),
                withEnv("DATABASE_URL with an unencoded @", databaseUrl("postgresql://u:Sx9@bad@localhost/db"),
                        "percent-encode it as %40", "assistant-migrate:status"),
                withEnv("unknown host", databaseUrl("postgresql://u:Sx9bad@no-such-host.invalid:5432/db"),
                        "Cannot resolve the database host 'no-such-host.invalid'", "assistant-migrate:status"),
                withEnv("wrong password", databaseUrl(url.replace(":" + database.password() + "@", ":Wr0ngPw@")),
                        "rejected the password for user '" + settings.user() + "' (SQL state 28P01)",
                        "assistant-migrate:status"),
                withEnv("missing database", databaseUrl(url.substring(0, url.lastIndexOf('/')) + "/no_such_database"),
                        "The database 'no_such_database' does not exist", "assistant-migrate:status"),
                with("malformed .env", project -> write(project, ".env",
                        "DATABASE_URL=postgresql://u:Sx9bad@h/db\nPOSTGRES_PASSWORD Sx9bad\n"
                                .getBytes(StandardCharsets.UTF_8)),
                        ".env:2: malformed line in .env: expected KEY=value", "assistant-migrate:status"),
                with("migrate target abc", project -> { }, "'abc' is not a migrate target",
                        "assistant-migrate:migrate", "-Dassistant.target=abc"),
                with("migrate target 1.2.x", project -> { }, "'1.2.x' is not a migrate target",
                        "assistant-migrate:migrate", "-Dassistant.target=1.2.x"),
                with("downgrade target -0", project -> { }, "'-0' would undo nothing",
                        "assistant-migrate:downgrade", "-Dassistant.target=-0"),
                with("downgrade target +2", project -> { }, "'+2' points forward; downgrade only goes back",
                        "assistant-migrate:downgrade", "-Dassistant.target=+2"),
                with("migrate target above the latest", project -> { }, "No migration has version 99",
                        "assistant-migrate:migrate", "-Dassistant.target=99"),
                with("downgrade below base", project -> { }, "Cannot go back 5 migrations: only 1 is applied",
                        "assistant-migrate:downgrade", "-Dassistant.target=-5"),
                with("empty message", project -> { }, "Say what the migration does",
                        "assistant-migrate:create", "-Dassistant.message="),
                with("message of symbols only", project -> { }, "has no letters or digits",
                        "assistant-migrate:create", "-Dassistant.message=!!!"),
                with("message with path separators", project -> { }, "contains a path separator",
                        "assistant-migrate:create", "-Dassistant.message=../../etc/evil"),
                with("missing migrations directory", project -> { }, "The migrations directory",
                        "assistant-migrate:status", "-Dassistant.locations=no/such/dir"),
                with("duplicate versions", project -> migration(project, "V2__again.sql", "SELECT 2;\n"),
                        "2 files claim V2", "assistant-migrate:migrate"),
                with("undo without a migration", project -> migration(project, "U7__orphan.sql", "SELECT 1;\n"),
                        "U7__orphan.sql: undo script with no migration", "assistant-migrate:check"),
                with("non-UTF-8 SQL file", project -> write(project, "src/main/resources/db/migration/V3__latin1.sql",
                        new byte[] {'S', 'E', 'L', 'E', 'C', 'T', ' ', '\'', (byte) 0xE9, '\'', ';', '\n'}),
                        "V3__latin1.sql: not valid UTF-8", "assistant-migrate:migrate"),
                with("empty migration file", project -> migration(project, "V3__empty.sql", "\n  \n"),
                        "V3__empty.sql: holds no SQL statement", "assistant-migrate:migrate"),
                with("model classes not compiled", project -> { }, "No compiled model classes",
                        "assistant-migrate:create", "-Dassistant.message=add things", "-Dassistant.autogenerate=true"),
                withEnv("shadow database cannot be created (no CREATEDB)", databaseUrl(roles.withoutCreateDb()),
                        "may not create databases (SQL state 42501)", "assistant-migrate:check"),
                withEnv("read-only database user", databaseUrl(roles.readOnly()),
                        "lacks a privilege", "assistant-migrate:migrate")));
        cases.addAll(scriptsThatCannotBeApplied());
        cases.addAll(passwordsInUrls(host));
        cases.addAll(explicitUrlsMissingAPart(settings));
        cases.addAll(dotenvProblems(url));
        cases.addAll(messagesOfMoreThanOneLine());
        cases.addAll(parameterValues());
        return cases;
    }

    /** Scripts and locations migrate cannot read or apply: never "up to date", always the file and the fix. */
    private static List<Case> scriptsThatCannotBeApplied() {
        return List.of(
                with("migration with an upper-case suffix", project -> migration(project, "V3__third.SQL",
                        "CREATE TABLE third (id int);\n"), "git mv V3__third.SQL V3__third.sql",
                        "assistant-migrate:migrate"),
                with("migration without a description", project -> migration(project, "V3__.sql",
                        "CREATE TABLE third (id int);\n"), "V3__.sql: named like a migration",
                        "assistant-migrate:migrate"),
                with("migration that is a dangling link", project -> link(project,
                        "src/main/resources/db/migration/V3__third.sql", "V3__gone.sql"),
                        "V3__third.sql: named like a migration, but cannot be read", "assistant-migrate:migrate"),
                with("migration holding a NUL byte", project -> migration(project, "V3__third.sql",
                        "CREATE TABLE third (id int);\nSELECT '\u0000';\n"), "V3__third.sql: holds a NUL byte",
                        "assistant-migrate:migrate"),
                with("empty locations value", project -> { }, "-Dassistant.locations is empty",
                        "assistant-migrate:migrate", "-Dassistant.locations="),
                with("classpath location that does not exist", project -> { },
                        "Nothing on the class path is at classpath:db/nowhere", "assistant-migrate:migrate",
                        "-Dassistant.locations=classpath:db/nowhere"),
                with("location that is a file", project -> { }, "pom.xml is a file, not a directory",
                        "assistant-migrate:migrate", "-Dassistant.locations=pom.xml"),
                with("CREATE INDEX CONCURRENTLY mixed with other statements", project -> migration(project,
                        "V3__third.sql", "CREATE TABLE third (id int);\nCREATE INDEX CONCURRENTLY ix ON third (id);\n"),
                        "V3__third.sql line 2 must run outside a transaction", "assistant-migrate:migrate"));
    }

    private static void link(Path project, String link, String target) {
        try {
            Files.createSymbolicLink(project.resolve(link), Path.of(target));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A password in any spelling of any documented URL form is never shown, nor is a rejected URL beyond its host. */
    private static List<Case> passwordsInUrls(String host) {
        return List.of(
                withEnv("DATABASE_URL: query-string password with @ : / # and a bad port",
                        databaseUrl("jdbc:postgresql://localhost:54x2/db?user=u&password=Sx9@ss:w/rd%40#"),
                        "(jdbc:postgresql://localhost/db) is not valid: the port is not a number",
                        "assistant-migrate:status"),
                with("-Dassistant.url: query-string password with @ : / # and a bad port", project -> { },
                        "(jdbc:postgresql://localhost/db) is not valid: the port is not a number",
                        "assistant-migrate:status",
                        "-Dassistant.url=jdbc:postgresql://localhost:54x2/db?password=Sx9@ss:w/rd%40#&user=u"),
                withEnv("DATABASE_URL: password with an unencoded ? in the user information",
                        databaseUrl("postgresql://u:Sx9?bad@" + host + "/db"),
                        "a '?' comes before the '@' that ends the user and password", "assistant-migrate:status"),
                withEnv("DATABASE_URL: password with an unencoded % ", databaseUrl("postgresql://u:Sx9%zzbad@" + host
                        + "/db"), "the password has a '%' that is not followed by two hex digits",
                        "assistant-migrate:status"),
                withEnv("DATABASE_URL: a password alone, no URL", databaseUrl("Sx9bad:only-a-password"),
                        "is not valid: it has no scheme", "assistant-migrate:status"),
                withEnv("DATABASE_URL: several hosts", databaseUrl("postgresql://u:Sx9bad@h1:5432,h2:5432/db"),
                        "it names several hosts", "assistant-migrate:status"));
    }

    /** An explicit URL never borrows its database, user or password from the defaults. */
    private static List<Case> explicitUrlsMissingAPart(ConnectionSettings settings) {
        String server = settings.host() + ":" + settings.port();
        Consumer<Path> noDotenv = project -> delete(project, ".env");
        return List.of(
                with("-Dassistant.url without a database", noDotenv, "names no database",
                        "assistant-migrate:status", "-Dassistant.url=postgresql://u:Sx9bad@" + server),
                with("-Dassistant.url with an empty user", noDotenv, "names no user",
                        "assistant-migrate:status", "-Dassistant.url=postgresql://:Sx9bad@" + server + "/db"),
                with("-Dassistant.url without a password", noDotenv, "names no password",
                        "assistant-migrate:status", "-Dassistant.url=postgresql://someone@" + server + "/db"),
                with("-Dassistant.url in the JDBC driver's short form without a user", noDotenv, "names no user",
                        "assistant-migrate:status", "-Dassistant.url=jdbc:postgresql:db?password=Sx9bad"));
    }

    /** .env files the dotenv tools would read otherwise than meant, or not at all. */
    private static List<Case> dotenvProblems(String url) {
        return List.of(
                with(".env: a quote never closed", project -> write(project, ".env", ("DATABASE_URL=" + url
                        + "\nPOSTGRES_PASSWORD=\"Sx9bad\nPOSTGRES_DB=x\n").getBytes(StandardCharsets.UTF_8)),
                        ".env:2: the value of POSTGRES_PASSWORD opens a double quote that is never closed",
                        "assistant-migrate:status"),
                with(".env: text after the closing quote", project -> write(project, ".env", ("DATABASE_URL=" + url
                        + "\nPOSTGRES_PASSWORD='Sx9bad'tail\n").getBytes(StandardCharsets.UTF_8)),
                        ".env:2: malformed line in .env: there is text after the closing quote",
                        "assistant-migrate:status"),
                with(".env: a directory", project -> {
                    delete(project, ".env");
                    mkdir(project, ".env");
                }, ".env is a directory", "assistant-migrate:status"),
                with(".env: DATABASE_URL twice, different", project -> write(project, ".env", ("DATABASE_URL=" + url
                        + "\n# another one\nDATABASE_URL=postgresql://u:Sx9bad@localhost/other\n")
                        .getBytes(StandardCharsets.UTF_8)),
                        "DATABASE_URL is set on lines 1 and 3, to different values", "assistant-migrate:status"),
                with(".env: not UTF-8", project -> write(project, ".env", concat(("DATABASE_URL=" + url + "\n")
                        .getBytes(StandardCharsets.UTF_8), new byte[] {'P', 'O', 'S', 'T', 'G', 'R', 'E', 'S', '_', 'D',
                            'B', '=', (byte) 0xE9, '\n'})),
                        ".env:2: not valid UTF-8", "assistant-migrate:status"));
    }

    /** The message names the files and opens both scripts: one line of text, or nothing is written. */
    private static List<Case> messagesOfMoreThanOneLine() {
        return List.of(
                with("create: message with a line break", project -> { },
                        "has a line break (U+000A) after 'add thing'",
                        "assistant-migrate:create", "-Dassistant.message=add thing\nDROP TABLE first; --"),
                with("create: message with a carriage return", project -> { },
                        "has a carriage return (U+000D) after 'add thing'",
                        "assistant-migrate:create", "-Dassistant.message=add thing\rDROP TABLE first; --"),
                with("create: message with a tab", project -> { }, "has a tab (U+0009) after 'add'",
                        "assistant-migrate:create", "-Dassistant.message=add\tthing"),
                with("create: message with */", project -> { }, "contains a path separator",
                        "assistant-migrate:create", "-Dassistant.message=add thing */ DROP TABLE first; /*"),
                with("create: message with a NUL (from .mvn/maven.config)", project -> write(project,
                        ".mvn/maven.config", "-Dassistant.message=add thing\u0000DROP TABLE first; --\n"
                                .getBytes(StandardCharsets.UTF_8)),
                        "has a NUL character (U+0000) after 'add thing'", "assistant-migrate:create"));
    }

    /** Numbers and flags name their property when they are not one, and never fall back to a default. */
    private static List<Case> parameterValues() {
        return List.of(
                with("lockTimeout abc", project -> { }, "-Dassistant.lockTimeout=abc is not a number of seconds",
                        "assistant-migrate:migrate", "-Dassistant.lockTimeout=abc"),
                with("lockTimeout -5", project -> { }, "-Dassistant.lockTimeout=-5 is not a number of seconds",
                        "assistant-migrate:migrate", "-Dassistant.lockTimeout=-5"),
                with("downgrade dryRun yes", project -> { }, "-Dassistant.dryRun=yes is neither true nor false",
                        "assistant-migrate:downgrade", "-Dassistant.target=base", "-Dassistant.dryRun=yes"),
                with("migrate dryRun 1", project -> { }, "-Dassistant.dryRun=1 is neither true nor false",
                        "assistant-migrate:migrate", "-Dassistant.dryRun=1"),
                with("local yes", project -> { }, "-Dassistant.local=yes is neither true nor false",
                        "assistant-migrate:status", "-Dassistant.local=yes"),
                with("skip no", project -> { }, "-Dassistant.skip=no is neither true nor false",
                        "assistant-migrate:migrate", "-Dassistant.skip=no"),
                with("create autogenerate sure", project -> { }, "-Dassistant.autogenerate=sure is neither true nor"
                        + " false", "assistant-migrate:create", "-Dassistant.message=add thing",
                        "-Dassistant.autogenerate=sure"));
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    private static void delete(Path project, String file) {
        try {
            Files.deleteIfExists(project.resolve(file));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void mkdir(Path project, String directory) {
        try {
            Files.createDirectories(project.resolve(directory));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void run(Case badInput, ScratchDatabase database) throws Exception {
        Path project = MavenRun.project(work.resolve(badInput.name().replaceAll("[^a-zA-Z0-9]+", "-")));
        migration(project, "V1__first.sql", "CREATE TABLE first (id integer PRIMARY KEY);\n");
        migration(project, "U1__first.sql", "DROP TABLE first;\n");
        migration(project, "V2__second.sql", "CREATE TABLE second (id integer PRIMARY KEY);\n");
        migration(project, "U2__second.sql", "DROP TABLE second;\n");
        write(project, ".env", ("DATABASE_URL=" + database.url() + "\n").getBytes(StandardCharsets.UTF_8));
        resetToVersionOne(database, project);
        badInput.prepare().accept(project);

        String filesBefore = fingerprint(project);
        String databaseBefore = SchemaAndHistory.of(database);

        MavenRun.Result result = MavenRun.in(project).environment(badInput.environment())
                .run(badInput.arguments().toArray(String[]::new));

        String message = result.failureMessage();
        OBSERVED.put(badInput.name(), message);
        assertThat(result.failed()).as(badInput.name() + " fails the build:\n" + result.output()).isTrue();
        assertThat(message).as(badInput.name()).contains(badInput.expected());
        assertThat(result.hasStackTrace()).as(badInput.name() + ": no stack trace\n" + result.output()).isFalse();
        assertThat(result.output()).as(badInput.name() + ": no password").doesNotContain(database.password())
                .doesNotContain("Sx9").doesNotContain("ss:w/rd").doesNotContain("only-a-password");
        assertThat(fingerprint(project)).as(badInput.name() + ": the files are as before").isEqualTo(filesBefore);
        assertThat(SchemaAndHistory.of(database)).as(badInput.name() + ": the database is as before")
                .isEqualTo(databaseBefore);
    }

    private static void resetToVersionOne(ScratchDatabase database, Path project) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public; GRANT USAGE ON SCHEMA public TO PUBLIC;");
        }
        new AssistantMigrate(EngineLog.SILENT, TestHints.HINTS).migrate(new MigrateRequest(new Workspace(
                database.settings(), List.of(new ScriptLocation.Directory(project.resolve("src/main/resources/db/migration")))),
                "1", false, Duration.ofSeconds(10)));
    }

    /** Every file of the project and its content hash; what "the files are as before" compares. */
    static String fingerprint(Path project) throws IOException, NoSuchAlgorithmException {
        StringBuilder fingerprint = new StringBuilder();
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (Stream<Path> files = Files.walk(project)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                fingerprint.append(project.relativize(file)).append(' ')
                        .append(HexFormat.of().formatHex(digest.digest(Files.readAllBytes(file)))).append('\n');
            }
        }
        return fingerprint.toString();
    }

    @AfterAll
    static void writeObservedMessages() throws IOException {
        Path report = Path.of("target", "reliability", "bad-input.md");
        Files.createDirectories(report.getParent());
        StringBuilder table = new StringBuilder("| case | message observed |\n|---|---|\n");
        NAMES.stream().filter(OBSERVED::containsKey).forEach(name -> table.append("| ").append(name).append(" | ")
                .append(OBSERVED.get(name).replace("|", "\\|").replace("\n", "<br>")).append(" |\n"));
        Files.writeString(report, table.toString(), StandardCharsets.UTF_8);
        if (lanes != null) {
            lanes.shutdownNow();
        }
        MORE_DATABASES.forEach(ScratchDatabase::close);
        Roles.dropAll();
    }

    /** Roles with fewer rights than the database's own, for the permission cases. */
    static final class Roles {
        private static final List<String> CREATED = new ArrayList<>();
        private final String withoutCreateDb;
        private final String readOnly;

        private Roles(String withoutCreateDb, String readOnly) {
            this.withoutCreateDb = withoutCreateDb;
            this.readOnly = readOnly;
        }

        static Roles create(ScratchDatabase database) throws SQLException {
            String suffix = Long.toString(System.nanoTime(), 36);
            String noCreateDb = "assistant_test_nocreatedb_" + suffix;
            String readOnly = "assistant_test_readonly_" + suffix;
            try (Connection admin = TestDatabaseServer.get().connectAdmin(); Statement statement = admin.createStatement()) {
                statement.execute("CREATE ROLE " + noCreateDb + " LOGIN NOCREATEDB PASSWORD 'Pw" + suffix + "n'");
                CREATED.add(noCreateDb);
                statement.execute("GRANT \"" + database.user() + "\" TO " + noCreateDb);
                statement.execute("CREATE ROLE " + readOnly + " LOGIN NOCREATEDB PASSWORD 'Pw" + suffix + "r'");
                CREATED.add(readOnly);
            }
            String base = "postgresql://%s:%s@" + database.settings().host() + ":" + database.settings().port() + "/"
                    + database.name();
            return new Roles(base.formatted(noCreateDb, "Pw" + suffix + "n"), base.formatted(readOnly,
                    "Pw" + suffix + "r"));
        }

        String withoutCreateDb() {
            return withoutCreateDb;
        }

        String readOnly() {
            return readOnly;
        }

        static void dropAll() {
            try (Connection admin = TestDatabaseServer.get().connectAdmin(); Statement statement = admin.createStatement()) {
                for (String role : CREATED) {
                    statement.execute("DROP ROLE IF EXISTS " + role);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
