package dev.assistant.db.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.OffsetDateTime;
import org.hibernate.Length;
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;

/** A user's account with an outside provider (calendar, mail, ...) and its encrypted credentials. */
@Entity
@Table(
        name = "third_party_accounts",
        uniqueConstraints = @UniqueConstraint(
                name = "uq_third_party_accounts_user_id_provider_account",
                columnNames = {"user_id", "provider", "account"}))
public class ThirdPartyAccount extends TimestampedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id", nullable = false)
    private Integer id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id", nullable = false, foreignKey = @ForeignKey(name = "fk_third_party_accounts_user_id"))
    @OnDelete(action = OnDeleteAction.CASCADE)
    private User user;

    @Column(name = "provider", nullable = false)
    private String provider;

    @Column(name = "account")
    private String account;

    @Column(name = "credentials_enc", length = Length.LONG32)
    private String credentialsEnc;

    @Column(name = "creds_updated_at")
    private OffsetDateTime credsUpdatedAt;

    protected ThirdPartyAccount() {
    }

    public ThirdPartyAccount(User user, String provider, String account) {
        this.user = user;
        this.provider = provider;
        this.account = account;
    }

    public Integer getId() {
        return id;
    }

    public User getUser() {
        return user;
    }

    public String getProvider() {
        return provider;
    }

    public String getAccount() {
        return account;
    }

    /** The provider credentials, encrypted by the caller; never stored in clear. */
    public String getCredentialsEnc() {
        return credentialsEnc;
    }

    public void setCredentialsEnc(String credentialsEnc) {
        this.credentialsEnc = credentialsEnc;
    }

    public OffsetDateTime getCredsUpdatedAt() {
        return credsUpdatedAt;
    }

    public void setCredsUpdatedAt(OffsetDateTime credsUpdatedAt) {
        this.credsUpdatedAt = credsUpdatedAt;
    }

    @Override
    public String toString() {
        return "ThirdPartyAccount[id=" + id + ", provider=" + provider + ", account=" + account + "]";
    }
}
