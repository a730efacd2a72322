package dev.assistant.migrate.schema;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The corpus results as the table docs/autogenerate.md shows, with the totals. */
final class CorpusReport {

    static final String SHIPS = "ships as generated";
    static final String REVIEW_PLACEHOLDER = "ships once the PLACEHOLDER is replaced";
    static final String REVIEW_RENAME = "review: possible rename, data dropped as generated";
    static final String AGREES = "no false drift";

    private CorpusReport() {
    }

    /** What one case showed. */
    static final class Result {
        final CorpusCase corpusCase;
        final List<String> failures = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        boolean detected;
        List<String> found = List.of();
        List<String> warnings = List.of();
        String upgrade = "";
        String failedOnRows;
        Boolean p1;
        String p2Catalog = "–";
        String p2Dump = "–";
        boolean p3;
        int inserted = -1;
        String insertsFailed;
        String hibernate = "–";
        int rowChecks;
        int rowChecksFailed;
        String verdict = "not run";

        Result(CorpusCase corpusCase) {
            this.corpusCase = corpusCase;
        }

        void found(List<String> operations, List<String> printed) {
            this.found = operations;
            this.warnings = printed;
        }

        void generated(String upgradeScript, String downgradeScript) {
            this.upgrade = upgradeScript;
        }

        void failedOnRows(String why) {
            failedOnRows = why;
        }

        void rowsAfter(int check, boolean kept) {
            rowChecks++;
            if (!kept) {
                rowChecksFailed++;
                failures.add("rows of check " + (check + 1) + " differ after the migration");
            }
        }

        void rowsUndone(int check, boolean kept) {
            rowChecks++;
            if (!kept) {
                rowChecksFailed++;
                failures.add("rows of check " + (check + 1) + " are missing after the undo");
            }
        }

        void note(List<String> lines) {
            notes.addAll(lines);
        }

        void p2Catalog(boolean equalWithoutOrder, List<String> orderChanges, List<String> differences) {
            if (!equalWithoutOrder) {
                p2Catalog = "differs";
                failures.add("after the undo the catalog differs: " + differences);
            } else {
                p2Catalog = orderChanges.isEmpty() ? "equal" : "equal; column order changed: "
                        + String.join("; ", orderChanges);
            }
        }

        void p2Dump(boolean equal, boolean equalWithoutOrder) {
            p2Dump = equal ? "equal" : equalWithoutOrder ? "column order only (reported)" : "differs";
            if (!equalWithoutOrder) {
                failures.add("after the undo pg_dump --schema-only differs beyond column order");
            }
        }

        void insertsFailed(String why) {
            insertsFailed = why;
            failures.add("Hibernate's first inserts fail: " + why);
        }

        void hibernateDdl(List<String> differences, String failure) {
            if (failure != null) {
                hibernate = "Hibernate's own DDL fails: " + failure;
            } else if (differences.isEmpty()) {
                hibernate = "same";
            } else {
                hibernate = "differs: " + String.join("; ", differences);
                failures.add("the migrated schema differs from what Hibernate's own DDL creates: " + differences);
            }
        }

        void finish() {
            if (p1 != null && !p1) {
                failures.add("property 1: " + notes);
            }
            if (!p3 && failedOnRows == null) {
                failures.add("property 3: " + notes);
            }
            if (failedOnRows != null) {
                verdict = corpusCase.limit() != null ? "stated limit: " + corpusCase.limit()
                        : "fails on rows: " + failedOnRows;
                if (corpusCase.limit() == null) {
                    failures.add(failedOnRows);
                }
            } else if (!failures.isEmpty()) {
                verdict = "fails: " + String.join("; ", failures);
            } else if (corpusCase.expectsNothing()) {
                verdict = AGREES;
            } else if (upgrade.contains("-- " + Backfill.MARKER)) {
                verdict = REVIEW_PLACEHOLDER;
            } else if (upgrade.contains("-- WARNING: possible rename")) {
                verdict = REVIEW_RENAME;
            } else {
                verdict = SHIPS;
            }
        }

        private String rows() {
            if (failedOnRows != null) {
                return "no: " + failedOnRows;
            }
            String inserts = insertsFailed != null ? "first inserts fail: " + insertsFailed
                    : inserted < 0 ? "no inserts" : inserted + " inserted by Hibernate after";
            if (!corpusCase.holdsRows()) {
                return "no rows before; " + inserts;
            }
            return (rowChecksFailed == 0 ? "yes" : "no") + " (" + (rowChecks - rowChecksFailed) + "/" + rowChecks
                    + " row checks; " + inserts + ")";
        }
    }

    static String markdown(List<Result> results) {
        List<Result> sorted = new ArrayList<>(results);
        sorted.sort(Comparator.comparing(result -> result.corpusCase.name()));
        StringBuilder text = new StringBuilder();
        text.append("| case | detected | P1 | P2 catalog | P2 dump | P3 | works on rows | Hibernate's DDL | verdict |\n");
        text.append("|---|---|---|---|---|---|---|---|---|\n");
        for (Result result : sorted) {
            CorpusCase corpusCase = result.corpusCase;
            String detected = !result.detected ? "no" : corpusCase.expectsNothing() ? "yes (nothing to do)"
                    : "yes (" + result.found.size() + " operation" + (result.found.size() == 1 ? "" : "s") + ")";
            text.append("| ").append(corpusCase.name()).append(": ").append(cell(corpusCase.title()))
                    .append(" | ").append(detected)
                    .append(" | ").append(result.p1 == null ? "–" : result.p1 ? "yes" : "no")
                    .append(" | ").append(cell(result.p2Catalog))
                    .append(" | ").append(cell(result.p2Dump))
                    .append(" | ").append(result.failedOnRows != null ? "–" : result.p3 ? "passes" : "fails")
                    .append(" | ").append(cell(result.rows()))
                    .append(" | ").append(cell(result.hibernate))
                    .append(" | ").append(cell(result.verdict)).append(" |\n");
        }
        text.append('\n').append(totals("Cases on tables that hold rows", sorted.stream()
                .filter(result -> result.corpusCase.holdsRows()).toList()));
        text.append(totals("All cases", sorted));
        return text.toString();
    }

    private static String totals(String label, List<Result> results) {
        List<Result> changing = results.stream().filter(result -> !result.corpusCase.expectsNothing()).toList();
        List<Result> agreeing = results.stream().filter(result -> result.corpusCase.expectsNothing()).toList();
        long detected = changing.stream().filter(result -> result.detected).count();
        long ships = changing.stream().filter(result -> result.verdict.equals(SHIPS)).count();
        long placeholder = changing.stream().filter(result -> result.verdict.equals(REVIEW_PLACEHOLDER)).count();
        long rename = changing.stream().filter(result -> result.verdict.equals(REVIEW_RENAME)).count();
        long limits = changing.stream().filter(result -> result.verdict.startsWith("stated limit")).count();
        long failing = results.stream().filter(result -> !result.failures.isEmpty()).count();
        long quiet = agreeing.stream().filter(result -> result.detected && result.failures.isEmpty()).count();
        return "**" + label + "** (" + results.size() + "): detected " + detected + "/" + changing.size()
                + "; ships as generated " + ships + "/" + detected + ", after replacing a placeholder " + placeholder
                + ", after reviewing a possible rename " + rename + ", stated limits " + limits
                + "; no false drift " + quiet + "/" + agreeing.size() + "; failing " + failing + ".\n\n";
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
