package dev.assistant.migrate.bench;

import static dev.assistant.migrate.bench.AttackCatalog.BOTH;
import static dev.assistant.migrate.bench.AttackCatalog.LOCATIONS;
import static dev.assistant.migrate.bench.AttackCatalog.OURS_ONLY;
import static dev.assistant.migrate.bench.AttackCatalog.SCRIPTS;
import static dev.assistant.migrate.bench.AttackCatalog.SETTINGS;
import static dev.assistant.migrate.bench.AttackCatalog.attack;
import static dev.assistant.migrate.bench.AttackCatalog.thirdScript;
import static dev.assistant.migrate.bench.AttackCatalog.utf8;
import static dev.assistant.migrate.bench.Attacks.appliesOrFailsNaming;
import static dev.assistant.migrate.bench.Attacks.connects;
import static dev.assistant.migrate.bench.Attacks.failsNaming;
import static dev.assistant.migrate.bench.Attacks.succeedsOrFailsNaming;
import static dev.assistant.migrate.bench.Attacks.succeedsWith;

import dev.assistant.migrate.bench.Attacks.Attack;
import dev.assistant.migrate.bench.Attacks.Judgement;
import dev.assistant.migrate.bench.AttackRun.Outcome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Attacks on what a user gives the tool: passwords in every form the README lists, {@code .env} files, the message
 * of {@code create}, explicit settings, locations and scripts. Each starts from V1 and V2 in a fresh project and
 * database.
 */
final class InputAttacks {

    static final String PASSWORDS = "Password forms (the password has @ : / ? # % &)";
    static final String DOTENV = ".env files";
    static final String CREATE = "Messages of create";

    /** A password with every character a URL or a file must escape; it starts with the catalogue's secret. */
    private static final String SPECIAL = "Sx9@p:ss/w?r#d%&x";

    private InputAttacks() {
    }

    static List<Attack> all() {
        List<Attack> attacks = new ArrayList<>();
        attacks.addAll(passwords());
        attacks.addAll(dotenv());
        attacks.addAll(create());
        attacks.addAll(settings());
        attacks.addAll(locations());
        attacks.addAll(scripts());
        return attacks;
    }

    /** The password as a JDBC query parameter: @ : / ? # as they are, % and & percent-encoded. */
    private static String queryPassword(String password) {
        return password.replace("%", "%25").replace("&", "%26");
    }

    private static Attack password(String name, boolean onFlyway, Attacks.Body body) {
        return attack(PASSWORDS, name, onFlyway, run -> {
            run.twoMigrations();
            run.changePassword(SPECIAL);
            return body.run(run);
        });
    }

