package dev.assistant.migrate.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Flyway's internal packages change between releases; one class takes what the engine needs from them. */
class FlywayInternalsTest {

    private static final Path SOURCES = Path.of("src/main/java");

    @Test
    void onlyFlywayInternalsImportsFlywaysInternalPackages() throws IOException {
        List<String> importing;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            importing = files.filter(file -> file.toString().endsWith(".java"))
                    .filter(FlywayInternalsTest::importsFlywayInternals)
                    .map(file -> SOURCES.relativize(file).toString().replace('\\', '/'))
                    .toList();
        }
        assertThat(importing).containsExactly("dev/assistant/migrate/engine/FlywayInternals.java");
    }

    @Test
    void splitsLikeFlywayAndTellsWhatMustRunOutsideATransaction() {
        assertThat(SqlStatements.withoutSession().split("U2__x.sql", """
                -- comment
                DROP INDEX CONCURRENTLY ix_a;
                CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;
                """))
                .extracting(statement -> statement.line() + " " + statement.transactional())
                .containsExactly("2 false", "3 true");
    }

    @Test
    void fillsFlywaysBuiltInPlaceholdersForTheSession() {
        assertThat(SqlStatements.forSession("app", "owner", "shop").split("V1__x.sql", """
                CREATE TABLE ${flyway:defaultSchema}.t (id int);
                COMMENT ON TABLE t IS 'made by ${flyway:user} in ${flyway:database} from ${flyway:filename}';
                """))
                .extracting(statement -> statement.sql())
                .containsExactly("CREATE TABLE app.t (id int)",
                        "COMMENT ON TABLE t IS 'made by owner in shop from V1__x.sql'");
    }

    private static boolean importsFlywayInternals(Path file) {
        try {
            return Files.readString(file).contains("import org.flywaydb.core.internal.");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
