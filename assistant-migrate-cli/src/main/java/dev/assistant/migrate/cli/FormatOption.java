package dev.assistant.migrate.cli;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code --format} of current and history: text, or the plugin's JSON document, alone on standard output. */
final class FormatOption {

    /** How a report is printed. */
    enum Format {
        TEXT,
        JSON
    }

    @Option(names = OptionNames.FORMAT, paramLabel = "<format>", defaultValue = "text", converter = Parser.class,
            description = "text (the default) or json: one JSON document on standard output, the same as the Maven"
                    + " plugin prints (docs/json-output.md).")
    private Format format;

    boolean json() {
        return format == Format.JSON;
    }

    /** {@code text} or {@code json}, in any case; anything else is a usage error. */
    static final class Parser implements ITypeConverter<Format> {

        @Override
        public Format convert(String value) {
            return switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "text" -> Format.TEXT;
                case "json" -> Format.JSON;
                default -> throw new TypeConversionException("'" + value + "' is not a format: use text (the default)"
                        + " or json.");
            };
        }
    }
}
