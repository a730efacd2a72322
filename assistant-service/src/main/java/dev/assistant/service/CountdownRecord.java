package dev.assistant.service;

import dev.assistant.db.model.Countdown;
import java.time.OffsetDateTime;

/** An event a user counts down to. */
public record CountdownRecord(int id, int userId, String description, OffsetDateTime eventTime,
        OffsetDateTime createdAt) {

    static CountdownRecord of(Countdown countdown) {
        return new CountdownRecord(countdown.getId(), countdown.getUser().getId(), countdown.getDescription(),
                countdown.getEventTime(), countdown.getCreatedAt());
    }
}
