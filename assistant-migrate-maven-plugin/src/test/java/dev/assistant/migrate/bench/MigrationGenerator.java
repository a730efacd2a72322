package dev.assistant.migrate.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * N deterministic migrations with their undo scripts, of the kinds a real project has: new tables with a foreign key
 * to an earlier table, added columns, indexes, and inserted rows, in turn.
 */
final class MigrationGenerator {

    private MigrationGenerator() {
    }

    /** Writes V1..VN and U1..UN into {@code directory}; returns the V files in order. */
    static List<Path> write(Path directory, int count) throws IOException {
        Files.createDirectories(directory);
        List<Path> migrations = new ArrayList<>();
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
            Files.writeString(file, upgrade, StandardCharsets.UTF_8);
            Files.writeString(directory.resolve("U" + i + "__step_" + i + ".sql"), downgrade, StandardCharsets.UTF_8);
            migrations.add(file);
        }
        return migrations;
    }
}
