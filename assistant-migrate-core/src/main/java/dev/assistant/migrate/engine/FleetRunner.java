package dev.assistant.migrate.engine;

import dev.assistant.db.config.ConnectionSettings;
import dev.assistant.migrate.api.EngineLog;
import dev.assistant.migrate.api.FleetRequest;
import dev.assistant.migrate.api.FleetResult;
import dev.assistant.migrate.api.MigrationEngineException;
import dev.assistant.migrate.api.ScriptFailedException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one goal over a fleet of databases: the goal's own single-database path for each, on a thread pool of
 * {@link FleetRequest#parallel()} threads, started in the order given. A failure of one database is its outcome, not
 * the run's: the others go on, unless {@link FleetRequest#failFast()}, which starts no database after the first
 * failure (those running finish). Each database's log lines carry its name, and pass through its own password filter.
 */
public final class FleetRunner {

    /**
     * What the goal did on one database.
     *
     * @param passed false when the goal's verdict fails the database without an exception (check's findings)
     * @param result one line for the summary
     */
    public record Done<R>(R report, Optional<String> before, Optional<String> after, int applied, boolean passed,
            String result) {
    }

    /** The goal on one database, with that database's log. */
    @FunctionalInterface
    public interface Operation<R> {
        Done<R> run(ConnectionSettings database, EngineLog log);
    }

    private FleetRunner() {
    }

    public static <R> FleetResult<R> run(String goal, FleetRequest request, EngineLog log, Operation<R> operation) {
        List<ConnectionSettings> databases = request.databases();
        List<String> labels = labels(databases);
        AtomicBoolean stop = new AtomicBoolean();
        long start = System.nanoTime();
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(request.parallel(), databases.size()), task -> {
            Thread thread = new Thread(task, "assistant-fleet-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<FleetResult.Member<R>>> futures = new ArrayList<>();
            for (int i = 0; i < databases.size(); i++) {
                ConnectionSettings database = databases.get(i);
                EngineLog memberLog = new MemberLog(log, "[" + labels.get(i) + "] ", database);
                futures.add(pool.submit(() -> {
                    if (request.failFast() && stop.get()) {
                        return FleetResult.Member.notStarted(database.location());
                    }
                    FleetResult.Member<R> member = one(database, memberLog, operation);
                    if (member.outcome() == FleetResult.Outcome.FAILED) {
                        stop.set(true);
                    }
                    return member;
                }));
            }
            List<FleetResult.Member<R>> members = new ArrayList<>();
            for (Future<FleetResult.Member<R>> future : futures) {
                members.add(await(future));
            }
            return new FleetResult<>(goal, members, request.parallel(), request.failFast(),
                    (System.nanoTime() - start) / 1_000_000);
        } finally {
            pool.shutdownNow();
        }
    }

    private static <R> FleetResult.Member<R> one(ConnectionSettings database, EngineLog log, Operation<R> operation) {
        long start = System.nanoTime();
        try {
            Done<R> done = operation.run(database, log);
            return new FleetResult.Member<>(database.location(),
                    done.passed() ? FleetResult.Outcome.OK : FleetResult.Outcome.FAILED, done.before(), done.after(),
                    done.applied(), millisSince(start), done.result(), false, Optional.ofNullable(done.report()));
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
            log.warn("Failed: " + message);
            return new FleetResult.Member<>(database.location(), FleetResult.Outcome.FAILED, Optional.empty(),
                    Optional.empty(), 0, millisSince(start), database.redact(reason(e, message)),
                    e instanceof MigrationEngineException failure && !failure.isUserFixable(), Optional.empty());
        }
    }

    /** The first line of the message; for a script that failed, with where and the server's words. */
    private static String reason(RuntimeException e, String message) {
        String headline = message.lines().findFirst().orElse("");
        if (e instanceof ScriptFailedException failed && failed.serverMessage() != null) {
            return headline + " (line " + failed.line() + ", " + failed.sqlState() + ": "
                    + failed.serverMessage().lines().findFirst().orElse("").replaceFirst("^ERROR: ", "") + ")";
        }
        return headline;
    }

    private static <R> FleetResult.Member<R> await(Future<FleetResult.Member<R>> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MigrationEngineException("Interrupted while the fleet ran.", false, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new MigrationEngineException("The fleet run failed: " + e.getCause(), false, e.getCause());
        }
    }

    /** The database name where it tells the members apart, else host, port and name. */
    private static List<String> labels(List<ConnectionSettings> databases) {
        Set<String> names = new HashSet<>();
        boolean unique = databases.stream().allMatch(database -> names.add(database.database()));
        return databases.stream()
                .map(database -> unique ? database.database()
                        : database.host() + ":" + database.port() + "/" + database.database())
                .toList();
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** One database's lines: its name first, its password hidden. */
    private record MemberLog(EngineLog log, String prefix, ConnectionSettings database) implements EngineLog {

        @Override
        public void info(String message) {
            log.info(prefix + database.redact(message));
        }

        @Override
        public void warn(String message) {
            log.warn(prefix + database.redact(message));
        }

        @Override
        public void debug(String message) {
            log.debug(prefix + database.redact(message));
        }

        @Override
        public boolean isDebugEnabled() {
            return log.isDebugEnabled();
        }
    }
}
