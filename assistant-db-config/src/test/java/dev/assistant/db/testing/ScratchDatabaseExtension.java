package dev.assistant.db.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One scratch database per test class, created before the first test and dropped after the last, whether the tests
 * passed or not:
 *
 * <pre>{@code @RegisterExtension static final ScratchDatabaseExtension DB = new ScratchDatabaseExtension();}</pre>
 *
 * Test methods may also take a {@link ScratchDatabase} parameter.
 */
public final class ScratchDatabaseExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private ScratchDatabase database;

    @Override
    public void beforeAll(ExtensionContext context) {
        database = TestDatabaseServer.get().createScratch(context.getRequiredTestClass().getSimpleName());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (database != null) {
            try {
                database.close();
            } finally {
                database = null;
            }
        }
    }

    /** The scratch database of the running test class. */
    public ScratchDatabase database() {
        if (database == null) {
            throw new IllegalStateException("The scratch database exists between beforeAll and afterAll; register the"
                    + " extension as a static field with @RegisterExtension.");
        }
        return database;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == ScratchDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return database();
    }
}
