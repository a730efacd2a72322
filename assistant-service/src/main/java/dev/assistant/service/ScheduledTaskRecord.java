package dev.assistant.service;

import dev.assistant.db.model.ScheduledTask;
import java.time.OffsetDateTime;

/** A recurring instruction of a user. */
public record ScheduledTaskRecord(int id, int userId, String rawInstruction, String schedule, String instruction,
        OffsetDateTime createdAt) {

    static ScheduledTaskRecord of(ScheduledTask task) {
        return new ScheduledTaskRecord(task.getId(), task.getUser().getId(), task.getRawInstruction(),
                task.getSchedule(), task.getInstruction(), task.getCreatedAt());
    }
}
