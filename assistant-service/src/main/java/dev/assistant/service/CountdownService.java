package dev.assistant.service;

import dev.assistant.db.model.Countdown;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/** Events users count down to. */
public final class CountdownService {

    private final Transactions transactions;

    CountdownService(Transactions transactions) {
        this.transactions = transactions;
    }

    /** @throws UnknownUserException for an unknown user */
    public CountdownRecord create(int userId, String description, OffsetDateTime eventTime) {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(eventTime, "eventTime");
        return transactions.inTransaction(session -> {
            Countdown countdown = new Countdown(Transactions.requireUser(session, userId), description, eventTime);
            session.persist(countdown);
            session.flush();
            session.refresh(countdown);
            return CountdownRecord.of(countdown);
        });
    }

    /** The user's countdowns, soonest event first. @throws UnknownUserException */
    public List<CountdownRecord> list(int userId) {
        return transactions.inTransaction(session -> {
            Transactions.requireUser(session, userId);
            return session.createSelectionQuery("from Countdown c join fetch c.user where c.user.id = :userId"
                            + " order by c.eventTime, c.id", Countdown.class)
                    .setParameter("userId", userId)
                    .getResultList()
                    .stream()
                    .map(CountdownRecord::of)
                    .toList();
        });
    }
}
