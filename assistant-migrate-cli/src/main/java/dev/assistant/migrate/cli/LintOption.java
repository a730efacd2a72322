package dev.assistant.migrate.cli;

import dev.assistant.migrate.api.LintMode;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code --lint} of check and current: the lock and rewrite lint of the replay (docs/lint.md). */
final class LintOption {

    @Option(names = OptionNames.LINT, paramLabel = "<mode>", defaultValue = "error", converter = Parser.class,
            description = "The lock and rewrite lint (docs/lint.md): error (the default) reports what the migrations"
                    + " would do to existing tables, and check fails on the rules that are errors; warn reports every"
                    + " finding and fails on none; off observes nothing. current lints only pending migrations.")
    private LintMode lint;

    LintMode mode() {
        return lint;
    }

    /** {@code error}, {@code warn} or {@code off}, in any case; anything else is a usage error. */
    static final class Parser implements ITypeConverter<LintMode> {

        @Override
        public LintMode convert(String value) {
            try {
                return LintMode.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "' is not a lint mode: use error (the default), warn"
                        + " or off.");
            }
        }
    }
}
