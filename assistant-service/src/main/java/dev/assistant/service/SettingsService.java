package dev.assistant.service;

import dev.assistant.db.model.User;
import dev.assistant.db.model.UserSetting;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.hibernate.Session;

/** Per-user settings: a key and its value as JSON text. */
public final class SettingsService {

    private final Transactions transactions;

    SettingsService(Transactions transactions) {
        this.transactions = transactions;
    }

    /** Sets the key to the JSON value, replacing what was there. @throws UnknownUserException */
    public void set(int userId, String key, String valueJson) {
        Objects.requireNonNull(key, "key");
        transactions.inTransaction(session -> {
            User user = Transactions.requireUser(session, userId);
            Optional<UserSetting> existing = find(session, userId, key);
            if (existing.isPresent()) {
                existing.get().setValueJson(valueJson);
            } else {
                session.persist(new UserSetting(user, key, valueJson));
            }
            return null;
        });
    }

    /** The JSON value of the key, if it has one. @throws UnknownUserException */
    public Optional<String> get(int userId, String key) {
        return transactions.inTransaction(session -> {
            Transactions.requireUser(session, userId);
            return find(session, userId, key).map(UserSetting::getValueJson);
        });
    }

    /** Every key with a value, in key order. @throws UnknownUserException */
    public Map<String, String> getAll(int userId) {
        return transactions.inTransaction(session -> {
            Transactions.requireUser(session, userId);
            Map<String, String> all = new LinkedHashMap<>();
            session.createSelectionQuery("from UserSetting where user.id = :userId and valueJson is not null"
                            + " order by key", UserSetting.class)
                    .setParameter("userId", userId)
                    .getResultList()
                    .forEach(setting -> all.put(setting.getKey(), setting.getValueJson()));
            return all;
        });
    }

    /** Removes the key and its value. @return whether it was set @throws UnknownUserException */
    public boolean unset(int userId, String key) {
        return transactions.inTransaction(session -> {
            Transactions.requireUser(session, userId);
            Optional<UserSetting> existing = find(session, userId, key);
            existing.ifPresent(session::remove);
            return existing.isPresent();
        });
    }

    private static Optional<UserSetting> find(Session session, int userId, String key) {
        return session.createSelectionQuery("from UserSetting where user.id = :userId and key = :key",
                        UserSetting.class)
                .setParameter("userId", userId)
                .setParameter("key", key)
                .uniqueResultOptional();
    }
}
