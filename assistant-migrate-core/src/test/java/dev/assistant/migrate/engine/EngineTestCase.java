package dev.assistant.migrate.engine;

import dev.assistant.db.testing.ScratchDatabaseExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A scratch database per test class, emptied before each test, and a migrations directory per test. */
abstract class EngineTestCase {

    @RegisterExtension
    static final ScratchDatabaseExtension DB = new ScratchDatabaseExtension();

    @TempDir
    Path scripts;

    MigrationsFixture fixture;

    @BeforeEach
    void emptyDatabase() {
        fixture = new MigrationsFixture(scripts, DB.database());
        fixture.reset();
    }
}
