package dev.assistant.service;

/** Another user already has this Telegram chat id; a chat belongs to one user. */
public final class DuplicateTelegramChatIdException extends AssistantDataException {

    private final long telegramChatId;

    public DuplicateTelegramChatIdException(long telegramChatId, Throwable cause) {
        super("Another user already has Telegram chat id " + telegramChatId
                + "; look that user up with findByTelegramChatId instead of creating one.", cause);
        this.telegramChatId = telegramChatId;
    }

    public long telegramChatId() {
        return telegramChatId;
    }
}
