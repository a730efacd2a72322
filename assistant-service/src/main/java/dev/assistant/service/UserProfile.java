package dev.assistant.service;

/** The fields of a user that can change; null leaves a field as it is. */
public record UserProfile(String username, String firstName, String lastName, String googleCalendarId) {
}
