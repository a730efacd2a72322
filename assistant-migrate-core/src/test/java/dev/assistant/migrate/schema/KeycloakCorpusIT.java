package dev.assistant.migrate.schema;

import dev.assistant.migrate.api.ModelSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * check on Keycloak 26.7.1: its Liquibase history recorded as SQL, its JPA model from its jar (see
 * {@link RealCorpusCheck}).
 */
class KeycloakCorpusIT extends RealCorpusCheck {

    @Test
    void keycloak() throws IOException {
        Path jars = DOWNLOADED.resolve("keycloak");
        verify(new Corpus("keycloak", List.of(CORPORA.resolve("keycloak/migration")),
                new ModelSource(List.of(jars.resolve("keycloak-model-jpa.jar")),
                        List.of(jars.resolve("keycloak-server-spi.jar"), jars.resolve("keycloak-core.jar")),
                        Path.of("")),
                List.of("index:idx_*", "index:*_attr_long_values*", "table:jgroups_ping"), 11));
    }
}
