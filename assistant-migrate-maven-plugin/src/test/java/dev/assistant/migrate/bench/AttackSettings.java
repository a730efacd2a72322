package dev.assistant.migrate.bench;

import java.nio.file.Path;

/**
 * Where the attack driver finds Maven and the artifacts.
 *
 * @param maven the {@code mvn} executable
 * @param userRepository the developer's repository, read as a remote by the runs of this plugin
 * @param pluginVersion the version of this plugin under attack
 * @param flywayVersion the version of Flyway's Maven plugin (and its PostgreSQL module) under attack
 * @param postgresqlVersion the JDBC driver Flyway's plugin gets
 */
record AttackSettings(Path maven, Path userRepository, String pluginVersion, String flywayVersion,
        String postgresqlVersion) {
}