    private static List<Attack> passwords() {
        return List.of(
                password("DATABASE_URL postgresql://user:pass@host with the password percent-encoded", OURS_ONLY,
                        run -> connects(run, run.withoutConnection().environment(Map.of("DATABASE_URL",
                                run.databaseUrl("postgresql"))).migrate())),
                password("DATABASE_URL in the postgres:// form", OURS_ONLY,
                        run -> connects(run, run.withoutConnection().environment(Map.of("DATABASE_URL",
                                run.databaseUrl("postgres"))).migrate())),
                password("DATABASE_URL in SQLAlchemy's postgresql+psycopg:// form", OURS_ONLY,
                        run -> connects(run, run.withoutConnection().environment(Map.of("DATABASE_URL",
                                run.databaseUrl("postgresql+psycopg"))).migrate())),
                password("JDBC URL with user and password in its query, @ : / ? # as they are", BOTH,
                        run -> connects(run, run.migrate(Map.of("url", run.jdbcUrl() + "?user=" + run.user()
                                + "&password=" + queryPassword(SPECIAL))))),
                password("JDBC URL with the whole password percent-encoded in its query", BOTH,
                        run -> connects(run, run.migrate(Map.of("url", run.jdbcUrl() + "?user=" + run.user()
                                + "&password=" + AttackRun.encode(SPECIAL))))),
                password("explicit postgresql:// URL with user and password before the @", OURS_ONLY,
                        run -> connects(run, run.migrate(Map.of("url", run.databaseUrl("postgresql"))))),
                password("URL without credentials, user and password as settings of their own", BOTH,
                        run -> connects(run, run.migrate(Map.of("url", run.jdbcUrl(), "user", run.user(),
                                "password", SPECIAL)))),
                password("a settings.xml <server> named by serverId", BOTH,
                        run -> connects(run, run.settings("<servers><server><id>attacked-db</id><username>"
                                + run.user() + "</username><password>" + SPECIAL.replace("&", "&amp;")
                                + "</password></server></servers>").migrate(Map.of("url", run.jdbcUrl(),
                                "serverId", "attacked-db")))),
                password("POSTGRES_USER, POSTGRES_PASSWORD, POSTGRES_HOST, POSTGRES_PORT, POSTGRES_DB", OURS_ONLY,
                        run -> connects(run, run.withoutConnection().environment(Map.of("POSTGRES_USER",
                                run.user(), "POSTGRES_PASSWORD", SPECIAL, "POSTGRES_HOST",
                                run.database().settings().host(), "POSTGRES_PORT",
                                String.valueOf(run.database().settings().port()), "POSTGRES_DB",
                                run.database().name())).migrate())),
                password(".env with DATABASE_URL in double quotes", OURS_ONLY,
                        run -> connects(run, run.withoutConnection().file(".env", utf8("DATABASE_URL=\""
                                + run.databaseUrl("postgresql") + "\"\n")).migrate())),
                password(".env with POSTGRES_PASSWORD unquoted (a # inside a value is no comment)", OURS_ONLY,
                        run -> connects(run, run.withoutConnection().file(".env", utf8(dotenvKeys(run, SPECIAL)))
                                .migrate())),
                password("a connection file (properties: url, user, password)", OURS_ONLY,
                        run -> connects(run, run.withoutConnection().file("connection.properties", utf8("url="
                                + run.jdbcUrl().replace(":", "\\:") + "\nuser=" + run.user() + "\npassword="
                                + SPECIAL.replace(":", "\\:").replace("#", "\\#") + "\n"))
                                .migrate(Map.of("-Dassistant.connectionFile=connection.properties", "")))),
                password("JDBC short form jdbc:postgresql:database?user=…&password=…", BOTH,
                        run -> connects(run, run.migrate(Map.of("url", "jdbc:postgresql:" + run.database().name()
                                + "?user=" + run.user() + "&password=" + queryPassword(SPECIAL))))),
                password("a wrong password with the same characters, in the URL's query", BOTH,
                        run -> failsNaming(run, run.migrate(Map.of("url", run.jdbcUrl() + "?user=" + run.user()
                                + "&password=" + queryPassword(SPECIAL + "x"))), "28P01|password")),
                password("the password in the URL's query, Maven at debug level (-X)", BOTH,
                        run -> connects(run, run.migrate(Map.of("url", run.jdbcUrl() + "?user=" + run.user()
                                + "&password=" + queryPassword(SPECIAL), "-X", "")))),
                password("DATABASE_URL that cannot be read: an unencoded ? in the password", OURS_ONLY,
                        run -> failsNaming(run, run.withoutConnection().environment(Map.of("DATABASE_URL",
                                "postgresql://" + run.user() + ":Sx9pa?ss@" + run.database().settings().host() + ":"
                                + run.database().settings().port() + "/" + run.database().name())).migrate(),
                                "DATABASE_URL")));
    }

    private static String dotenvKeys(AttackRun run, String password) {
        return "POSTGRES_USER=" + run.user() + "\nPOSTGRES_PASSWORD=" + password + "\nPOSTGRES_HOST="
                + run.database().settings().host() + "\nPOSTGRES_PORT=" + run.database().settings().port()
                + "\nPOSTGRES_DB=" + run.database().name() + "\n";
    }

    /** A .env in the project's root with {@code content} (DATABASE_URL standing for this run's URL); no environment. */
    private static Attack dotenv(String name, boolean works, String content, String... patterns) {
        return attack(DOTENV, name, OURS_ONLY, run -> {
            run.twoMigrations().withoutConnection();
            run.file(".env", content.replace("DATABASE_URL_VALUE", run.databaseUrl("postgresql"))
                    .getBytes(StandardCharsets.UTF_8));
            Outcome outcome = run.migrate();
            return works ? connects(run, outcome) : failsNaming(run, outcome, patterns);
        });
    }

