package dev.assistant.service;

import dev.assistant.db.model.User;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import org.hibernate.exception.ConstraintViolationException;

/** Users: who talks to The Assistant, found by id or by their Telegram chat. */
public final class UserService {

    static final String UNIQUE_CHAT_ID = "uq_users_telegram_chat_id";

    private final Transactions transactions;

    UserService(Transactions transactions) {
        this.transactions = transactions;
    }

    /** @throws DuplicateTelegramChatIdException when another user has the chat id */
    public UserRecord create(NewUser newUser) {
        Objects.requireNonNull(newUser, "newUser");
        try {
            return transactions.inTransaction(session -> {
                User user = new User(newUser.telegramChatId());
                user.setUsername(newUser.username());
                user.setFirstName(newUser.firstName());
                user.setLastName(newUser.lastName());
                user.setRegisteredAt(newUser.registeredAt());
                session.persist(user);
                session.flush();
                session.refresh(user);
                return UserRecord.of(user);
            });
        } catch (AssistantDataException e) {
            if (e.getCause() instanceof ConstraintViolationException violation
                    && UNIQUE_CHAT_ID.equals(violation.getConstraintName())) {
                throw new DuplicateTelegramChatIdException(newUser.telegramChatId(), violation);
            }
            throw e;
        }
    }

    public Optional<UserRecord> findById(int userId) {
        return transactions.inTransaction(session -> Optional.ofNullable(session.find(User.class, userId))
                .map(UserRecord::of));
    }

    public Optional<UserRecord> findByTelegramChatId(long telegramChatId) {
        return transactions.inTransaction(session -> session
                .createSelectionQuery("from User where telegramChatId = :chatId", User.class)
                .setParameter("chatId", telegramChatId)
                .uniqueResultOptional()
                .map(UserRecord::of));
    }

    /** Changes the profile fields that are not null. @throws UnknownUserException for an unknown id */
    public UserRecord update(int userId, UserProfile profile) {
        Objects.requireNonNull(profile, "profile");
        return transactions.inTransaction(session -> {
            User user = Transactions.requireUser(session, userId);
            if (profile.username() != null) {
                user.setUsername(profile.username());
            }
            if (profile.firstName() != null) {
                user.setFirstName(profile.firstName());
            }
            if (profile.lastName() != null) {
                user.setLastName(profile.lastName());
            }
            if (profile.googleCalendarId() != null) {
                user.setGoogleCalendarId(profile.googleCalendarId());
            }
            session.flush();
            session.refresh(user);
            return UserRecord.of(user);
        });
    }

    /** Stores the (already encrypted) Google credentials and stamps when. @throws UnknownUserException */
    public void setGoogleCredentials(int userId, String encryptedCredentials) {
        transactions.inTransaction(session -> {
            User user = Transactions.requireUser(session, userId);
            user.setGoogleCredentialsEnc(encryptedCredentials);
            user.setGoogleCredsUpdatedAt(OffsetDateTime.now(ZoneOffset.UTC));
            return null;
        });
    }

    /** The stored Google credentials, if any. @throws UnknownUserException */
    public Optional<GoogleCredentials> getGoogleCredentials(int userId) {
        return transactions.inTransaction(session -> {
            User user = Transactions.requireUser(session, userId);
            return Optional.ofNullable(user.getGoogleCredentialsEnc())
                    .map(encrypted -> new GoogleCredentials(encrypted, user.getGoogleCredsUpdatedAt()));
        });
    }

    /** Deletes the user and, through the database's cascades, everything that belongs to them. */
    public boolean delete(int userId) {
        return transactions.inTransaction(session -> {
            User user = session.find(User.class, userId);
            if (user == null) {
                return false;
            }
            session.remove(user);
            return true;
        });
    }
}
