package ru.lomcrm.contracts.task;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import ru.lomcrm.contracts.IntegrationEvent;

/**
 * An open task passed its due time without being done — once per task and due time (moving it
 * to a new time or reopening it allows one more). Carries what the per-user e-mail
 * notification (rule 11) needs, so mail-service need not ask task-service.
 *
 * @param deadline   the moment it became overdue: {@code dueAt}, or the end of {@code dueDate} in {@code timeZone}
 * @param assigneeId Keycloak user id of the person to notify
 * @param link       the deal, contact or company it is about (for a link in the e-mail), or null
 */
public record TaskOverdue(UUID taskId, String text, String type, Instant dueAt, LocalDate dueDate, String timeZone, Instant deadline,
                          String assigneeId, TaskLink link) implements IntegrationEvent {
}
