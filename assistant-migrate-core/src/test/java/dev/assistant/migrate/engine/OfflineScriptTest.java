package dev.assistant.migrate.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assistant.db.config.ConnectionSettings;
import dev.assistant.db.config.ConnectionSettingsResolver;
import dev.assistant.migrate.api.PsqlCommand;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OfflineScriptTest {

    @Test
    void literalsReadTheSameWhateverStandardConformingStringsIs() {
        assertThat(OfflineScript.literal("add users")).isEqualTo("'add users'");
        assertThat(OfflineScript.literal("it's")).isEqualTo("'it''s'");
        assertThat(OfflineScript.literal("C:\\temp's")).isEqualTo("E'C:\\\\temp''s'");
    }

    @Test
    void thePsqlCommandQuotesWhatTheShellWouldSplitAndNeverNamesThePassword() {
        ConnectionSettings settings = ConnectionSettingsResolver.create()
                .url("postgresql://app%20owner:s3cret@db.example:6432/the_assistant")
                .environment(Map.of())
                .resolve();

        assertThat(PsqlCommand.of(settings, "target/sql/migrate.sql")).isEqualTo("psql -X -v ON_ERROR_STOP=1"
                + " -h db.example -p 6432 -U 'app owner' -d the_assistant -f target/sql/migrate.sql");
        assertThat(PsqlCommand.of(settings, "my script's.sql")).endsWith(" -f 'my script'\\''s.sql'");
        assertThat(PsqlCommand.of(settings, PsqlCommand.FILE_SLOT)).endsWith(" -f <file>").doesNotContain("s3cret");
    }
}
