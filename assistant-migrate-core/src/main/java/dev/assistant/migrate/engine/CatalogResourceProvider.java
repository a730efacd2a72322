package dev.assistant.migrate.engine;

import dev.assistant.migrate.api.MigrationEngineException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;

/**
 * Hands Flyway exactly the versioned and repeatable scripts of the catalog, so that Flyway and the rest of the engine
 * always see the same files, as the catalog read and decoded them: Flyway never opens a file itself. Undo scripts are
 * the engine's business and are not offered.
 */
final class CatalogResourceProvider implements ResourceProvider {

    private final Map<String, LoadableResource> resources = new LinkedHashMap<>();

    CatalogResourceProvider(MigrationCatalog catalog) {
        catalog.migrations().values().forEach(script -> resources.put(script.fileName(), new ScriptResource(script.file())));
        catalog.repeatables().forEach(script -> resources.put(script.fileName(), new ScriptResource(script.file())));
    }

    @Override
    public LoadableResource getResource(String name) {
        return resources.get(name);
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
        List<LoadableResource> matching = new ArrayList<>();
        for (LoadableResource resource : resources.values()) {
            String name = resource.getFilename();
            if (name.startsWith(prefix) && endsWithAny(name, suffixes)) {
                matching.add(resource);
            }
        }
        return matching;
    }

    private static boolean endsWithAny(String name, String[] suffixes) {
        for (String suffix : suffixes) {
            if (name.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }

    private static final class ScriptResource extends LoadableResource {
        private final ScriptFile file;

        ScriptResource(ScriptFile file) {
            this.file = file;
        }

        @Override
        public Reader read() {
            return new StringReader(file.text().orElseThrow(() -> new MigrationEngineException(
                    file.displayPath() + " is not valid UTF-8.", true)));
        }

        @Override
        public String getAbsolutePath() {
            return file.displayPath();
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return file.displayPath();
        }

        @Override
        public String getFilename() {
            return file.fileName();
        }

        @Override
        public String getRelativePath() {
            return file.fileName();
        }
    }
}
