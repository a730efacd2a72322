package dev.assistant.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assistant.db.testing.Jdbc;
import dev.assistant.db.testing.ScratchDatabase;
import dev.assistant.db.testing.ScratchDatabaseExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two replicas start at once and each runs {@code apply} on the same empty database, as init containers or Jobs of a
 * rollout may: both succeed, and every migration is applied exactly once, by one of them.
 */
class ConcurrentApplyIT {

    static final int MIGRATIONS = 12;
    private static final Pattern APPLIED = Pattern.compile("Applied (\\d+) migrations? in");

    @RegisterExtension
    static final ScratchDatabaseExtension DB = new ScratchDatabaseExtension();

    @TempDir
    Path project;

    @Test
    void twoProcessesRacingApplyEachMigrationOnce() throws IOException {
        Path migrations = Files.createDirectories(project.resolve("src/main/resources/db/migration"));
        for (int i = 1; i <= MIGRATIONS; i++) {
            // long enough that the second process arrives while the first is still applying
            Files.writeString(migrations.resolve("V" + i + "__t" + i + ".sql"), "CREATE TABLE t" + i
                    + " (id integer PRIMARY KEY);\nSELECT pg_sleep(0.1);\n", StandardCharsets.UTF_8);
            Files.writeString(migrations.resolve("U" + i + "__t" + i + ".sql"), "DROP TABLE t" + i + ";\n",
                    StandardCharsets.UTF_8);
        }
        ScratchDatabase database = DB.database();
        CliProcess cli = CliProcess.in(project).env("DATABASE_URL", database.url()).secret(database.password());

        Process first = cli.start("apply");
        Process second = cli.start("apply");
        List<CliProcess.Result> results = List.of(cli.finish(first, "apply"), cli.finish(second, "apply"));

        assertThat(results).allSatisfy(result -> assertThat(result.exitCode()).as(result.toString()).isZero());
        assertThat(results.stream().mapToInt(ConcurrentApplyIT::appliedCount).sum()).as(results.toString())
                .isEqualTo(MIGRATIONS);
        assertThat(Jdbc.strings(database.settings(), "SELECT version FROM flyway_schema_history"
                + " WHERE success ORDER BY installed_rank"))
                .containsExactlyElementsOf(IntStream.rangeClosed(1, MIGRATIONS).mapToObj(Integer::toString).toList());
        assertThat(results).allSatisfy(result -> assertThat(result.out()).contains("Now at version " + MIGRATIONS));
    }

    private static int appliedCount(CliProcess.Result result) {
        Matcher applied = APPLIED.matcher(result.out());
        return applied.find() ? Integer.parseInt(applied.group(1)) : 0;
    }
}
