package dev.assistant.migrate.api;

import java.util.List;

/** The migrations or the history have problems that must be fixed before the goal can go on. */
public final class ProblemsFoundException extends MigrationEngineException {

    private final List<Problem> problems;

    public ProblemsFoundException(String summary, List<Problem> problems) {
        super(summary + System.lineSeparator() + describe(problems), true);
        this.problems = List.copyOf(problems);
    }

    private static String describe(List<Problem> problems) {
        StringBuilder text = new StringBuilder();
        for (Problem problem : problems) {
            text.append("  - ").append(problem.describe()).append(System.lineSeparator());
        }
        return text.toString().stripTrailing();
    }

    public List<Problem> problems() {
        return problems;
    }
}
