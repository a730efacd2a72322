package dev.assistant.migrate.it;

import java.net.URI;

/**
 * The settings.xml of the Maven runs the tests and the attack driver start: the developer's own repository is read as
 * a remote one first, so that a run finds what the build already has. A local repository has no checksum files, and
 * checking them would only print warnings.
 */
public final class RepositorySettings {

    private static final String TEMPLATE = """
            <settings>
              <profiles>
                <profile>
                  <id>local</id>
                  <activation><activeByDefault>true</activeByDefault></activation>
                  <repositories>
                    <repository>
                      <id>local.central</id><url>%1$s</url>
                      <releases><checksumPolicy>ignore</checksumPolicy></releases>
                      <snapshots><checksumPolicy>ignore</checksumPolicy></snapshots>
                    </repository>
                  </repositories>
                  <pluginRepositories>
                    <pluginRepository>
                      <id>local.central</id><url>%1$s</url>
                      <releases><checksumPolicy>ignore</checksumPolicy></releases>
                      <snapshots><checksumPolicy>ignore</checksumPolicy></snapshots>
                    </pluginRepository>
                  </pluginRepositories>
                </profile>
              </profiles>
            %2$s</settings>
            """;

    private RepositorySettings() {
    }

    /**
     * @param userRepository the developer's repository
     * @param extra more settings (e.g. {@code <servers>}), or empty
     */
    public static String xml(URI userRepository, String extra) {
        return TEMPLATE.formatted(userRepository, extra);
    }
}
