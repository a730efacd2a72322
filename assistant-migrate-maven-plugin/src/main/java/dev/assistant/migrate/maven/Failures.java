package dev.assistant.migrate.maven;

import dev.assistant.migrate.api.MigrationEngineException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;

/**
 * Turns engine failures into Maven's. Maven prints, after the goal's message, the message of every exception in the
 * cause chain that the text so far does not contain (or the class name of one without a message). The engine's
 * message already says what the causes said, in words that point at the fix; so the cause travels as a suppressed
 * exception of a carrier that repeats the message: {@code -e} and {@code -X} still show the whole chain, and the
 * default output stays one paragraph.
 */
final class Failures {

    private Failures() {
    }

    /** Throws the failure as Maven's: user-fixable as a build failure, anything else as an execution error. */
    static void rethrow(MigrationEngineException e, String redactedMessage)
            throws MojoFailureException, MojoExecutionException {
        Exception cause = detached(e, redactedMessage);
        if (e.isUserFixable()) {
            throw new MojoFailureException(redactedMessage, cause);
        }
        throw new MojoExecutionException(redactedMessage, cause);
    }

    static Exception detached(Throwable original, String message) {
        Exception carrier = new DetachedCause(message, original.getClass().getName());
        carrier.setStackTrace(original.getStackTrace());
        carrier.addSuppressed(original);
        return carrier;
    }

    /** Carries the original failure, its type as its name, and no message of its own. */
    private static final class DetachedCause extends Exception {
        private static final long serialVersionUID = 1L;
        private final String type;

        DetachedCause(String message, String type) {
            super(message, null, true, true);
            this.type = type;
        }

        @Override
        public String toString() {
            return type + ": " + getMessage();
        }
    }
}
