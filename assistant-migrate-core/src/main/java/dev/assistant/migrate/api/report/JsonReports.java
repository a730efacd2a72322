package dev.assistant.migrate.api.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assistant.migrate.api.AppliedMigration;
import dev.assistant.migrate.api.CheckReport;
import dev.assistant.migrate.api.FleetResult;
import dev.assistant.migrate.api.HistoryReport;
import dev.assistant.migrate.api.LintFinding;
import dev.assistant.migrate.api.PendingMigration;
import dev.assistant.migrate.api.Problem;
import dev.assistant.migrate.api.StatusReport;
import java.util.List;

/**
 * Renders status, history and check as JSON in the documented shape (docs/json-output.md). Fields are only ever added;
 * {@code formatVersion} changes if one is removed or changes meaning.
 */
public final class JsonReports {

    public static final int FORMAT_VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReports() {
    }

    public static String status(StatusReport report) {
        return write(statusNode(root("status", report.database()), report));
    }

    /**
     * The status of a fleet: one entry per database in the order given, each with its outcome and, when it could be
     * read, the status document of that database without its envelope.
     */
    public static String status(FleetResult<StatusReport> fleet) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("formatVersion", FORMAT_VERSION);
        root.put("report", "fleet-status");
        ArrayNode databases = root.putArray("databases");
        for (FleetResult.Member<StatusReport> member : fleet.members()) {
            ObjectNode node = databases.addObject();
            node.put("database", member.database());
            node.put("outcome", member.outcome().name());
            node.put("result", member.result());
            node.put("millis", member.millis());
            if (member.report().isPresent()) {
                statusNode(node.putObject("status"), member.report().get()).remove("formatVersion");
            } else {
                node.putNull("status");
            }
        }
        root.put("succeeded", fleet.succeeded());
        return write(root);
    }

    private static ObjectNode statusNode(ObjectNode root, StatusReport report) {
        ArrayNode locations = root.putArray("locations");
        report.locations().forEach(locations::add);
        if (report.current().isPresent()) {
            applied(root.putObject("current"), report.current().get());
        } else {
            root.putNull("current");
        }
        pending(root.putArray("pending"), report.pending());
        problems(root.putArray("problems"), report.problems());
        lint(root.putArray("lint"), report.lint());
        root.put("lintNotChecked", report.lintNotChecked().orElse(null));
        root.put("upToDate", report.isUpToDate());
        return root;
    }

    /** check's findings: pending migrations, problems, what was not checked, and the lint's findings. */
    public static String check(CheckReport report) {
        ObjectNode root = root("check", report.database());
        root.put("current", report.current().orElse(null));
        pending(root.putArray("pending"), report.pending());
        problems(root.putArray("problems"), report.problems());
        ArrayNode notChecked = root.putArray("notChecked");
        report.notChecked().forEach(notChecked::add);
        lint(root.putArray("lint"), report.lint());
        root.put("passed", report.passed());
        return write(root);
    }

    private static void lint(ArrayNode array, List<LintFinding> findings) {
        for (LintFinding finding : findings) {
            array.addObject()
                    .put("rule", finding.rule().id())
                    .put("severity", finding.severity().name())
                    .put("script", finding.script())
                    .put("line", finding.line())
                    .put("statement", finding.statement())
                    .put("table", finding.table().isEmpty() ? null : finding.table())
                    .put("observed", finding.observed())
                    .put("size", finding.size().orElse(null))
                    .put("safePattern", finding.rule().safePattern())
                    .put("allowed", finding.allowed().orElse(null))
                    .put("fails", finding.fails());
        }
    }

    private static void problems(ArrayNode problems, List<Problem> list) {
        for (Problem problem : list) {
            problems.addObject()
                    .put("kind", problem.kind().name())
                    .put("severity", problem.kind().severity().name())
                    .put("title", problem.kind().title())
                    .put("subject", problem.subject())
                    .put("detail", problem.detail())
                    .put("fix", problem.fix());
        }
    }

    public static String history(HistoryReport report) {
        ObjectNode root = root("history", report.database());
        ArrayNode applied = root.putArray("applied");
        report.applied().forEach(row -> applied(applied.addObject(), row));
        pending(root.putArray("pending"), report.pending());
        return write(root);
    }

    private static ObjectNode root(String report, String database) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("formatVersion", FORMAT_VERSION);
        root.put("report", report);
        root.put("database", database);
        return root;
    }

    private static void applied(ObjectNode node, AppliedMigration row) {
        node.put("installedRank", row.installedRank());
        node.put("version", row.version());
        node.put("description", row.description());
        node.put("type", row.type());
        node.put("script", row.script());
        node.put("installedOn", row.installedOn() == null ? null : row.installedOn().toString());
        node.put("installedBy", row.installedBy());
        node.put("executionTimeMillis", row.executionTimeMillis());
        node.put("state", row.state());
        node.put("undoAvailable", row.undoAvailable());
    }

    private static void pending(ArrayNode array, List<PendingMigration> pending) {
        for (PendingMigration migration : pending) {
            array.addObject()
                    .put("version", migration.version())
                    .put("description", migration.description())
                    .put("script", migration.script())
                    .put("location", migration.location())
                    .put("repeatable", migration.repeatable())
                    .put("reversible", migration.reversible());
        }
    }

    private static String write(ObjectNode root) {
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serialises", e);
        }
    }
}
