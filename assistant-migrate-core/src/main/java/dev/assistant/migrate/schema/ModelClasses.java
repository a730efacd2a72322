package dev.assistant.migrate.schema;

import dev.assistant.migrate.api.Hints;
import dev.assistant.migrate.api.MigrationEngineException;
import dev.assistant.migrate.api.ModelSource;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.MappedSuperclass;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The compiled entity classes of the project, loaded at run time: neither the plugin nor the command line tool depends
 * on the model. The roots are directories of compiled classes (e.g. {@code assistant-db-model/target/classes}) or jar
 * files (e.g. {@code assistant-db-model.jar}); their class loader's parent is the core's, so that the entities see the
 * same Jakarta Persistence and Hibernate as the reader.
 */
public final class ModelClasses implements Closeable {

    private static final byte[] ENTITY_MARKER = "Ljakarta/persistence/Entity;".getBytes(StandardCharsets.US_ASCII);

    private final List<Path> roots;
    private final URLClassLoader loader;
    private final List<Class<?>> annotatedClasses;
    private final ModelSource naming;

    private ModelClasses(List<Path> roots, URLClassLoader loader, List<Class<?>> annotatedClasses,
            ModelSource naming) {
        this.naming = naming;
        this.roots = List.copyOf(roots);
        this.loader = loader;
        this.annotatedClasses = List.copyOf(annotatedClasses);
    }

    /**
     * Loads the model a front end pointed at, or explains that there is none.
     *
     * @throws MigrationEngineException when no model is given, or its roots are missing or hold no entity
     */
    public static ModelClasses load(Optional<ModelSource> source, Hints hints) {
        if (source.isEmpty()) {
            throw new MigrationEngineException("No compiled model classes were given. Compile the model first: "
                    + hints.buildModel() + "; or point " + hints.setting(Hints.Setting.MODEL_CLASSES)
                    + " at the directory that holds the compiled @Entity classes.", true);
        }
        return load(source.get(), hints);
    }

    /** Loads the classes of {@code source}; messages name its roots as it does (relative to its project). */
    public static ModelClasses load(ModelSource source, Hints hints) {
        return load(source.roots(), source.classpath(), source, hints);
    }

    /**
     * Loads every class in the roots (directories or jars; {@code extraClasspath} only for what they need) and keeps
     * those annotated {@code @Entity}, {@code @MappedSuperclass} or {@code @Embeddable}.
     *
     * @throws MigrationEngineException when the roots are missing or hold no entity
     */
    public static ModelClasses load(List<Path> roots, List<Path> extraClasspath, Hints hints) {
        return load(roots, extraClasspath, null, hints);
    }

    private static ModelClasses load(List<Path> roots, List<Path> extraClasspath, ModelSource naming, Hints hints) {
        List<Path> existing = roots.stream().filter(ModelClasses::isRoot).toList();
        if (existing.isEmpty()) {
            throw new MigrationEngineException("No compiled model classes: " + describe(roots)
                    + (roots.size() == 1 ? " does" : " do") + " not exist. Compile the model first: "
                    + hints.buildModel() + "; or point " + hints.setting(Hints.Setting.MODEL_CLASSES)
                    + " at the directory that holds the compiled @Entity classes.", true);
        }
        URLClassLoader loader = new URLClassLoader(urls(existing, extraClasspath), ModelClasses.class.getClassLoader());
        List<Class<?>> annotated = new ArrayList<>();
        for (Path root : existing) {
            for (String className : classNames(root)) {
                Class<?> type = loadQuietly(loader, className);
                if (type != null && (type.isAnnotationPresent(Entity.class)
                        || type.isAnnotationPresent(MappedSuperclass.class)
                        || type.isAnnotationPresent(Embeddable.class))) {
                    annotated.add(type);
                }
            }
        }
        if (annotated.stream().noneMatch(type -> type.isAnnotationPresent(Entity.class))) {
            closeQuietly(loader);
            throw new MigrationEngineException("No @Entity class found in " + describe(existing) + ". Compile the model"
                    + " first: " + hints.buildModel() + "; or point " + hints.setting(Hints.Setting.MODEL_CLASSES)
                    + " at the directory that holds the compiled entities.", true);
        }
        annotated.sort(Comparator.comparing(Class::getName));
        return new ModelClasses(existing, loader, annotated, naming);
    }

    /** Whether join tables without a name are named as Spring Boot names them. */
    boolean springImplicitNaming() {
        return naming != null && naming.springNaming();
    }

