package dev.assistant.service;

import dev.assistant.db.model.User;
import java.util.function.Function;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.exception.ConstraintViolationException;

/** One transaction per service call; constraint violations come out as exceptions a caller can act on. */
final class Transactions {

    private final SessionFactory sessionFactory;

    Transactions(SessionFactory sessionFactory) {
        this.sessionFactory = sessionFactory;
    }

    <T> T inTransaction(Function<Session, T> work) {
        try {
            return sessionFactory.fromTransaction(work);
        } catch (ConstraintViolationException e) {
            throw new AssistantDataException("The change violates " + e.getKind().name().toLowerCase()
                    + " constraint " + e.getConstraintName() + ": " + e.getSQLException().getMessage(), e);
        }
    }

    /** The user, or {@link UnknownUserException}. */
    static User requireUser(Session session, int userId) {
        User user = session.find(User.class, userId);
        if (user == null) {
            throw new UnknownUserException(userId);
        }
        return user;
    }
}
