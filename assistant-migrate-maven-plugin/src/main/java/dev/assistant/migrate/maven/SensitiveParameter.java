package dev.assistant.migrate.maven;

import dev.assistant.db.config.ConnectionSettings;

/**
 * A parameter value that Maven must not print. Maven logs every value it injects into a mojo at debug level, and a
 * plain String would put the password in {@code mvn -X} output.
 *
 * <p>These parameters are set in the POM only; their command-line properties are read by the mojo itself, so Maven
 * never sees them. From the POM, Maven 3.9 and later build them through the String constructor and log only the
 * masked {@link #toString()}. Maven 3.8 can only create them empty and {@link #set(String)} the value, and logs that
 * call with the value: with Maven 3.8 and {@code -X}, give the password through DATABASE_URL, POSTGRES_PASSWORD,
 * {@code .env}, a settings.xml server or {@code -Dassistant.password} instead.
 */
public abstract class SensitiveParameter {

    private static final String OBJECT_CONVERTER =
            "org.codehaus.plexus.component.configurator.converters.composite.ObjectWithFieldsConverter";

    private String value;

    /** For Maven 3.8, which sets the value afterwards; refused on Maven 3.9+, which then uses the String one. */
    protected SensitiveParameter() {
        if (mavenBuildsFromStringConstructor()) {
            throw new IllegalStateException("built through the String constructor on this Maven");
        }
    }

    protected SensitiveParameter(String value) {
        this.value = value;
    }

    /** Called by Maven 3.8 with the configured value. */
    public void set(String configured) {
        this.value = configured;
    }

    static String valueOf(SensitiveParameter parameter) {
        return parameter == null ? null : parameter.value;
    }

    /** True when Maven's configurator falls back to a String constructor (Maven 3.9 and later). */
    static boolean mavenBuildsFromStringConstructor() {
        try {
            Class<?> converter = Class.forName(OBJECT_CONVERTER, false, SensitiveParameter.class.getClassLoader());
            for (var method : converter.getDeclaredMethods()) {
                if (method.getName().equals("fromConstructorTakingString")) {
                    return true;
                }
            }
            return false;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** A password: printed as {@code ****}. */
    public static final class Password extends SensitiveParameter {
        public Password() {
        }

        public Password(String value) {
            super(value);
        }

        @Override
        public String toString() {
            return "****";
        }
    }

    /** A database URL, which may hold a password: printed with the password masked. */
    public static final class DatabaseUrl extends SensitiveParameter {
        public DatabaseUrl() {
        }

        public DatabaseUrl(String value) {
            super(value);
        }

        @Override
        public String toString() {
            return String.valueOf(ConnectionSettings.maskUrl(valueOf(this)));
        }
    }
}
