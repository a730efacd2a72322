package dev.assistant.migrate.schema;

import dev.assistant.migrate.engine.MigrationEngineException;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.MappedSuperclass;
import java.io.Closeable;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The compiled entity classes of the project the plugin runs in, loaded at run time: the plugin does not depend on the
 * model. The directories hold compiled classes (e.g. {@code assistant-db-model/target/classes}); their class loader's
 * parent is the plugin's, so that the entities see the same Jakarta Persistence and Hibernate as the reader.
 */
public final class ModelClasses implements Closeable {

    private final List<Path> directories;
    private final URLClassLoader loader;
    private final List<Class<?>> annotatedClasses;

    private ModelClasses(List<Path> directories, URLClassLoader loader, List<Class<?>> annotatedClasses) {
        this.directories = List.copyOf(directories);
        this.loader = loader;
        this.annotatedClasses = List.copyOf(annotatedClasses);
    }

    /**
     * Loads every class in the directories (and jars on {@code extraClasspath}) and keeps those annotated
     * {@code @Entity}, {@code @MappedSuperclass} or {@code @Embeddable}.
     *
     * @throws MigrationEngineException when the directories are missing or hold no entity
     */
    public static ModelClasses load(List<Path> directories, List<Path> extraClasspath) {
        List<Path> existing = directories.stream().filter(Files::isDirectory).toList();
        if (existing.isEmpty()) {
            throw new MigrationEngineException("No compiled model classes: " + describe(directories)
                    + (directories.size() == 1 ? " does" : " do") + " not exist. Compile the model first"
                    + " (make build, or mvn compile), or point -Dassistant.modelClasses at the directory that holds"
                    + " the compiled @Entity classes.", true);
        }
        List<URL> urls = new ArrayList<>();
        try {
            for (Path path : existing) {
                urls.add(path.toUri().toURL());
            }
            for (Path path : extraClasspath) {
                urls.add(path.toUri().toURL());
            }
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
        URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ModelClasses.class.getClassLoader());
        List<Class<?>> annotated = new ArrayList<>();
        for (Path directory : existing) {
            for (String className : classNames(directory)) {
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
                    + " first (make build, or mvn compile), or point -Dassistant.modelClasses at the directory that"
                    + " holds the compiled entities.", true);
        }
        annotated.sort(java.util.Comparator.comparing(Class::getName));
        return new ModelClasses(existing, loader, annotated);
    }

    /**
     * True when a directory holds a compiled class annotated {@code @Entity}. Class files that mention the annotation
     * at all are found by their bytes; only those are loaded to see whether they carry it.
     */
    public static boolean holdsEntities(Path directory) {
        if (!Files.isDirectory(directory)) {
            return false;
        }
        byte[] marker = "Ljakarta/persistence/Entity;".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        List<String> candidates;
        try (Stream<Path> files = Files.walk(directory)) {
            candidates = files.filter(file -> file.toString().endsWith(".class"))
                    .filter(file -> contains(file, marker))
                    .map(file -> className(directory, file))
                    .toList();
        } catch (IOException e) {
            return false;
        }
        if (candidates.isEmpty()) {
            return false;
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {directory.toUri().toURL()},
                ModelClasses.class.getClassLoader())) {
            return candidates.stream()
                    .map(name -> loadQuietly(loader, name))
                    .anyMatch(type -> type != null && type.getClassLoader() == loader
                            && type.isAnnotationPresent(Entity.class));
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean contains(Path file, byte[] marker) {
        try {
            byte[] bytes = Files.readAllBytes(file);
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
        } catch (IOException e) {
            return false;
        }
    }

    private static String className(Path directory, Path file) {
        String name = directory.relativize(file).toString();
        return name.substring(0, name.length() - ".class".length()).replace('/', '.').replace('\\', '.');
    }

    private static List<String> classNames(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(file -> file.toString().endsWith(".class"))
                    .filter(file -> !file.endsWith("module-info.class") && !file.endsWith("package-info.class"))
                    .map(file -> className(directory, file))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new MigrationEngineException("Cannot read " + directory + ": " + e.getMessage(), false, e);
        }
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

    public List<Path> directories() {
        return directories;
    }

    public List<Class<?>> annotatedClasses() {
        return annotatedClasses;
    }

    public ClassLoader classLoader() {
        return loader;
    }

    public String describe() {
        return describe(directories);
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