    private static List<Attack> dotenv() {
        return List.of(
                dotenv("a double quote never closed", false, "DATABASE_URL=\"DATABASE_URL_VALUE\nOTHER=1\n",
                        "\\.env", "quote"),
                dotenv("a single quote never closed", false, "# settings\nDATABASE_URL='DATABASE_URL_VALUE\n",
                        "\\.env", "quote"),
                dotenv("text after the closing quote", false, "DATABASE_URL=\"DATABASE_URL_VALUE\"x\n",
                        "\\.env", "(line|:)\\s*1\\b"),
                dotenv("a line that is not KEY=value", false, "DATABASE_URL=DATABASE_URL_VALUE\nthis is no setting\n",
                        "\\.env", "(line|:)\\s*2\\b"),
                dotenv("DATABASE_URL twice with different values", false,
                        "DATABASE_URL=DATABASE_URL_VALUE\nDATABASE_URL=postgresql://other@localhost/other\n",
                        "\\.env", "DATABASE_URL"),
                dotenv("a byte order mark before the first key", true, "\uFEFFDATABASE_URL=DATABASE_URL_VALUE\n"),
                dotenv("export and a tab before the key", true, "export\tDATABASE_URL=DATABASE_URL_VALUE\n"),
                dotenv("the value in single quotes", true, "DATABASE_URL='DATABASE_URL_VALUE'\n"),
                dotenv("Windows line ends", true, "# local\r\nDATABASE_URL=DATABASE_URL_VALUE\r\n"),
                attack(DOTENV, "bytes that are not UTF-8", OURS_ONLY, run -> {
                    run.twoMigrations().withoutConnection();
                    byte[] latin1 = ("# r\u00e9sum\u00e9\nDATABASE_URL=" + run.databaseUrl("postgresql") + "\n")
                            .getBytes(StandardCharsets.ISO_8859_1);
                    run.file(".env", latin1);
                    return failsNaming(run, run.migrate(), "\\.env", "UTF-8");
                }),
                attack(DOTENV, ".env is a directory", OURS_ONLY, run -> {
                    run.twoMigrations().withoutConnection();
                    Files.createDirectories(run.project().resolve(".env"));
                    return failsNaming(run, run.migrate(), "\\.env", "directory");
                }),
                attack(DOTENV, ".env is a link to a file that does not exist", OURS_ONLY, run -> {
                    run.twoMigrations().withoutConnection();
                    Files.createSymbolicLink(run.project().resolve(".env"), Path.of("secrets/.env.local"));
                    return failsNaming(run, run.migrate(), "\\.env");
                }),
                attack(DOTENV, "the environment's DATABASE_URL beside a .env naming another database", OURS_ONLY,
                        run -> {
                            run.twoMigrations();
                            run.file(".env", utf8("DATABASE_URL=postgresql://" + run.user() + ":Sx9other@"
                                    + run.database().settings().host() + ":" + run.database().settings().port()
                                    + "/no_such_database\n"));
                            return connects(run, run.migrate());
                        }));
    }

    /** {@code create} with {@code message}: it must refuse naming what is wrong, or write a pair that is only SQL. */
    private static Attack create(String name, String message, String... patterns) {
        return attack(CREATE, name, OURS_ONLY, run -> {
            run.twoMigrations().applyUpTo("2");
            Outcome created = run.maven("create", Map.of("-Dassistant.message=" + message, ""));
            if (created.failed()) {
                return failsNaming(run, created, patterns);
            }
            List<String> written;
            try (Stream<Path> files = Files.list(run.migrations())) {
                written = files.map(file -> file.getFileName().toString()).filter(file -> !file.matches("[VU][12]__.*"))
                        .sorted().toList();
            }
            boolean outside;
            try (Stream<Path> files = Files.walk(run.project())) {
                outside = files.anyMatch(file -> file.getFileName().toString().matches("[VU]\\d{14}__.*")
                        && !file.getParent().equals(run.migrations()));
            }
            if (outside || written.size() != 2) {
                return Judgement.silent("wrote " + written + (outside ? " and a file outside the migrations" : ""));
            }
            Outcome migrated = run.migrate();
            if (migrated.failed()) {
                return Judgement.wrong("the pair it wrote does not apply: " + migrated.failureMessage());
            }
            return run.tables().equals(List.of("first", "second")) && run.history().size() == 3
                    ? Judgement.clear("wrote and applied " + written)
                    : Judgement.silent("the message ran as SQL: tables " + run.tables() + " after " + written);
        });
    }

