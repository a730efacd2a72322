package dev.assistant.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assistant.db.testing.Jdbc;
import dev.assistant.db.testing.ScratchDatabase;
import dev.assistant.db.testing.ScratchDatabaseExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * migrate-on-start: an empty database is migrated before the service checks it, and replicas that start at once on
 * one database apply each migration exactly once, under the migration lock. Off, an empty database is refused.
 */
class MigrateOnStartIT {

    static final int REPLICAS = 3;

    @RegisterExtension
    static final ScratchDatabaseExtension SCRATCH = new ScratchDatabaseExtension();

    @Test
    void anEmptyDatabaseIsMigratedFirstWhenSwitchedOnBySystemProperty() {
        ScratchDatabase empty = SCRATCH.database();
        assertThatThrownBy(() -> AssistantDataLayer.start(empty.settings(), 1))
                .as("off by default").isInstanceOf(DatabaseNotReadyException.class);

        System.setProperty(MigrateOnStart.PROPERTY, "true");
        try (AssistantDataLayer data = AssistantDataLayer.start(empty.settings(), 1)) {
            assertThat(data.users().findById(Integer.MAX_VALUE)).isEmpty();
        } finally {
            System.clearProperty(MigrateOnStart.PROPERTY);
        }
        assertThat(Jdbc.strings(empty.settings(), "SELECT version FROM flyway_schema_history")).containsExactly("1");
    }

    @Test
    void replicasStartingAtOnceApplyEachMigrationOnce() throws Exception {
        try (ScratchDatabase shared = SCRATCH.database().server().createScratch("replicas")) {
            ExecutorService replicas = Executors.newFixedThreadPool(REPLICAS);
            CountDownLatch ready = new CountDownLatch(REPLICAS);
            try {
                List<Future<String>> started = new ArrayList<>();
                for (int i = 0; i < REPLICAS; i++) {
                    Callable<String> replica = () -> {
                        ready.countDown();
                        ready.await();
                        try (AssistantDataLayer data = AssistantDataLayer.start(shared.settings(), 1, true)) {
                            return data.users().findById(Integer.MAX_VALUE).isEmpty() ? "started" : "?";
                        }
                    };
                    started.add(replicas.submit(replica));
                }
                for (Future<String> replica : started) {
                    assertThat(replica.get(120, TimeUnit.SECONDS)).isEqualTo("started");
                }
            } finally {
                replicas.shutdownNow();
            }
            assertThat(Jdbc.strings(shared.settings(), "SELECT version || ':' || success FROM flyway_schema_history"))
                    .containsExactly("1:true");
        }
    }
}
