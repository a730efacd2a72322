package dev.assistant.db.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;

/** An event the user is counting down to. */
@Entity
@Table(name = "countdowns", indexes = @Index(name = "ix_countdowns_user_id", columnList = "user_id"))
public class Countdown extends CreatedAtEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id", nullable = false)
    private Integer id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id", nullable = false, foreignKey = @ForeignKey(name = "fk_countdowns_user_id"))
    @OnDelete(action = OnDeleteAction.CASCADE)
    private User user;

    @Column(name = "description", nullable = false)
    private String description;

    @Column(name = "event_time", nullable = false)
    private OffsetDateTime eventTime;

    protected Countdown() {
    }

    public Countdown(User user, String description, OffsetDateTime eventTime) {
        this.user = user;
        this.description = description;
        this.eventTime = eventTime;
    }

    public Integer getId() {
        return id;
    }

    public User getUser() {
        return user;
    }

    public String getDescription() {
        return description;
    }

    public OffsetDateTime getEventTime() {
        return eventTime;
    }

    @Override
    public String toString() {
        return "Countdown[id=" + id + ", description=" + description + ", eventTime=" + eventTime + "]";
    }
}