    private static List<Attack> create() {
        return List.of(
                create("a line break, then SQL", "add things\nDROP TABLE first;", "line break"),
                create("a carriage return, then SQL", "add things\rDROP TABLE first;", "carriage return"),
                create("a tab", "add\tthings", "tab"),
                attack(CREATE, "a NUL, then SQL (from .mvn/maven.config)", OURS_ONLY, run -> {
                    run.twoMigrations().applyUpTo("2");
                    run.file(".mvn/maven.config", utf8("-Dassistant.message=add things\u0000DROP TABLE first; --\n"));
                    return failsNaming(run, run.maven("create", Map.of()), "NUL");
                }),
                create("*/ and -- that would end a comment", "fix */ DROP TABLE first; /* -- x", "message"),
                create("a placeholder ${tenant} in the message", "per ${tenant} schema", "tenant"),
                create("a path: ../../evil", "../../evil", "path separator"),
                create("no letter or digit", "!!! ???", "letters or digits"),
                create("an empty message", "", "message"),
                create("a message of 400 characters", IntStream.range(0, 80).mapToObj(i -> "word")
                        .collect(Collectors.joining(" ")), "message"));
    }

    private static List<Attack> settings() {
        return List.of(
                attack(SETTINGS, "explicit URL without a database", BOTH, run -> {
                    run.twoMigrations();
                    String url = "jdbc:postgresql://" + run.database().settings().host() + ":"
                            + run.database().settings().port() + "/?user=" + run.user() + "&password=" + run.password();
                    return succeedsOrFailsNaming(run, run.migrate(Map.of("url", url)), List.of("1", "2"),
                            "database");
                }),
                attack(SETTINGS, "explicit URL without a user", BOTH, run -> {
                    run.twoMigrations();
                    return failsNaming(run, run.migrate(Map.of("url", run.jdbcUrl() + "?password=" + run.password())),
                            "user");
                }),
                attack(SETTINGS, "explicit URL without a password", BOTH, run -> {
                    run.twoMigrations();
                    return failsNaming(run, run.migrate(Map.of("url", run.jdbcUrl() + "?user=" + run.user())),
                            "password");
                }),
                attack(SETTINGS, "an empty URL", BOTH, run -> {
                    run.twoMigrations();
                    return failsNaming(run, run.migrate(Map.of("url", "")), "url");
                }),
                attack(SETTINGS, "a URL of another database system (mysql://)", BOTH, run -> {
                    run.twoMigrations();
                    return failsNaming(run, run.migrate(Map.of("url", "jdbc:mysql://localhost:3306/db?user=u"
                            + "&password=Sx9bad")), "mysql");
                }),
                attack(SETTINGS, "a URL with two hosts", BOTH, run -> {
                    run.twoMigrations();
                    String hosts = run.database().settings().host() + ":" + run.database().settings().port();
                    return succeedsOrFailsNaming(run, run.migrate(Map.of("url", "jdbc:postgresql://" + hosts + ","
                            + hosts + "/" + run.database().name() + "?user=" + run.user() + "&password="
                            + run.password())), List.of("1", "2"), "host");
                }),
                attack(SETTINGS, "sslmode=require against a server without SSL", BOTH, run -> {
                    run.twoMigrations();
                    return failsNaming(run, run.migrate(Map.of("url", run.jdbcUrl() + "?user=" + run.user()
                            + "&password=" + run.password() + "&sslmode=require")), "SSL");
                }),
                attack(SETTINGS, "lock wait with a unit (30s)", BOTH, run -> {
                    run.twoMigrations();
                    return succeedsOrFailsNaming(run, run.migrate(Map.of("lockSeconds", "30s")), List.of("1", "2"),
                            "30s");
                }),
                attack(SETTINGS, "target 1.5, between two versions", BOTH, run -> {
                    run.twoMigrations();
                    return succeedsOrFailsNaming(run, run.migrate(Map.of("target", "1.5")), List.of("1"),
                            "1\\.5");
                }),
                attack(SETTINGS, "POSTGRES_PORT=abc in the environment", OURS_ONLY, run -> {
                    run.twoMigrations().withoutConnection().environment(Map.of("POSTGRES_USER", run.user(),
                            "POSTGRES_PASSWORD", run.password(), "POSTGRES_HOST", run.database().settings().host(),
                            "POSTGRES_PORT", "abc", "POSTGRES_DB", run.database().name()));
                    return failsNaming(run, run.migrate(), "POSTGRES_PORT", "abc");
                }),
                attack(SETTINGS, "a serverId that settings.xml does not have", BOTH, run -> {
                    run.twoMigrations();
                    return failsNaming(run, run.migrate(Map.of("url", run.jdbcUrl(), "serverId", "no-such-server")),
                            "no-such-server");
                }),
                attack(SETTINGS, "a connection file that does not exist", OURS_ONLY, run -> {
                    run.twoMigrations().withoutConnection();
                    return failsNaming(run, run.migrate(Map.of("-Dassistant.connectionFile=no/such.properties", "")),
                            "no/such\\.properties");
                }));
    }

