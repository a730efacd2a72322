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
import org.hibernate.Length;
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;

/** One named setting of a user, its value stored as JSON text. */
@Entity
@Table(
        name = "user_settings",
        uniqueConstraints = @UniqueConstraint(name = "uq_user_settings_user_id_key", columnNames = {"user_id", "key"}))
public class UserSetting extends TimestampedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id", nullable = false)
    private Integer id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id", nullable = false, foreignKey = @ForeignKey(name = "fk_user_settings_user_id"))
    @OnDelete(action = OnDeleteAction.CASCADE)
    private User user;

    @Column(name = "key", nullable = false)
    private String key;

    @Column(name = "value_json", length = Length.LONG32)
    private String valueJson;

    protected UserSetting() {
    }

    public UserSetting(User user, String key, String valueJson) {
        this.user = user;
        this.key = key;
        this.valueJson = valueJson;
    }

    public Integer getId() {
        return id;
    }

    public User getUser() {
        return user;
    }

    public String getKey() {
        return key;
    }

    public String getValueJson() {
        return valueJson;
    }

    public void setValueJson(String valueJson) {
        this.valueJson = valueJson;
    }

    @Override
    public String toString() {
        return "UserSetting[id=" + id + ", key=" + key + "]";
    }
}
