package dev.assistant.migrate.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The runs of one benchmark: wall times and peak memory, summarised as median with min–max; or why it has no figure
 * (the tool is not built, a run failed, a run would take too long). A benchmark without runs has a NaN median, so every
 * ratio computed from it is NaN too and shows as "—".
 */
final class Measurement {

    private final String name;
    private final List<Double> seconds = new ArrayList<>();
    private final List<Double> megabytes = new ArrayList<>();
    private final String memoryKind;
    private String notMeasured;

    Measurement(String name, String memoryKind) {
        this.name = name;
        this.memoryKind = memoryKind;
    }

    /** A benchmark that has no figure, and why: the reason stands in the table where the figure would be. */
    static Measurement notMeasured(String name, String reason) {
        Measurement measurement = new Measurement(name, "");
        measurement.notMeasured = reason;
        return measurement;
    }

    void add(double runSeconds, double peakMegabytes) {
        seconds.add(runSeconds);
        megabytes.add(peakMegabytes);
    }

    /** Stops the benchmark: the runs so far are dropped and the reason shows instead. */
    void fail(String reason) {
        seconds.clear();
        megabytes.clear();
        notMeasured = reason;
    }

    String name() {
        return name;
    }

    /** Whether a run failed or the benchmark was given up; its runs are over. */
    boolean stopped() {
        return notMeasured != null;
    }

    boolean measured() {
        return notMeasured == null && !seconds.isEmpty();
    }

    double median() {
        return measured() ? median(seconds) : Double.NaN;
    }

    double min() {
        return measured() ? Collections.min(seconds) : Double.NaN;
    }

    double max() {
        return measured() ? Collections.max(seconds) : Double.NaN;
    }

    int runs() {
        return seconds.size();
    }

    String memory() {
        if (!measured() || megabytes.stream().allMatch(value -> value <= 0)) {
            return "–";
        }
        return String.format(Locale.ROOT, "%.0f MB %s", Collections.max(megabytes), memoryKind);
    }

    /** "1.234 s (1.200–1.300)", with the number of runs when it is not the usual one, or why there is no figure. */
    String timing(int usualRuns) {
        if (!measured()) {
            return "not measured: " + (notMeasured == null ? "no run" : notMeasured);
        }
        String runs = seconds.size() == usualRuns ? "" : seconds.size() == 1 ? ", 1 run" : ", " + seconds.size()
                + " runs";
        return String.format(Locale.ROOT, "%.3f s (%.3f–%.3f%s)", median(), min(), max(), runs);
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
