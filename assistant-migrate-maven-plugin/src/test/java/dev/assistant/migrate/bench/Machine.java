package dev.assistant.migrate.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The machine the figures come from, in one line. */
final class Machine {

    private Machine() {
    }

    /** The version the Maven executable reports, e.g. {@code 3.9.16}. */
    static String mavenVersion(String mavenExecutable) {
        try {
            Process process = new ProcessBuilder(mavenExecutable, "-v").redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            process.waitFor();
            java.util.regex.Matcher version = java.util.regex.Pattern.compile("Apache Maven (\\S+)").matcher(output);
            return version.find() ? version.group(1) : "?";
        } catch (IOException e) {
            return "?";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }

    static String describe(String mavenExecutable) {
        String cpu = firstValue(Path.of("/proc/cpuinfo"), "model name");
        String memory = firstValue(Path.of("/proc/meminfo"), "MemTotal");
        String gigabytes = memory.isEmpty() ? "?" : String.format(Locale.ROOT, "%.0f GiB",
                Long.parseLong(memory.replaceAll("[^0-9]", "")) / 1_048_576.0);
        return Runtime.getRuntime().availableProcessors() + " cores (" + (cpu.isEmpty() ? "unknown CPU" : cpu) + "), "
                + gigabytes + " RAM, " + System.getProperty("os.name") + " " + System.getProperty("os.version")
                + ", Java " + System.getProperty("java.version") + ", Maven " + mavenVersion(mavenExecutable);
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
