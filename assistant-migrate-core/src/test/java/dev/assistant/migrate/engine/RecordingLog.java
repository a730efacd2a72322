package dev.assistant.migrate.engine;

import dev.assistant.migrate.api.EngineLog;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** An engine log that keeps every line, for assertions. */
public final class RecordingLog implements EngineLog {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Consumer<String> onInfo;

    public RecordingLog() {
        this(message -> { });
    }

    /** A log that also hands every info line to {@code onInfo} as it is said. */
    public RecordingLog(Consumer<String> onInfo) {
        this.onInfo = onInfo;
    }

    @Override
    public void info(String message) {
        lines.add("INFO " + message);
        onInfo.accept(message);
    }

    @Override
    public void warn(String message) {
        lines.add("WARN " + message);
    }

    @Override
    public void debug(String message) {
        lines.add("DEBUG " + message);
    }

    @Override
    public boolean isDebugEnabled() {
        return true;
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    public List<String> info() {
        return lines.stream().filter(line -> line.startsWith("INFO ")).map(line -> line.substring(5)).toList();
    }

    public String all() {
        return String.join("\n", lines);
    }
}
