/**
 * The JPA entities that own The Assistant's PostgreSQL schema. Every change here needs a migration in
 * {@code assistant-db-migrations}; {@code make migration MESSAGE="..."} generates it from the difference.
 */
package dev.assistant.db.model;
