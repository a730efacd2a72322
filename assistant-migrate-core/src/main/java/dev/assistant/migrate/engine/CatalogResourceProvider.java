package dev.assistant.migrate.engine;

import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;

/**
 * Hands Flyway exactly the versioned and repeatable scripts of the catalog, so that Flyway and the rest of the engine
 * always see the same files. Undo scripts are the engine's business and are not offered.
 */
final class CatalogResourceProvider implements ResourceProvider {

    private final List<LoadableResource> resources = new ArrayList<>();

    CatalogResourceProvider(MigrationCatalog catalog) {
        catalog.migrations().values().forEach(script -> resources.add(new ScriptResource(script.file())));
        catalog.repeatables().forEach(script -> resources.add(new ScriptResource(script.file())));
    }

    @Override
    public LoadableResource getResource(String name) {
        return resources.stream().filter(r -> r.getFilename().equals(name)).findFirst().orElse(null);
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
        List<LoadableResource> matching = new ArrayList<>();
        for (LoadableResource resource : resources) {
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
