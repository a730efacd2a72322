package dev.assistant.db.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.OffsetDateTime;
import org.hibernate.Length;

/** A person who talks to The Assistant, identified by their Telegram chat. */
@Entity
@Table(
        name = "users",
        uniqueConstraints = @UniqueConstraint(name = "uq_users_telegram_chat_id", columnNames = "telegram_chat_id"))
public class User extends TimestampedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id", nullable = false)
    private Integer id;

    @Column(name = "username")
    private String username;

    @Column(name = "first_name")
    private String firstName;

    @Column(name = "last_name")
    private String lastName;

    @Column(name = "google_calendar_id")
    private String googleCalendarId;

    @Column(name = "registered_at")
    private OffsetDateTime registeredAt;

    @Column(name = "google_creds_updated_at")
    private OffsetDateTime googleCredsUpdatedAt;

    @Column(name = "google_credentials_enc", length = Length.LONG32)
    private String googleCredentialsEnc;

    @Column(name = "telegram_chat_id")
    private Long telegramChatId;

    protected User() {
    }

    public User(Long telegramChatId) {
        this.telegramChatId = telegramChatId;
    }

    public Integer getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getFirstName() {
        return firstName;
    }

    public void setFirstName(String firstName) {
        this.firstName = firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public void setLastName(String lastName) {
        this.lastName = lastName;
    }

    public String getGoogleCalendarId() {
        return googleCalendarId;
    }

    public void setGoogleCalendarId(String googleCalendarId) {
        this.googleCalendarId = googleCalendarId;
    }

    public OffsetDateTime getRegisteredAt() {
        return registeredAt;
    }

    public void setRegisteredAt(OffsetDateTime registeredAt) {
        this.registeredAt = registeredAt;
    }

    public OffsetDateTime getGoogleCredsUpdatedAt() {
        return googleCredsUpdatedAt;
    }

    public void setGoogleCredsUpdatedAt(OffsetDateTime googleCredsUpdatedAt) {
        this.googleCredsUpdatedAt = googleCredsUpdatedAt;
    }

    /** The Google OAuth credentials, encrypted by the caller; never stored in clear. */
    public String getGoogleCredentialsEnc() {
        return googleCredentialsEnc;
    }

    public void setGoogleCredentialsEnc(String googleCredentialsEnc) {
        this.googleCredentialsEnc = googleCredentialsEnc;
    }

    public Long getTelegramChatId() {
        return telegramChatId;
    }

    public void setTelegramChatId(Long telegramChatId) {
        this.telegramChatId = telegramChatId;
    }

    @Override
    public String toString() {
        return "User[id=" + id + ", telegramChatId=" + telegramChatId + ", username=" + username + "]";
    }
}