    private static List<Attack> locations() {
        return List.of(
                attack(LOCATIONS, "two locations, the second missing", BOTH, run -> {
                    run.twoMigrations().applyUpTo("1");
                    return failsNaming(run, run.migrate(Map.of("locations", AttackRun.MIGRATIONS + ",no/such/dir")),
                            "no/such/dir");
                }),
                attack(LOCATIONS, "a location with the filesystem: prefix", BOTH, run -> {
                    run.twoMigrations();
                    return succeedsWith(run, run.migrate(Map.of("locations", "filesystem:" + AttackRun.MIGRATIONS)),
                            List.of("1", "2"));
                }),
                attack(LOCATIONS, "the same directory twice", BOTH, run -> {
                    run.twoMigrations();
                    return succeedsOrFailsNaming(run, run.migrate(Map.of("locations", AttackRun.MIGRATIONS + ","
                            + AttackRun.MIGRATIONS)), List.of("1", "2"), "twice|duplicate|more than one|V1__first");
                }),
                attack(LOCATIONS, "a migration in a subdirectory of the location", BOTH, run -> {
                    run.twoMigrations();
                    Files.createDirectories(run.migrations().resolve("2026"));
                    Files.writeString(run.migrations().resolve("2026/V3__third.sql"), "CREATE TABLE third (id int);\n");
                    return succeedsWith(run, run.migrate(), List.of("1", "2", "3"));
                }));
    }

