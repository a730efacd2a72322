package dev.assistant.db.config;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The databases of a fleet, one URL each: a comma-separated list, or a file with one URL per line (blank lines and
 * lines starting with {@code #} skipped). Every URL is checked before any is used, and every bad one is reported at
 * once, by its place (item or file and line) and masked, never as written.
 */
public final class DatabaseList {

    /** One URL as written, and where: {@code assistant.urls item 3}, {@code fleet.txt line 4}. */
    public record Entry(String url, String origin) {
    }

    private final List<Entry> entries;
    private final String source;

    private DatabaseList(List<Entry> entries, String source) {
        this.entries = List.copyOf(entries);
        this.source = source;
    }

    /** @param setting how messages name the list, e.g. {@code -Dassistant.urls} */
    public static DatabaseList of(String commaSeparated, String setting) {
        List<Entry> entries = new ArrayList<>();
        String[] items = commaSeparated == null ? new String[0] : commaSeparated.split(",", -1);
        for (int i = 0; i < items.length; i++) {
            if (!items[i].isBlank()) {
                entries.add(new Entry(items[i].trim(), setting + " item " + (i + 1)));
            }
        }
        return new DatabaseList(entries, setting);
    }

    /** @param setting how messages name the file's setting, e.g. {@code -Dassistant.urlsFile} */
    public static DatabaseList read(Path file, String setting) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InvalidConnectionSettingsException("The list of databases " + file + " (" + setting
                    + ") does not exist. Write one URL per line into it, or name another file.");
        } catch (CharacterCodingException e) {
            throw new InvalidConnectionSettingsException("The list of databases " + file + " (" + setting
                    + ") is not UTF-8 text.");
        } catch (IOException e) {
            throw new InvalidConnectionSettingsException("Cannot read the list of databases " + file + " (" + setting
                    + "): " + e.getClass().getSimpleName() + ".");
        }
        List<Entry> entries = new ArrayList<>();
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1).strip();
            }
            if (!line.isEmpty() && !line.startsWith("#")) {
                entries.add(new Entry(line, name + " line " + (i + 1)));
            }
        }
        return new DatabaseList(entries, file + " (" + setting + ")");
    }

    public List<Entry> entries() {
        return entries;
    }

    /** Whether a URL of the list holds a non-empty password, which on a command line every user of the machine can read. */
    public boolean carriesPasswords() {
        for (Entry entry : entries) {
            try {
                String password = DatabaseUrl.parse(entry.url(), entry.origin()).password();
                if (password != null && !password.isEmpty()) {
                    return true;
                }
            } catch (InvalidConnectionSettingsException e) {
                // resolve() reports it
            }
        }
        return false;
    }

    /**
     * The settings of every database, each resolved by {@link ConnectionSettingsResolver#resolveMember}: the URL's
     * own user and password where it has them, the resolver's otherwise.
     *
     * @throws InvalidConnectionSettingsException naming every URL that cannot be used (and any named twice), or an
     *     empty list
     */
    public List<ConnectionSettings> resolve(ConnectionSettingsResolver resolver) {
        if (entries.isEmpty()) {
            throw new InvalidConnectionSettingsException("The list of databases " + source + " names none. Give"
                    + " one URL per line (or comma-separated), e.g. postgresql://app@db1.example:5432/tenant_1.");
        }
        List<ConnectionSettings> resolved = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (Entry entry : entries) {
            try {
                ConnectionSettings settings = resolver.resolveMember(entry.url(), entry.origin());
                String before = seen.putIfAbsent(settings.location(), entry.origin());
                if (before != null) {
                    errors.add(entry.origin() + " names " + settings.location() + " again, as " + before
                            + " did; a database is listed once.");
                } else {
                    resolved.add(settings);
                }
            } catch (InvalidConnectionSettingsException e) {
                errors.add(e.getMessage());
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidConnectionSettingsException((errors.size() == 1 ? "1 entry" : errors.size()
                    + " entries") + " of the list of databases " + source + " cannot be used; nothing was run:\n  "
                    + String.join("\n  ", errors));
        }
        return List.copyOf(resolved);
    }
}
