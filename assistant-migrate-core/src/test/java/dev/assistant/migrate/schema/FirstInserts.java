package dev.assistant.migrate.schema;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;

/**
 * The application's first inserts after a migration: a few new rows of every concrete entity, persisted through
 * Hibernate with every field filled (a new related row for each reference), so that ids come from the generators the
 * migration left and every constraint sees a new row. Entities with composite ids are left out.
 */
final class FirstInserts {

    private static final int PER_ENTITY = 3;

    private final SessionFactory factory;
    private int counter = 1000;

    FirstInserts(SessionFactory factory) {
        this.factory = factory;
    }

    /** Persists and commits the rows; returns how many, or throws what Hibernate or the database said. */
    int run(Collection<Class<?>> classes) throws ReflectiveOperationException {
        int inserted = 0;
        try (Session session = factory.openSession()) {
            Transaction transaction = session.beginTransaction();
            try {
                for (Class<?> type : classes) {
                    if (!insertable(type)) {
                        continue;
                    }
                    for (int i = 0; i < PER_ENTITY; i++) {
                        session.persist(instance(type, session, 0));
                        session.flush();
                        inserted++;
                    }
                }
                transaction.commit();
            } catch (RuntimeException e) {
                transaction.rollback();
                throw e;
            }
        }
        return inserted;
    }

    private static boolean insertable(Class<?> type) {
        return type.isAnnotationPresent(Entity.class) && !Modifier.isAbstract(type.getModifiers())
                && !type.isAnnotationPresent(IdClass.class)
                && fields(type).stream().noneMatch(field -> field.isAnnotationPresent(EmbeddedId.class));
    }

    private Object instance(Class<?> type, Session session, int depth) throws ReflectiveOperationException {
        var constructor = type.getDeclaredConstructor();
        constructor.setAccessible(true);
        Object instance = constructor.newInstance();
        for (Field field : fields(type)) {
            if (field.isAnnotationPresent(Version.class) || field.isAnnotationPresent(Transient.class)
                    || field.isAnnotationPresent(Id.class) && field.isAnnotationPresent(GeneratedValue.class)) {
                continue;
            }
            Object value;
            if (field.isAnnotationPresent(ManyToOne.class) || field.isAnnotationPresent(OneToOne.class)) {
                if (depth > 2 || field.getType().equals(type)) {
                    continue;
                }
                value = instance(field.getType(), session, depth + 1);
                session.persist(value);
            } else {
                value = value(field, session, depth);
            }
            if (value != null) {
                field.setAccessible(true);
                field.set(instance, value);
            }
        }
        return instance;
    }

    private Object value(Field field, Session session, int depth) throws ReflectiveOperationException {
        Class<?> type = field.getType();
        int n = counter++;
        jakarta.persistence.Column column = field.getAnnotation(jakarta.persistence.Column.class);
        int length = column == null ? 255 : column.length();
        if (type == String.class) {
            String text = "v" + n;
            return text.length() > length ? text.substring(text.length() - length) : text;
        }
        if (type == Integer.class || type == int.class) {
            return n;
        }
        if (type == Long.class || type == long.class) {
            return (long) n;
        }
        if (type == Short.class || type == short.class) {
            return (short) (n % 30000);
        }
        if (type == BigDecimal.class) {
            return BigDecimal.valueOf(n);
        }
        if (type == Double.class || type == double.class) {
            return (double) n;
        }
        if (type == Float.class || type == float.class) {
            return (float) n;
        }
        if (type == Boolean.class || type == boolean.class) {
            return Boolean.TRUE;
        }
        if (type == UUID.class) {
            return UUID.randomUUID();
        }
        if (type == LocalDate.class) {
            return LocalDate.now();
        }
        if (type == LocalDateTime.class) {
            return LocalDateTime.now().truncatedTo(ChronoUnit.MICROS);
        }
        if (type == LocalTime.class) {
            return LocalTime.now().truncatedTo(ChronoUnit.MICROS);
        }
        if (type == OffsetDateTime.class) {
            return OffsetDateTime.now().truncatedTo(ChronoUnit.MICROS);
        }
        if (type == ZonedDateTime.class) {
            return ZonedDateTime.now().truncatedTo(ChronoUnit.MICROS);
        }
        if (type == Instant.class) {
            return Instant.now().truncatedTo(ChronoUnit.MICROS);
        }
        if (type == byte[].class) {
            return new byte[] {1, 2, 3};
        }
        if (type == Map.class) {
            return Map.of("k", "v" + n);
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        if (type.isAnnotationPresent(Embeddable.class)) {
            return instance(type, session, depth + 1);
        }
        return null;
    }

    private static List<Field> fields(Class<?> type) {
        List<Field> fields = new ArrayList<>();
        for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
            for (Field field : current.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers()) && !Modifier.isTransient(field.getModifiers())
                        && !Collection.class.isAssignableFrom(field.getType())) {
                    fields.add(field);
                }
            }
        }
        return fields;
    }
}
