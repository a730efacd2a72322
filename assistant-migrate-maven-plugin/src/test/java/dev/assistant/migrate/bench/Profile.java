package dev.assistant.migrate.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the time of one run goes, from a Java Flight Recorder recording of it in this JVM: the wall time, the share
 * spent waiting for PostgreSQL's answers (socket reads of the running thread), and the CPU samples of that thread by
 * the library running when sampled, with the methods of the project and of Flyway that the samples fall in most.
 */
final class Profile {

    private static final List<String> LIBRARIES = List.of("dev.assistant", "org.flywaydb", "org.postgresql",
            "org.hibernate");

    private Profile() {
    }

    interface Run {
        void run() throws Exception;
    }

    /** Records {@code run} and returns its summary in a few lines of Markdown (a list). */
    static String of(String name, Path recordingFile, Run run) throws Exception {
        String thread = Thread.currentThread().getName();
        long start;
        double seconds;
        try (Recording recording = new Recording(Configuration.getConfiguration("profile"))) {
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(5));
            recording.enable("jdk.SocketRead").withThreshold(Duration.ZERO);
            recording.start();
            start = System.nanoTime();
            run.run();
            seconds = (System.nanoTime() - start) / 1e9;
            recording.stop();
            Files.createDirectories(recordingFile.getParent());
            recording.dump(recordingFile);
        }
        return summarise(name, recordingFile, thread, seconds);
    }

    /**
     * Summarises recordings made earlier, as {@link #of} does: arguments are triples of name, recording file and wall
     * seconds; the thread is the one {@code make bench} runs in.
     */
    public static void main(String[] args) throws IOException {
        for (int i = 0; i + 2 < args.length; i += 3) {
            System.out.print(summarise(args[i], Path.of(args[i + 1]), System.getProperty("bench.thread",
                    "dev.assistant.migrate.bench.Benchmarks.main()"), Double.parseDouble(args[i + 2])));
        }
    }

    static String summarise(String name, Path file, String thread, double seconds) throws IOException {
        double socketSeconds = 0;
        int socketReads = 0;
        int samples = 0;
        Map<String, Integer> byLibrary = new HashMap<>();
        Map<String, Integer> byMethod = new HashMap<>();
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            String type = event.getEventType().getName();
            RecordedThread recorded = type.equals("jdk.ExecutionSample") ? event.getThread("sampledThread")
                    : event.getThread();
            if (recorded == null || !thread.equals(recorded.getJavaName())) {
                continue;
            }
            if (type.equals("jdk.SocketRead")) {
                socketSeconds += event.getDuration().toNanos() / 1e9;
                socketReads++;
            } else if (type.equals("jdk.ExecutionSample") && event.getStackTrace() != null) {
                samples++;
                List<RecordedFrame> frames = event.getStackTrace().getFrames();
                String library = frames.stream().map(Profile::library).filter(value -> value != null).findFirst()
                        .orElse("JDK");
                byLibrary.merge(library, 1, Integer::sum);
                frames.stream()
                        .filter(frame -> frame.isJavaFrame() && library(frame) != null
                                && !library(frame).equals("org.postgresql"))
                        .findFirst()
                        .ifPresent(frame -> byMethod.merge(method(frame), 1, Integer::sum));
            }
        }
        int total = Math.max(samples, 1);
        String libraries = byLibrary.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .map(entry -> String.format(Locale.ROOT, "%s %.0f%%", entry.getKey(), 100.0 * entry.getValue() / total))
                .collect(Collectors.joining(", "));
        String methods = byMethod.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(6)
                .map(entry -> String.format(Locale.ROOT, "`%s` %.0f%%", entry.getKey(),
                        100.0 * entry.getValue() / total))
                .collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "- **%s** (JFR, one run, %.2f s): %.2f s (%.0f%%) waiting on PostgreSQL in"
                + " %d socket reads; %d CPU samples every 5 ms (≈ %.2f s on CPU), by the code running: %s.%n"
                + "  Where the project's and Flyway's samples fall (innermost such frame): %s.%n", name, seconds,
                socketSeconds, 100 * socketSeconds / seconds, socketReads, samples, samples * 0.005, libraries,
                methods.isEmpty() ? "—" : methods);
    }

    private static String library(RecordedFrame frame) {
        if (!frame.isJavaFrame()) {
            return null;
        }
        String type = frame.getMethod().getType().getName();
        return LIBRARIES.stream().filter(type::startsWith).findFirst().orElse(null);
    }

    private static String method(RecordedFrame frame) {
        String type = frame.getMethod().getType().getName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName();
    }
}