    private static List<Attack> scripts() {
        String table = "CREATE TABLE third (id integer PRIMARY KEY);\n";
        return List.of(
                applies("a byte order mark at the start of a script", concat(new byte[] {(byte) 0xEF, (byte) 0xBB,
                        (byte) 0xBF}, utf8(table))),
                applies("Windows line ends in a script", utf8("CREATE TABLE third (\r\n  id integer PRIMARY KEY\r\n);"
                        + "\r\nINSERT INTO third VALUES (1);\r\n")),
                attack(SCRIPTS, "one statement of 1 MB (an INSERT of 100000 rows)", BOTH, run -> {
                    run.twoMigrations().applyUpTo("2");
                    run.script("V3__third.sql", "INSERT INTO first VALUES " + IntStream.rangeClosed(1, 100_000)
                            .mapToObj(i -> "(" + i + ")").collect(Collectors.joining(",")) + ";\n");
                    Judgement judgement = succeedsWith(run, run.migrate(), List.of("1", "2", "3"));
                    return judgement.verdict() == Attacks.Verdict.CLEAR
                            && !run.rows("SELECT count(*) FROM first").equals(List.of("100000"))
                            ? Judgement.silent("rows " + run.rows("SELECT count(*) FROM first")) : judgement;
                }),
                attack(SCRIPTS, "an empty script (0 bytes)", BOTH, run -> {
                    run.twoMigrations().applyUpTo("2");
                    run.script("V3__third.sql", new byte[0]);
                    return appliesOrFailsNaming(run, run.migrate(), "3", "V3__third\\.sql", "empty");
                }),
                attack(SCRIPTS, "a script of comments only", BOTH, run -> {
                    run.twoMigrations().applyUpTo("2");
                    run.script("V3__third.sql", "-- nothing yet\n/* later */\n");
                    return appliesOrFailsNaming(run, run.migrate(), "3", "V3__third\\.sql");
                }),
                applies("a function body in dollar quotes with semicolons inside", utf8(table
                        + "CREATE FUNCTION third_count() RETURNS bigint LANGUAGE plpgsql AS $body$\nDECLARE n bigint;\n"
                        + "BEGIN\n  SELECT count(*) INTO n FROM third;\n  RETURN n;\nEND;\n$body$;\n"
                        + "SELECT third_count();\n")),
                applies("a DO block", utf8(table + "DO $$\nBEGIN\n  INSERT INTO third VALUES (1);\n"
                        + "  IF (SELECT count(*) FROM third) <> 1 THEN RAISE EXCEPTION 'not one'; END IF;\nEND\n$$;\n")),
                attack(SCRIPTS, "COPY … FROM stdin with its rows in the script (it must apply)", BOTH, run -> {
                    run.twoMigrations().applyUpTo("2");
                    run.script("V3__third.sql", "CREATE TABLE third (id int, name text);\nCOPY third (id, name) FROM"
                            + " stdin;\n1\tone\n2\ttwo\n\\.\n");
                    Outcome outcome = run.migrate();
                    if (!outcome.failed() && run.history().contains("3")) {
                        return run.rows("SELECT count(*) FROM third").equals(List.of("2")) ? Judgement.clear("applied")
                                : Judgement.silent("applied, rows " + run.rows("SELECT count(*) FROM third"));
                    }
                    return outcome.failed() ? Judgement.wrong("refused a script Flyway applies: "
                            + outcome.failureMessage()) : Judgement.silent("history " + run.history());
                }),
                attack(SCRIPTS, "a directory named like a script (V3__third.sql/)", BOTH, run -> {
                    run.twoMigrations().applyUpTo("1");
                    Files.createDirectories(run.migrations().resolve("V3__third.sql"));
                    return appliesOrFailsNaming(run, run.migrate(), "2", "V3__third\\.sql");
                }),
                applies("a last statement without a semicolon", utf8("CREATE TABLE third (id int);\n"
                        + "INSERT INTO third VALUES (1)")),
                attack(SCRIPTS, "BEGIN and COMMIT inside a migration", BOTH, run -> {
                    run.twoMigrations().applyUpTo("2");
                    run.script("V3__third.sql", "BEGIN;\n" + table + "COMMIT;\n");
                    Outcome outcome = run.migrate();
                    if (!outcome.failed()) {
                        return run.history().equals(List.of("1", "2", "3")) && run.tables().contains("third")
                                ? Judgement.clear("applied") : Judgement.silent("history " + run.history());
                    }
                    return failsNaming(run, outcome, "V3__third\\.sql");
                }),
                attack(SCRIPTS, "V02 beside V2: the same version written twice", BOTH, run -> {
                    run.twoMigrations().applyUpTo("1");
                    run.script("V02__again.sql", table);
                    return failsNaming(run, run.migrate(), "V02__again\\.sql");
                }),
                thirdScript("a psql meta-command (\\i other.sql)", "V3__third.sql",
                        utf8(table + "\\i other.sql\n"), "V3__third\\.sql", "(:2\\b|Line\\s*:\\s*2\\b)"),
                attack(SCRIPTS, "VACUUM alone in a migration", BOTH, run -> {
                    run.twoMigrations().applyUpTo("2");
                    run.script("V3__third.sql", "VACUUM first;\n");
                    return appliesOrFailsNaming(run, run.migrate(), "3", "V3__third\\.sql", "VACUUM");
                }));
    }

    /** V1 and V2 applied; V3 is a valid migration written in an unusual way: applying it is right. */
    private static Attack applies(String name, byte[] content) {
        return attack(SCRIPTS, name, BOTH, run -> {
            run.twoMigrations().applyUpTo("2");
            run.script("V3__third.sql", content);
            return succeedsWith(run, run.migrate(), List.of("1", "2", "3"));
        });
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
