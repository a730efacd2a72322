package dev.assistant.migrate.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

/** Runs a command line inside the test's JVM, with an environment, a working directory and a class path of its own. */
final class InProcess {

    /** What a run printed, and how it ended. */
    record Result(int exitCode, String out, String err) {

        String all() {
            return out + err;
        }
    }

    private InProcess() {
    }

    static Result run(Path workingDirectory, Map<String, String> environment, ClassLoader classLoader,
            String... arguments) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = Main.execute(arguments, new ProcessContext(environment, workingDirectory, classLoader,
                new PrintWriter(out, true), new PrintWriter(err, true)));
        return new Result(exitCode, out.toString(), err.toString());
    }

    /** In an empty environment, with nothing on the class path but the JDK. */
    static Result run(Path workingDirectory, String... arguments) {
        return run(workingDirectory, Map.of(), ClassLoader.getPlatformClassLoader(), arguments);
    }
}
