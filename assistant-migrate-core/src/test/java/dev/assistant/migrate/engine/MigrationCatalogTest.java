package dev.assistant.migrate.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assistant.migrate.api.Problem;
import dev.assistant.migrate.api.ProblemKind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;

/** Problems the files alone reveal, found without a database. */
class MigrationCatalogTest {

    private final List<ScriptFile> files = new ArrayList<>();

    private MigrationCatalogTest file(String path, String sql) {
        return file(path, sql.getBytes(StandardCharsets.UTF_8));
    }

    private MigrationCatalogTest file(String path, byte[] content) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        files.add(new ScriptFile(name, "/m/" + path, null, content));
        return this;
    }

    private MigrationCatalog catalog() {
        return MigrationCatalog.of(List.of(), files);
    }

    private List<ProblemKind> kinds() {
        return catalog().problems().stream().map(Problem::kind).toList();
    }

    @Test
    void aCompleteChainHasNoProblems() {
        file("V1__baseline.sql", "CREATE TABLE a (id int);")
                .file("U1__baseline.sql", "DROP TABLE a;")
                .file("V2__b.sql", "CREATE TABLE b (id int);")
                .file("U2__b.sql", "DROP TABLE b;")
                .file("R__views.sql", "CREATE OR REPLACE VIEW v AS SELECT 1;")
                .file("README.md", "not sql");
        MigrationCatalog catalog = catalog();
        assertThat(catalog.problems()).isEmpty();
        assertThat(catalog.migrations().keySet()).extracting(MigrationVersion::toString).containsExactly("1", "2");
        assertThat(catalog.isReversible(MigrationVersion.fromVersion("2"))).isTrue();
        assertThat(catalog.repeatables()).hasSize(1);
    }

    @Test
    void aMigrationWithoutUndoIsIrreversible() {
        file("V1__a.sql", "CREATE TABLE a (id int);");
        Problem problem = catalog().problems().get(0);
        assertThat(problem.kind()).isEqualTo(ProblemKind.MISSING_UNDO);
        assertThat(problem.subject()).isEqualTo("V1__a.sql");
        assertThat(problem.detail()).contains("U1__a.sql");
        assertThat(catalog().isReversible(MigrationVersion.fromVersion("1"))).isFalse();
    }

    @Test
    void aCommentOnlyUndoCountsAsNoUndo() {
        file("V1__a.sql", "CREATE TABLE a (id int);")
                .file("U1__a.sql", "-- TODO reverse this\n/* nested /* comment */ still */\n\n;\n");
        assertThat(kinds()).containsExactly(ProblemKind.MISSING_UNDO);
        assertThat(catalog().problems().get(0).detail()).contains("holds only comments");
        assertThat(catalog().undo(MigrationVersion.fromVersion("1"))).isEmpty();
    }

    @Test
    void anUndoWithoutMigrationIsReported() {
        file("V1__a.sql", "CREATE TABLE a (id int);")
                .file("U1__a.sql", "DROP TABLE a;")
                .file("U7__orphan.sql", "DROP TABLE z;");
        assertThat(kinds()).containsExactly(ProblemKind.UNDO_WITHOUT_MIGRATION);
        assertThat(catalog().problems().get(0).subject()).isEqualTo("U7__orphan.sql");
    }

    @Test
    void twoFilesWithOneVersionAreADuplicateNamingBoth() {
        file("a/V3__one.sql", "SELECT 1;")
                .file("a/U3__one.sql", "SELECT 1;")
                .file("b/V3__two.sql", "SELECT 2;")
                .file("V1_0__x.sql", "SELECT 3;")
                .file("U1_0__x.sql", "SELECT 3;");
        List<Problem> duplicates = catalog().problems().stream()
                .filter(p -> p.kind() == ProblemKind.DUPLICATE_VERSION)
                .toList();
        assertThat(duplicates).singleElement().satisfies(p -> {
            assertThat(p.subject()).isEqualTo("V3");
            assertThat(p.detail()).contains("/m/a/V3__one.sql", "/m/b/V3__two.sql");
            assertThat(p.isError()).isTrue();
        });
    }

    @Test
    void versionsThatDifferOnlyInSpellingAreTheSameVersion() {
        file("V1__a.sql", "SELECT 1;").file("U1__a.sql", "SELECT 1;")
                .file("V1.0__b.sql", "SELECT 2;");
        assertThat(kinds()).contains(ProblemKind.DUPLICATE_VERSION);
    }

    @Test
    void aCommentOnlyMigrationIsAVersionThatChangesNothingWithAWarning() {
        file("V1__a.sql", "CREATE TABLE a (id int);").file("U1__a.sql", "DROP TABLE a;")
                .file("V2__merge.sql", "-- merges two branches\n/* nothing to do */\n")
                .file("U2__merge.sql", "-- nothing to undo\n");
        MigrationCatalog catalog = catalog();
        assertThat(catalog.errors()).isEmpty();
        assertThat(catalog.problems()).singleElement().satisfies(p -> {
            assertThat(p.describe()).isEqualTo("V2__merge.sql: holds only comments: a version that changes nothing."
                    + " /m/V2__merge.sql has no SQL statement; migrate records version 2 and changes nothing, as"
                    + " Flyway does. Fix: None needed for a merge or a placeholder; if its SQL is missing, write it"
                    + " before any database applies version 2.");
            assertThat(p.isError()).isFalse();
        });
        assertThat(catalog.isReversible(MigrationVersion.fromVersion("2"))).isTrue();
    }

    @Test
    void aCommentOnlyUndoOfAMigrationWithSqlIsStillNone() {
        file("V1__merge.sql", "-- nothing\n").file("U1__merge.sql", "-- nothing\n")
                .file("V2__b.sql", "CREATE TABLE b (id int);").file("U2__b.sql", "-- TODO\n");
        assertThat(catalog().errors()).isEmpty();
        assertThat(catalog().problems()).extracting(Problem::subject).containsExactly("V1__merge.sql", "V2__b.sql");
        assertThat(catalog().isReversible(MigrationVersion.fromVersion("1"))).isTrue();
        assertThat(catalog().isReversible(MigrationVersion.fromVersion("2"))).isFalse();
    }

    @Test
    void aZeroByteOrWhitespaceOnlyMigrationIsAnError() {
        file("V1__zero.sql", "").file("U1__zero.sql", "SELECT 1;")
                .file("V2__spaces.sql", "  \n\t\n").file("U2__spaces.sql", "SELECT 1;");
        assertThat(catalog().errors()).extracting(Problem::describe).containsExactly(
                "V1__zero.sql: holds no SQL statement. /m/V1__zero.sql is empty. Fix: Write its SQL, or delete the"
                        + " file (and its undo) if the change is not needed.",
                "V2__spaces.sql: holds no SQL statement. /m/V2__spaces.sql holds only whitespace. Fix: Write its"
                        + " SQL, or delete the file (and its undo) if the change is not needed.");
    }

    @Test
    void twoMigrationsWithOneVersionAreOneProblemWithTheRenameOfTheNewerPair() throws Exception {
        java.nio.file.Path directory = java.nio.file.Files.createTempDirectory("duplicate");
        for (String name : List.of("V3__one.sql", "U3__one.sql", "V3__two.sql", "U3__two.sql")) {
            java.nio.file.Path path = directory.resolve(name);
            java.nio.file.Files.writeString(path, "SELECT 1;");
            java.nio.file.Files.setLastModifiedTime(path, java.nio.file.attribute.FileTime.fromMillis(
                    name.contains("two") ? 2_000_000_000_000L : 1_000_000_000_000L));
        }
        MigrationCatalog catalog = MigrationCatalog.scan(
                List.of(new dev.assistant.migrate.api.ScriptLocation.Directory(directory)), TestHints.HINTS);
        assertThat(catalog.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(ProblemKind.DUPLICATE_VERSION);
            assertThat(p.subject()).isEqualTo("V3");
            assertThat(p.fix()).matches("Keep V3__one\\.sql; give the newer V3__two\\.sql a version of its own:"
                    + " `git mv V3__two\\.sql V(\\d{14})__two\\.sql` and `git mv U3__two\\.sql U\\1__two\\.sql`"
                    + " \\(in its directory\\)\\.");
        });
    }

    @Test
    void emptyAndNonUtf8MigrationsAreErrors() {
        file("V1__empty.sql", "  \n\n")
                .file("U1__empty.sql", "SELECT 1;")
                .file("V2__latin1.sql", new byte[] {'S', 'E', 'L', 'E', 'C', 'T', ' ', '\'', (byte) 0xE9, '\'', ';'})
                .file("U2__latin1.sql", "SELECT 1;");
        MigrationCatalog catalog = catalog();
        assertThat(catalog.errors()).extracting(Problem::kind)
                .containsExactlyInAnyOrder(ProblemKind.EMPTY_MIGRATION, ProblemKind.NOT_UTF8);
        assertThat(catalog.errors()).filteredOn(p -> p.kind() == ProblemKind.NOT_UTF8)
                .singleElement()
                .satisfies(p -> assertThat(p.detail()).contains("line 1"));
    }

    @Test
    void scriptsNamedLikeMigrationsThatAreNotOneAreErrorsOtherSqlFilesWarnings() {
        file("V1__a.sql", "SELECT 1;").file("U1__a.sql", "SELECT 1;")
                .file("v2__lower.sql", "SELECT 2;")
                .file("V3_one_underscore.sql", "SELECT 3;")
                .file("V__x.sql", "SELECT 4;")
                .file("V4__.sql", "SELECT 4;")
                .file("V5__x.SQL", "SELECT 5;")
                .file("seed.sql", "SELECT 6;");
        MigrationCatalog catalog = catalog();
        assertThat(catalog.errors()).extracting(Problem::subject)
                .containsExactlyInAnyOrder("v2__lower.sql", "V3_one_underscore.sql", "V__x.sql", "V4__.sql",
                        "V5__x.SQL");
        assertThat(catalog.errors()).extracting(Problem::kind).containsOnly(ProblemKind.MISNAMED_MIGRATION);
        assertThat(catalog.errors()).filteredOn(p -> p.subject().equals("v2__lower.sql")).singleElement()
                .satisfies(p -> assertThat(p.fix()).contains("git mv v2__lower.sql V2__lower.sql"));
        assertThat(catalog.errors()).filteredOn(p -> p.subject().equals("V5__x.SQL")).singleElement()
                .satisfies(p -> assertThat(p.fix()).contains("git mv V5__x.SQL V5__x.sql"));
        assertThat(catalog.errors()).filteredOn(p -> p.subject().equals("V__x.sql")).singleElement()
                .satisfies(p -> assertThat(p.detail()).contains("it has no version"));
        assertThat(catalog.errors()).filteredOn(p -> p.subject().equals("V4__.sql")).singleElement()
                .satisfies(p -> assertThat(p.detail()).contains("it has no description"));
        assertThat(catalog.ignoredEntries()).extracting(Problem::subject).containsExactly("seed.sql");
        assertThat(catalog.migrations()).hasSize(1);
    }

    @Test
    void aNulByteInAScriptIsAnError() {
        file("V1__a.sql", "SELECT 1;\nSELECT '\u0000';\n").file("U1__a.sql", "SELECT 1;");
        assertThat(catalog().errors()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(ProblemKind.NUL_BYTE);
            assertThat(p.detail()).contains("line 2");
        });
    }

    @Test
    void aByteOrderMarkIsNotContent() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '-', '-', ' ', 'x', '\n'};
        file("V1__a.sql", "SELECT 1;").file("U1__a.sql", bom);
        assertThat(kinds()).containsExactly(ProblemKind.MISSING_UNDO);
    }
}