    /** The physical naming strategy the model's names go through, when it is not Hibernate's own. */
    Optional<String> physicalNamingStrategy() {
        return naming == null ? Optional.empty() : naming.physicalNamingStrategyClass();
    }

    /**
     * True when a directory or jar holds a compiled class annotated {@code @Entity}. Class files that mention the
     * annotation at all are found by their bytes; only those are loaded to see whether they carry it.
     */
    public static boolean holdsEntities(Path root) {
        if (!isRoot(root)) {
            return false;
        }
        List<String> candidates;
        try {
            candidates = classFiles(root, true);
        } catch (IOException e) {
            return false;
        }
        if (candidates.isEmpty()) {
            return false;
        }
        try (URLClassLoader loader = new URLClassLoader(urls(List.of(root), List.of()),
                ModelClasses.class.getClassLoader())) {
            return candidates.stream()
                    .map(name -> loadQuietly(loader, name))
                    .anyMatch(type -> type != null && type.getClassLoader() == loader
                            && type.isAnnotationPresent(Entity.class));
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isRoot(Path root) {
        return Files.isDirectory(root) || Files.isRegularFile(root) && root.toString().endsWith(".jar");
    }

    private static URL[] urls(List<Path> roots, List<Path> extraClasspath) {
        List<URL> urls = new ArrayList<>();
        try {
            for (Path path : roots) {
                urls.add(path.toUri().toURL());
            }
            for (Path path : extraClasspath) {
                urls.add(path.toUri().toURL());
            }
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
        return urls.toArray(URL[]::new);
    }

    private static List<String> classNames(Path root) {
        try {
            return classFiles(root, false);
        } catch (IOException e) {
            throw new MigrationEngineException("Cannot read " + root + ": " + e.getMessage(), false, e);
        }
    }

    /** The names of the classes in a directory or jar, sorted; only those that mention @Entity when asked. */
    private static List<String> classFiles(Path root, boolean mentioningEntity) throws IOException {
        List<String> names = new ArrayList<>();
        if (Files.isDirectory(root)) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(ModelClasses::isClassFile).toList()) {
                    if (!mentioningEntity || contains(Files.readAllBytes(file), ENTITY_MARKER)) {
                        names.add(className(root.relativize(file).toString()));
                    }
                }
            }
        } else {
            try (JarFile jar = new JarFile(root.toFile())) {
                Enumeration<JarEntry> entries = jar.entries();
                while (entries.hasMoreElements()) {
                    JarEntry entry = entries.nextElement();
                    if (entry.isDirectory() || !isClassFile(Path.of(entry.getName()))) {
                        continue;
                    }
                    try (InputStream in = jar.getInputStream(entry)) {
                        if (!mentioningEntity || contains(in.readAllBytes(), ENTITY_MARKER)) {
                            names.add(className(entry.getName()));
                        }
                    }
                }
            }
        }
        names.sort(null);
        return names;
    }

    private static boolean isClassFile(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".class") && !name.equals("module-info.class") && !name.equals("package-info.class");
    }

    private static boolean contains(byte[] bytes, byte[] marker) {
        outer:
        for (int i = 0; i <= bytes.length - marker.length; i++) {
            for (int j = 0; j < marker.length; j++) {
                if (bytes[i + j] != marker[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static String className(String relativePath) {
        return relativePath.substring(0, relativePath.length() - ".class".length()).replace('/', '.').replace('\\', '.');
    }

    private static Class<?> loadQuietly(ClassLoader loader, String className) {
        try {
            return Class.forName(className, false, loader);
        } catch (ClassNotFoundException | LinkageError unloadable) {
            return null;
        }
    }

    private static String describe(List<Path> paths) {
        return paths.stream().map(Path::toString).collect(Collectors.joining(", "));
    }

    public List<Path> roots() {
        return roots;
    }

    public List<Class<?>> annotatedClasses() {
        return annotatedClasses;
    }

    public ClassLoader classLoader() {
        return loader;
    }

    /** The roots as messages name them: relative to the project when it is known. */
    public String describe() {
        return naming == null ? describe(roots)
                : roots.stream().map(naming::describe).collect(Collectors.joining(", "));
    }

    private static void closeQuietly(URLClassLoader loader) {
        try {
            loader.close();
        } catch (IOException ignored) {
            // nothing is loaded from it any more
        }
    }

    @Override
    public void close() {
        closeQuietly(loader);
    }
}
