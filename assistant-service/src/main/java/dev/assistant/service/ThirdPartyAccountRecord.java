package dev.assistant.service;

import dev.assistant.db.model.ThirdPartyAccount;
import java.time.OffsetDateTime;

/** A user's account with an outside provider; the encrypted credentials are fetched separately. */
public record ThirdPartyAccountRecord(int id, int userId, String provider, String account, boolean hasCredentials,
        OffsetDateTime credsUpdatedAt, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    static ThirdPartyAccountRecord of(ThirdPartyAccount account) {
        return new ThirdPartyAccountRecord(account.getId(), account.getUser().getId(), account.getProvider(),
                account.getAccount(), account.getCredentialsEnc() != null, account.getCredsUpdatedAt(),
                account.getCreatedAt(), account.getUpdatedAt());
    }
}
