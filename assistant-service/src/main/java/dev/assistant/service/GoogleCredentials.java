package dev.assistant.service;

import java.time.OffsetDateTime;

/**
 * A user's Google credentials as stored: encrypted by the caller before they reach the service.
 *
 * @param encrypted the encrypted credentials
 * @param updatedAt when they were last stored
 */
public record GoogleCredentials(String encrypted, OffsetDateTime updatedAt) {

    @Override
    public String toString() {
        return "GoogleCredentials[encrypted=<" + (encrypted == null ? 0 : encrypted.length()) + " chars>, updatedAt="
                + updatedAt + "]";
    }
}
