package dev.assistant.db.model;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.time.OffsetDateTime;
import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.CurrentTimestamp;
import org.hibernate.annotations.SourceType;
import org.hibernate.generator.EventType;

/** A row that records when it was created: {@code created_at timestamptz NOT NULL DEFAULT now()}, set by the server. */
@MappedSuperclass
public abstract class CreatedAtEntity {

    @CurrentTimestamp(event = EventType.INSERT, source = SourceType.DB)
    @ColumnDefault("now()")
    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }
}
