package dev.assistant.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assistant.service.testing.MigratedDatabase;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Settings, third-party accounts, scheduled tasks and countdowns: everything that hangs off a user. */
class UserDataIT {

    private static AssistantDataLayer data;
    private int userId;

    @BeforeAll
    static void start() {
        data = AssistantDataLayer.start(MigratedDatabase.settings(), 2);
    }

    @AfterAll
    static void stop() {
        data.close();
    }

    @BeforeEach
    void newUser() {
        userId = data.users().create(new NewUser(UserServiceIT.newChatId(), "u", null, null, null)).id();
    }

    @Test
    void settingsAreSetReplacedReadAndUnset() {
        SettingsService settings = data.settings();
        settings.set(userId, "timezone", "\"Europe/Berlin\"");
        settings.set(userId, "briefing", "{\"at\": \"08:00\"}");
        settings.set(userId, "timezone", "\"Europe/Paris\"");

        assertThat(settings.get(userId, "timezone")).contains("\"Europe/Paris\"");
        assertThat(settings.get(userId, "missing")).isEmpty();
        assertThat(settings.getAll(userId)).containsExactly(
                Map.entry("briefing", "{\"at\": \"08:00\"}"), Map.entry("timezone", "\"Europe/Paris\""));

        assertThat(settings.unset(userId, "timezone")).isTrue();
        assertThat(settings.unset(userId, "timezone")).isFalse();
        assertThat(settings.get(userId, "timezone")).isEmpty();
        assertThat(settings.getAll(userId)).containsOnlyKeys("briefing");
        assertThatThrownBy(() -> settings.set(Integer.MAX_VALUE, "k", "1")).isInstanceOf(UnknownUserException.class);
    }

    @Test
    void accountCredentialsAreStoredPerProviderAndAccount() {
        ThirdPartyAccountService accounts = data.accounts();
        accounts.storeCredentials(userId, "google", "work@example.com", "enc-1");
        accounts.storeCredentials(userId, "google", "home@example.com", "enc-2");
        accounts.storeCredentials(userId, "todoist", null, "enc-3");
        ThirdPartyAccountRecord replaced = accounts.storeCredentials(userId, "google", "work@example.com", "enc-4");

        assertThat(accounts.list(userId, "google")).extracting(ThirdPartyAccountRecord::account)
                .containsExactly("work@example.com", "home@example.com");
        assertThat(replaced.hasCredentials()).isTrue();
        assertThat(replaced.credsUpdatedAt()).isNotNull();
        assertThat(accounts.getCredentials(userId, "google", "work@example.com")).contains("enc-4");
        assertThat(accounts.getCredentials(userId, "todoist", null)).contains("enc-3");
        assertThat(accounts.list(userId, "slack")).isEmpty();
        assertThatThrownBy(() -> accounts.list(Integer.MAX_VALUE, "google")).isInstanceOf(UnknownUserException.class);
    }

    @Test
    void scheduledTasksAreCreatedAndListedOldestFirst() {
        ScheduledTaskService tasks = data.tasks();
        ScheduledTaskRecord first = tasks.create(userId, "every morning tell me the weather", "0 8 * * *",
                "Tell the user the weather forecast");
        tasks.create(userId, "remind me on fridays", "0 17 * * 5", "Remind the user it is Friday");

        assertThat(first.createdAt()).isNotNull();
        assertThat(tasks.list(userId)).extracting(ScheduledTaskRecord::schedule)
                .containsExactly("0 8 * * *", "0 17 * * 5");
        assertThatThrownBy(() -> tasks.create(Integer.MAX_VALUE, "x", "y", "z"))
                .isInstanceOf(UnknownUserException.class);
    }

    @Test
    void countdownsAreListedSoonestFirst() {
        CountdownService countdowns = data.countdowns();
        OffsetDateTime later = OffsetDateTime.of(2027, 6, 1, 9, 0, 0, 0, ZoneOffset.UTC);
        OffsetDateTime sooner = OffsetDateTime.of(2027, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(2));
        countdowns.create(userId, "holiday", later);
        countdowns.create(userId, "new year", sooner);

        assertThat(countdowns.list(userId)).extracting(CountdownRecord::description)
                .containsExactly("new year", "holiday");
        assertThat(countdowns.list(userId).get(0).eventTime()).isEqualTo(sooner.withOffsetSameInstant(ZoneOffset.UTC));
    }

    @Test
    void deletingAUserDeletesEverythingOfTheirs() {
        data.settings().set(userId, "k", "1");
        data.accounts().storeCredentials(userId, "google", null, "enc");
        data.tasks().create(userId, "r", "s", "i");
        data.countdowns().create(userId, "d", OffsetDateTime.now(ZoneOffset.UTC));

        assertThat(data.users().delete(userId)).isTrue();

        assertThat(data.users().findById(userId)).isEmpty();
        assertThat(DatabaseRows.countFor(userId)).containsOnly(
                Map.entry("user_settings", 0L), Map.entry("third_party_accounts", 0L),
                Map.entry("tasks", 0L), Map.entry("countdowns", 0L));
    }
}
