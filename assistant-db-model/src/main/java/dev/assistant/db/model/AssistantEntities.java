package dev.assistant.db.model;

import java.util.List;

/** Every entity class of The Assistant's model, for code that bootstraps Hibernate without scanning. */
public final class AssistantEntities {

    public static final List<Class<?>> ALL = List.of(
            User.class,
            UserSetting.class,
            ThirdPartyAccount.class,
            ScheduledTask.class,
            Countdown.class);

    private AssistantEntities() {
    }
}
