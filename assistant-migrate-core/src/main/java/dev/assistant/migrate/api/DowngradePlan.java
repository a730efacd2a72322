package dev.assistant.migrate.api;

import java.util.List;

/**
 * What a downgrade will do, decided before anything changes.
 *
 * @param target the target as given
 * @param fromVersion the current version, or null when nothing is applied
 * @param toVersion the version that will be current afterwards, or null for an empty history
 * @param steps the undos, newest first
 */
public record DowngradePlan(String target, String fromVersion, String toVersion, List<DowngradeStep> steps) {

    public DowngradePlan {
        steps = List.copyOf(steps);
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }
}
