package dev.assistant.migrate.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The uniform set: N small migrations with their undo scripts, four kinds in turn: a new table with a foreign key to
 * the previous one (and 20 rows), an added column with a default, an index, 50 inserted rows. One or two statements
 * each.
 */
final class MigrationGenerator {

    static final String NAME = "uniform";

    private MigrationGenerator() {
    }

    /** Writes V1..VN and U1..UN into {@code directory}. */
    static MigrationSet write(Path directory, int count) throws IOException {
        Files.createDirectories(directory);
        List<MigrationSet.Script> scripts = new ArrayList<>();
        int tables = 0;
        for (int i = 1; i <= count; i++) {
            String upgrade;
            String downgrade;
            switch (i % 4) {
                case 1 -> {
                    tables++;
                    String reference = tables == 1 ? "" : ",\n    parent_id bigint REFERENCES t" + (tables - 1) + " (id)";
                    upgrade = "CREATE TABLE t" + tables + " (\n    id bigint PRIMARY KEY,\n    name text NOT NULL,\n"
                            + "    created_at timestamptz NOT NULL DEFAULT now()" + reference + "\n);\n"
                            + "INSERT INTO t" + tables + " (id, name) SELECT g, 'row ' || g FROM generate_series(1, 20) g;\n";
                    downgrade = "DROP TABLE t" + tables + ";\n";
                }
                case 2 -> {
                    upgrade = "ALTER TABLE t" + tables + " ADD COLUMN c" + i + " integer NOT NULL DEFAULT 0;\n";
                    downgrade = "ALTER TABLE t" + tables + " DROP COLUMN c" + i + ";\n";
                }
                case 3 -> {
                    upgrade = "CREATE INDEX ix" + i + " ON t" + tables + " (name, created_at DESC);\n";
                    downgrade = "DROP INDEX ix" + i + ";\n";
                }
                default -> {
                    upgrade = "INSERT INTO t" + tables + " (id, name) SELECT 1000 * " + i + " + g, 'more ' || g"
                            + " FROM generate_series(1, 50) g;\n";
                    downgrade = "DELETE FROM t" + tables + " WHERE id > 1000 * " + i + " AND id <= 1000 * " + i
                            + " + 50;\n";
                }
            }
            Path file = directory.resolve("V" + i + "__step_" + i + ".sql");
            Path undo = directory.resolve("U" + i + "__step_" + i + ".sql");
            Files.writeString(file, upgrade, StandardCharsets.UTF_8);
            Files.writeString(undo, downgrade, StandardCharsets.UTF_8);
            scripts.add(new MigrationSet.Script(i, file, undo));
        }
        return new MigrationSet(NAME, directory, scripts);
    }
}
