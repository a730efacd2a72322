package dev.assistant.db.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Scratch databases against the real server: created empty, usable, and gone afterwards whatever happened. */
class ScratchDatabaseIT {

    @RegisterExtension
    static final ScratchDatabaseExtension DB = new ScratchDatabaseExtension();

    private static boolean exists(String name) throws SQLException {
        try (Connection admin = TestDatabaseServer.get().connectAdmin();
                PreparedStatement statement = admin.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    @Test
    void theClassDatabaseIsEmptyAndUsable(ScratchDatabase database) throws SQLException {
        assertThat(database).isSameAs(DB.database());
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE probe (id int)");
            try (ResultSet rows = statement.executeQuery("SELECT current_database(), current_user")) {
                rows.next();
                assertThat(rows.getString(1)).isEqualTo(database.name());
                assertThat(rows.getString(2)).isEqualTo(database.user());
            }
        }
        assertThat(database.url()).startsWith("postgresql://").endsWith("/" + database.name());
        assertThat(database.toString()).doesNotContain(":" + database.password() + "@");
    }

    @Test
    void closeDropsTheDatabaseEvenWhileSomeoneIsConnected() throws SQLException {
        ScratchDatabase scratch = TestDatabaseServer.get().createScratch("close-test");
        assertThat(exists(scratch.name())).isTrue();
        try (Connection stillOpen = scratch.connect()) {
            scratch.close();
            assertThat(exists(scratch.name())).isFalse();
        } catch (SQLException terminated) {
            // the forced drop ended this session; that is the point
        }
        scratch.close();
        assertThat(exists(scratch.name())).isFalse();
    }

    @Test
    void theExtensionDropsItsDatabaseAfterAFailedTestClass() throws SQLException {
        ScratchDatabaseExtension extension = new ScratchDatabaseExtension();
        ExtensionContext context = failedClassContext();
        extension.beforeAll(context);
        String name = extension.database().name();
        assertThat(exists(name)).isTrue();

        extension.afterAll(context);

        assertThat(exists(name)).isFalse();
    }

    /** The context of a test class whose tests failed: all the extension may read is the class and the failure. */
    private static ExtensionContext failedClassContext() {
        return (ExtensionContext) Proxy.newProxyInstance(ExtensionContext.class.getClassLoader(),
                new Class<?>[] {ExtensionContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getTestClass" -> Optional.of(ScratchDatabaseIT.class);
                    case "getExecutionException" -> Optional.of(new AssertionError("a test of this class failed"));
                    default -> method.isDefault() ? InvocationHandler.invokeDefault(proxy, method, args)
                            : unsupported(method);
                });
    }

    private static Object unsupported(Method method) {
        throw new UnsupportedOperationException(method.getName());
    }
}
