package dev.assistant.migrate.cli;

import dev.assistant.migrate.api.AssistantMigrate;
import dev.assistant.migrate.api.FleetRequest;
import dev.assistant.migrate.api.Workspace;
import picocli.CommandLine.Mixin;

/** A command that also runs over a fleet of databases: apply, current, check and downgrade. */
abstract class FleetCommand extends DatabaseCommand {

    @Mixin
    private FleetOptions fleet;

    @Override
    protected final FleetOptions fleetOptions() {
        return fleet;
    }

    @Override
    protected abstract int runFleet(AssistantMigrate core, Workspace workspace, FleetRequest fleet, Output output,
            ProcessContext context);
}
