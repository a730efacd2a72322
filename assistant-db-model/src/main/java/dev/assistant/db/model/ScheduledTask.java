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
import org.hibernate.Length;
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;

/** A recurring instruction the user gave, with the schedule it runs on. */
@Entity
@Table(name = "tasks", indexes = @Index(name = "ix_tasks_user_id", columnList = "user_id"))
public class ScheduledTask extends CreatedAtEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id", nullable = false)
    private Integer id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id", nullable = false, foreignKey = @ForeignKey(name = "fk_tasks_user_id"))
    @OnDelete(action = OnDeleteAction.CASCADE)
    private User user;

    /** What the user said, word for word. */
    @Column(name = "raw_instruction", nullable = false, length = Length.LONG32)
    private String rawInstruction;

    /** A cron expression or a natural-language schedule, as understood from the instruction. */
    @Column(name = "schedule", nullable = false)
    private String schedule;

    /** The instruction to carry out on every run, as understood. */
    @Column(name = "instruction", nullable = false, length = Length.LONG32)
    private String instruction;

    protected ScheduledTask() {
    }

    public ScheduledTask(User user, String rawInstruction, String schedule, String instruction) {
        this.user = user;
        this.rawInstruction = rawInstruction;
        this.schedule = schedule;
        this.instruction = instruction;
    }

    public Integer getId() {
        return id;
    }

    public User getUser() {
        return user;
    }

    public String getRawInstruction() {
        return rawInstruction;
    }

    public String getSchedule() {
        return schedule;
    }

    public String getInstruction() {
        return instruction;
    }

    @Override
    public String toString() {
        return "ScheduledTask[id=" + id + ", schedule=" + schedule + "]";
    }
}
