package dev.assistant.migrate.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** The runs of one benchmark: wall times and peak memory, summarised as median with min–max. */
final class Measurement {

    private final String name;
    private final List<Double> seconds = new ArrayList<>();
    private final List<Double> megabytes = new ArrayList<>();
    private final String memoryKind;

    Measurement(String name, String memoryKind) {
        this.name = name;
        this.memoryKind = memoryKind;
    }

    void add(double runSeconds, double peakMegabytes) {
        seconds.add(runSeconds);
        megabytes.add(peakMegabytes);
    }

    String name() {
        return name;
    }

    double median() {
        return median(seconds);
    }

    double min() {
        return Collections.min(seconds);
    }

    double max() {
        return Collections.max(seconds);
    }

    int runs() {
        return seconds.size();
    }

    String memory() {
        if (megabytes.stream().allMatch(value -> value <= 0)) {
            return "–";
        }
        return String.format(Locale.ROOT, "%.0f MB %s", Collections.max(megabytes), memoryKind);
    }

    String timing() {
        return String.format(Locale.ROOT, "%.3f s (%.3f–%.3f)", median(), min(), max());
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
