package dev.assistant.migrate.bench;

import dev.assistant.migrate.it.MavenRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The machine the figures come from, in one line. */
final class Machine {

    private Machine() {
    }

    /** The version of the Maven the benchmarks run, e.g. {@code 3.9.16}. */
    static String mavenVersion(Path directory) {
        Matcher version = Pattern.compile("Apache Maven (\\S+)").matcher(MavenRun.in(directory).run("-v").output());
        return version.find() ? version.group(1) : "?";
    }

    static String describe(Path directory) {
        String cpu = firstValue(Path.of("/proc/cpuinfo"), "model name");
        String memory = firstValue(Path.of("/proc/meminfo"), "MemTotal");
        String gigabytes = memory.isEmpty() ? "?" : String.format(Locale.ROOT, "%.0f GiB",
                Long.parseLong(memory.replaceAll("[^0-9]", "")) / 1_048_576.0);
        return Runtime.getRuntime().availableProcessors() + " cores (" + (cpu.isEmpty() ? "unknown CPU" : cpu) + "), "
                + gigabytes + " RAM, " + System.getProperty("os.name") + " " + System.getProperty("os.version")
                + ", Java " + System.getProperty("java.version") + ", Maven " + mavenVersion(directory);
    }

    private static String firstValue(Path file, String key) {
        try {
            return Files.readAllLines(file).stream()
                    .filter(line -> line.startsWith(key))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip())
                    .findFirst()
                    .orElse("");
        } catch (IOException e) {
            return "";
        }
    }
}
