package dev.assistant.migrate.schema;

import dev.assistant.db.config.ConnectionSettings;
import dev.assistant.migrate.api.CheckReport;
import dev.assistant.migrate.api.EngineLog;
import dev.assistant.migrate.api.FleetRequest;
import dev.assistant.migrate.api.FleetResult;
import dev.assistant.migrate.api.LintMode;
import dev.assistant.migrate.api.ModelSource;
import dev.assistant.migrate.engine.FleetRunner;
import dev.assistant.migrate.engine.MigrationEngine;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * {@code check} over a fleet. What depends on the scripts alone — the chain replayed on a shadow database with every
 * undo, and the model compared with the schema it builds — is the same for every database and is done once, reading
 * the schema on the way at every version a database of the fleet stands at; what depends on each database — its
 * history, pending migrations, problems, and the changes made to it by hand — is read and compared per database, in
 * parallel: first every database is read, then the chain is replayed, then each database is compared.
 */
public final class FleetCheck {

    private final RenameHints renames;
    private final IgnoredObjects ignored;
    private final String shadowUrl;
    private final LintMode lint;

    /** @param lint whether the one replay observes locks and rewrites, and how its findings count */
    public FleetCheck(String shadowUrl, RenameHints renames, IgnoredObjects ignored, LintMode lint) {
        this.shadowUrl = shadowUrl;
        this.renames = renames;
        this.ignored = ignored;
        this.lint = lint;
    }

    /** @param engines the engine of one database, with that database's log */
    public FleetResult<CheckReport> run(FleetRequest fleet, Optional<ModelSource> model, EngineLog log,
            BiFunction<ConnectionSettings, EngineLog, MigrationEngine> engines) {
        long start = System.nanoTime();
        Map<ConnectionSettings, MigrationCheck> checks = new IdentityHashMap<>();
        FleetResult<MigrationCheck.Reading> read = FleetRunner.run("check", fleet, log, (database, memberLog) -> {
            MigrationCheck check = new MigrationCheck(engines.apply(database, memberLog), shadowUrl, renames, ignored,
                    lint);
            MigrationCheck.Reading reading = check.read();
            synchronized (checks) {
                checks.put(database, check);
            }
            return new FleetRunner.Done<>(reading, reading.reading().current().map(c -> c.version()),
                    reading.reading().current().map(c -> c.version()), reading.reading().pending().size(), true,
                    "read");
        });
        List<ConnectionSettings> readable = new ArrayList<>();
        Set<ReplayVerifier.LivePoint> live = new LinkedHashSet<>();
        MigrationCheck replayer = null;
        for (int i = 0; i < fleet.databases().size(); i++) {
            FleetResult.Member<MigrationCheck.Reading> member = read.members().get(i);
            if (member.outcome() == FleetResult.Outcome.OK) {
                ConnectionSettings database = fleet.databases().get(i);
                readable.add(database);
                MigrationCheck.Reading reading = member.report().orElseThrow();
                reading.live().ifPresent(live::add);
                if (replayer == null && !reading.scriptsBroken()) {
                    replayer = checks.get(database);
                }
            }
        }
        MigrationCheck.Replay replay = replayer == null ? null : replayer.replay(live, model);
        if (readable.isEmpty()) {
            return retyped(read);
        }
        FleetResult<CheckReport> compared = FleetRunner.run("check", new FleetRequest(readable, fleet.parallel(),
                fleet.failFast()), log, (database, memberLog) -> {
            MigrationCheck check = checks.get(database);
            MigrationCheck.Reading reading = read.members().get(fleet.databases().indexOf(database)).report()
                    .orElseThrow();
            CheckReport report = check.finish(reading, reading.scriptsBroken() ? null : replay);
            int findings = report.findings().size();
            return new FleetRunner.Done<>(report, report.current(), report.current(), report.pending().size(),
                    report.passed(), report.passed() ? "passed" : findings + " finding" + (findings == 1 ? "" : "s")
                    + ": " + report.findings().get(0));
        });
        List<FleetResult.Member<CheckReport>> members = new ArrayList<>();
        int next = 0;
        for (FleetResult.Member<MigrationCheck.Reading> first : read.members()) {
            if (first.outcome() != FleetResult.Outcome.OK) {
                members.add(retyped(first));
                continue;
            }
            FleetResult.Member<CheckReport> second = compared.members().get(next++);
            members.add(new FleetResult.Member<>(second.database(), second.outcome(), second.before(), second.after(),
                    second.applied(), first.millis() + second.millis(), second.result(), second.couldNotRun(),
                    second.report()));
        }
        return new FleetResult<>("check", members, fleet.parallel(), fleet.failFast(),
                (System.nanoTime() - start) / 1_000_000);
    }

    private static FleetResult<CheckReport> retyped(FleetResult<MigrationCheck.Reading> read) {
        return new FleetResult<>("check", read.members().stream().map(FleetCheck::retyped).toList(), read.parallel(),
                read.failFast(), read.millis());
    }

    private static FleetResult.Member<CheckReport> retyped(FleetResult.Member<MigrationCheck.Reading> member) {
        return new FleetResult.Member<>(member.database(), member.outcome(), member.before(), member.after(),
                member.applied(), member.millis(), member.result(), member.couldNotRun(), Optional.empty());
    }
}
