package dev.assistant.migrate.bench;

import dev.assistant.db.testing.ScratchDatabase;
import dev.assistant.migrate.it.MavenRun;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Flyway's own Maven plugin, what users would otherwise run: the version of the Flyway Core this build uses (read from
 * its jar on the class path, so the two move together), resolved from Maven Central, with the PostgreSQL support and
 * driver of this build.
 */
final class FlywayPlugin {

    /** A project of one module, {@code pom} packaging, that declares one plugin. */
    private static final String POM = """
            <project xmlns="http://maven.apache.org/POM/4.0.0">
              <modelVersion>4.0.0</modelVersion>
              <groupId>%s</groupId>
              <artifactId>%s</artifactId>
              <version>1.0</version>
              <packaging>pom</packaging>
              <build>
                <plugins>
                  <plugin>
            %s
                  </plugin>
                </plugins>
              </build>
            </project>
            """;

    /** The plugin's declaration: it needs its PostgreSQL module and the driver next to it. */
    private static final String DECLARATION = """
                    <groupId>org.flywaydb</groupId>
                    <artifactId>flyway-maven-plugin</artifactId>
                    <version>%1$s</version>
                    <dependencies>
                      <dependency>
                        <groupId>org.flywaydb</groupId>
                        <artifactId>flyway-database-postgresql</artifactId>
                        <version>%1$s</version>
                      </dependency>
                      <dependency>
                        <groupId>org.postgresql</groupId>
                        <artifactId>postgresql</artifactId>
                        <version>%2$s</version>
                      </dependency>
                    </dependencies>""";

    private FlywayPlugin() {
    }

    static String version() {
        return mavenVersion("org.flywaydb", "flyway-core");
    }

    /** The JDBC driver of this build, which Flyway's plugin gets beside it. */
    static String driverVersion() {
        return org.postgresql.util.DriverInfo.DRIVER_VERSION;
    }

    /** What goes inside {@code <plugin>} to declare Flyway's plugin of {@code flywayVersion}. */
    static String declaration(String flywayVersion, String driverVersion) {
        return DECLARATION.formatted(flywayVersion, driverVersion);
    }

    /** The POM of a project of one module that declares the plugin {@code declaration} describes. */
    static String pom(String groupId, String artifactId, String declaration) {
        return POM.formatted(groupId, artifactId, declaration);
    }

    /** Makes {@code directory} a project of its own that declares Flyway's plugin. */
    static Path project(Path directory) throws IOException {
        Files.createDirectories(directory.resolve(".mvn"));
        Files.writeString(directory.resolve("pom.xml"), pom("dev.assistant.bench", "flyway-project",
                declaration(version(), driverVersion())), StandardCharsets.UTF_8);
        return directory;
    }

    /** {@code flyway:<goal>} on {@code database}, with the scripts of {@code versionsOnly}. */
    static MavenRun.Result run(Path project, ScratchDatabase database, String goal, Path versionsOnly) {
        return MavenRun.in(project).timeout(java.time.Duration.ofMinutes(10)).measured().run("-q", "-N",
                "-Dflyway.url=" + database.jdbcUrl(), "-Dflyway.user=" + database.user(),
                "-Dflyway.password=" + database.password(), "-Dflyway.locations=filesystem:" + versionsOnly,
                "org.flywaydb:flyway-maven-plugin:" + version() + ":" + goal);
    }

    private static String mavenVersion(String groupId, String artifactId) {
        String resource = "META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties";
        try (InputStream properties = FlywayPlugin.class.getClassLoader().getResourceAsStream(resource)) {
            if (properties == null) {
                throw new IllegalStateException("No " + resource + " on the class path");
            }
            Properties values = new Properties();
            values.load(properties);
            return values.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
