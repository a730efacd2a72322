package dev.assistant.migrate.api;

import java.util.List;
import java.util.Optional;

/**
 * What a goal did over a fleet: one member per database, in the order they were given, whatever order they finished in.
 *
 * @param goal the goal, e.g. {@code migrate}
 * @param members each database's outcome
 * @param parallel how many ran at once
 * @param failFast whether the first failure stopped the start of the others
 * @param millis the wall time of the whole run
 * @param <R> the goal's own result for one database
 */
public record FleetResult<R>(String goal, List<Member<R>> members, int parallel, boolean failFast, long millis) {

    public FleetResult {
        members = List.copyOf(members);
    }

    /** How one database came out. */
    public enum Outcome {
        /** The goal ran and found nothing that fails it. */
        OK,
        /** The goal failed, or (check) found something. */
        FAILED,
        /** Not started: an earlier failure stopped the run ({@code failFast}). */
        NOT_STARTED
    }

    /**
     * One database of the fleet.
     *
     * @param database the database, as {@code postgresql://host:port/database}: no user, password or parameters
     * @param outcome how it came out
     * @param before its version when the goal started (empty: none applied, or not read)
     * @param after its version when the goal ended (empty: none applied, or not read)
     * @param applied what the goal changed: migrations applied or undone; for status and check, pending ones
     * @param millis how long it took
     * @param result one line: what it did, or why it failed
     * @param couldNotRun a failure of the environment (no server answered, the lock was held too long), which may
     *     pass when run again; false for a problem of the scripts, the history or the settings, which needs a person
     * @param report the goal's own result, when it got one
     */
    public record Member<R>(String database, Outcome outcome, Optional<String> before, Optional<String> after,
            int applied, long millis, String result, boolean couldNotRun, Optional<R> report) {

        public static <R> Member<R> notStarted(String database) {
            return new Member<>(database, Outcome.NOT_STARTED, Optional.empty(), Optional.empty(), 0, 0,
                    "not started", false, Optional.empty());
        }
    }

    public List<Member<R>> failed() {
        return members.stream().filter(member -> member.outcome() == Outcome.FAILED).toList();
    }

    public List<Member<R>> notStarted() {
        return members.stream().filter(member -> member.outcome() == Outcome.NOT_STARTED).toList();
    }

    /**
     * The run failed, and only for reasons that may pass when run again: every failed database could not run (a
     * front end tells this apart, as the tool's exit code 3 from 1).
     */
    public boolean onlyCouldNotRun() {
        return !succeeded() && !failed().isEmpty() && failed().stream().allMatch(Member::couldNotRun);
    }

    /** Every database ran and passed. */
    public boolean succeeded() {
        return members.stream().allMatch(member -> member.outcome() == Outcome.OK);
    }
}
