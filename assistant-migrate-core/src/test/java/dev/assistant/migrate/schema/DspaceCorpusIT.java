package dev.assistant.migrate.schema;

import dev.assistant.migrate.api.ModelSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * check on DSpace 8.2: its Flyway history (the SQL of its jar, its Java steps recorded as SQL), its JPA model from
 * its jar (see {@link RealCorpusCheck}).
 */
class DspaceCorpusIT extends RealCorpusCheck {

    @Test
    void dspace() throws IOException {
        Path jars = DOWNLOADED.resolve("dspace");
        List<Path> classpath;
        try (Stream<Path> files = Files.list(jars)) {
            classpath = files.filter(file -> !file.getFileName().toString().equals("dspace-api.jar")).sorted().toList();
        }
        verify(new Corpus("dspace", List.of(DOWNLOADED.resolve("dspace-sql"), CORPORA.resolve("dspace/migration")),
                new ModelSource(List.of(jars.resolve("dspace-api.jar")), classpath, Path.of("")),
                List.of("index:*", "sequence:handle_seq", "function:getnextid"), 3));
    }
}
