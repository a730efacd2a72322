package dev.assistant.service;

import dev.assistant.db.model.ThirdPartyAccount;
import dev.assistant.db.model.User;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hibernate.Session;

/** Users' accounts with outside providers (calendars, mail, ...) and their encrypted credentials. */
public final class ThirdPartyAccountService {

    private final Transactions transactions;

    ThirdPartyAccountService(Transactions transactions) {
        this.transactions = transactions;
    }

    /** The user's accounts with the provider, in the order they were added. @throws UnknownUserException */
    public List<ThirdPartyAccountRecord> list(int userId, String provider) {
        Objects.requireNonNull(provider, "provider");
        return transactions.inTransaction(session -> {
            Transactions.requireUser(session, userId);
            return session.createSelectionQuery("from ThirdPartyAccount a join fetch a.user"
                            + " where a.user.id = :userId and a.provider = :provider order by a.id",
                            ThirdPartyAccount.class)
                    .setParameter("userId", userId)
                    .setParameter("provider", provider)
                    .getResultList()
                    .stream()
                    .map(ThirdPartyAccountRecord::of)
                    .toList();
        });
    }

    /**
     * Stores the (already encrypted) credentials of the user's account with the provider, adding the account when it
     * is new. {@code account} may be null for a provider where a user has one account.
     *
     * @throws UnknownUserException for an unknown user
     */
    public ThirdPartyAccountRecord storeCredentials(int userId, String provider, String account,
            String encryptedCredentials) {
        Objects.requireNonNull(provider, "provider");
        return transactions.inTransaction(session -> {
            User user = Transactions.requireUser(session, userId);
            ThirdPartyAccount stored = find(session, userId, provider, account).orElseGet(() -> {
                ThirdPartyAccount created = new ThirdPartyAccount(user, provider, account);
                session.persist(created);
                return created;
            });
            stored.setCredentialsEnc(encryptedCredentials);
            stored.setCredsUpdatedAt(OffsetDateTime.now(ZoneOffset.UTC));
            session.flush();
            session.refresh(stored);
            return ThirdPartyAccountRecord.of(stored);
        });
    }

    /** The encrypted credentials of one account, if stored. @throws UnknownUserException */
    public Optional<String> getCredentials(int userId, String provider, String account) {
        return transactions.inTransaction(session -> {
            Transactions.requireUser(session, userId);
            return find(session, userId, provider, account).map(ThirdPartyAccount::getCredentialsEnc);
        });
    }

    private static Optional<ThirdPartyAccount> find(Session session, int userId, String provider, String account) {
        String accountCondition = account == null ? "a.account is null" : "a.account = :account";
        var query = session.createSelectionQuery("from ThirdPartyAccount a join fetch a.user"
                        + " where a.user.id = :userId and a.provider = :provider and " + accountCondition,
                        ThirdPartyAccount.class)
                .setParameter("userId", userId)
                .setParameter("provider", provider);
        if (account != null) {
            query.setParameter("account", account);
        }
        return query.uniqueResultOptional();
    }
}
