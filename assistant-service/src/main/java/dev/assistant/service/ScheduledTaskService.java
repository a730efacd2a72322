package dev.assistant.service;

import dev.assistant.db.model.ScheduledTask;
import java.util.List;
import java.util.Objects;

/** The recurring instructions users give The Assistant. */
public final class ScheduledTaskService {

    private final Transactions transactions;

    ScheduledTaskService(Transactions transactions) {
        this.transactions = transactions;
    }

    /** @throws UnknownUserException for an unknown user */
    public ScheduledTaskRecord create(int userId, String rawInstruction, String schedule, String instruction) {
        Objects.requireNonNull(rawInstruction, "rawInstruction");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(instruction, "instruction");
        return transactions.inTransaction(session -> {
            ScheduledTask task = new ScheduledTask(Transactions.requireUser(session, userId), rawInstruction,
                    schedule, instruction);
            session.persist(task);
            session.flush();
            session.refresh(task);
            return ScheduledTaskRecord.of(task);
        });
    }

    /** The user's tasks, oldest first. @throws UnknownUserException */
    public List<ScheduledTaskRecord> list(int userId) {
        return transactions.inTransaction(session -> {
            Transactions.requireUser(session, userId);
            return session.createSelectionQuery("from ScheduledTask t join fetch t.user where t.user.id = :userId"
                            + " order by t.id", ScheduledTask.class)
                    .setParameter("userId", userId)
                    .getResultList()
                    .stream()
                    .map(ScheduledTaskRecord::of)
                    .toList();
        });
    }
}
