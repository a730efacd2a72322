package dev.assistant.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assistant.service.testing.MigratedDatabase;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class UserServiceIT {

    private static AssistantDataLayer data;
    private static UserService users;

    @BeforeAll
    static void start() {
        data = AssistantDataLayer.start(MigratedDatabase.settings(), 2);
        users = data.users();
    }

    @AfterAll
    static void stop() {
        data.close();
    }

    static long newChatId() {
        return ThreadLocalRandom.current().nextLong(1_000_000_000L, Long.MAX_VALUE);
    }

    @Test
    void createsAUserWithServerDefaultsAndFindsItByIdAndChat() {
        long chatId = newChatId();
        OffsetDateTime registered = OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC);

        UserRecord created = users.create(new NewUser(chatId, "ada", "Ada", "Lovelace", registered));

        assertThat(created.id()).isPositive();
        assertThat(created.telegramChatId()).isEqualTo(chatId);
        assertThat(created.registeredAt()).isEqualTo(registered);
        assertThat(created.createdAt()).isNotNull();
        assertThat(created.updatedAt()).isNotNull();
        assertThat(users.findById(created.id())).contains(created);
        assertThat(users.findByTelegramChatId(chatId)).contains(created);
        assertThat(users.findByTelegramChatId(chatId + 1)).isEmpty();
        assertThat(users.findById(Integer.MAX_VALUE)).isEmpty();
    }

    @Test
    void aSecondUserWithTheSameChatIdIsAClearError() {
        long chatId = newChatId();
        users.create(new NewUser(chatId, "first", null, null, null));

        assertThatThrownBy(() -> users.create(new NewUser(chatId, "second", null, null, null)))
                .isInstanceOfSatisfying(DuplicateTelegramChatIdException.class,
                        e -> assertThat(e.telegramChatId()).isEqualTo(chatId))
                .hasMessageContaining("Another user already has Telegram chat id " + chatId);
        assertThat(users.findByTelegramChatId(chatId)).get().extracting(UserRecord::username).isEqualTo("first");
    }

    @Test
    void updateChangesOnlyTheGivenFieldsAndStampsUpdatedAt() throws InterruptedException {
        UserRecord created = users.create(new NewUser(newChatId(), "old", "First", "Last", null));
        Thread.sleep(5);

        UserRecord updated = users.update(created.id(), new UserProfile("new", null, null, "calendar@example.com"));

        assertThat(updated.username()).isEqualTo("new");
        assertThat(updated.firstName()).isEqualTo("First");
        assertThat(updated.googleCalendarId()).isEqualTo("calendar@example.com");
        assertThat(updated.updatedAt()).isAfter(created.updatedAt());
        assertThat(updated.createdAt()).isEqualTo(created.createdAt());
    }

    @Test
    void storesAndReturnsEncryptedGoogleCredentials() {
        UserRecord user = users.create(new NewUser(newChatId(), "g", null, null, null));
        assertThat(users.getGoogleCredentials(user.id())).isEmpty();

        users.setGoogleCredentials(user.id(), "v1:ciphertext==");

        assertThat(users.getGoogleCredentials(user.id())).get().satisfies(credentials -> {
            assertThat(credentials.encrypted()).isEqualTo("v1:ciphertext==");
            assertThat(credentials.updatedAt()).isNotNull();
            assertThat(credentials.toString()).doesNotContain("ciphertext");
        });
    }

    @Test
    void operationsOnAnUnknownUserSaySo() {
        assertThatThrownBy(() -> users.update(Integer.MAX_VALUE, new UserProfile("x", null, null, null)))
                .isInstanceOf(UnknownUserException.class)
                .hasMessage("No user has id " + Integer.MAX_VALUE + ".");
        assertThatThrownBy(() -> users.setGoogleCredentials(Integer.MAX_VALUE, "x"))
                .isInstanceOf(UnknownUserException.class);
        assertThatThrownBy(() -> users.getGoogleCredentials(Integer.MAX_VALUE))
                .isInstanceOf(UnknownUserException.class);
        assertThat(users.delete(Integer.MAX_VALUE)).isFalse();
    }
}
