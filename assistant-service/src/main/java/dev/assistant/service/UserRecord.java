package dev.assistant.service;

import dev.assistant.db.model.User;
import java.time.OffsetDateTime;

/** A user as the service hands it out: no credentials, no lazy state. */
public record UserRecord(int id, Long telegramChatId, String username, String firstName, String lastName,
        String googleCalendarId, OffsetDateTime registeredAt, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    static UserRecord of(User user) {
        return new UserRecord(user.getId(), user.getTelegramChatId(), user.getUsername(), user.getFirstName(),
                user.getLastName(), user.getGoogleCalendarId(), user.getRegisteredAt(), user.getCreatedAt(),
                user.getUpdatedAt());
    }
}
