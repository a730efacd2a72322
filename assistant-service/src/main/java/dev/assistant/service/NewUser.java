package dev.assistant.service;

import java.time.OffsetDateTime;

/** What is known about a user when they first write to The Assistant. */
public record NewUser(long telegramChatId, String username, String firstName, String lastName,
        OffsetDateTime registeredAt) {
}
