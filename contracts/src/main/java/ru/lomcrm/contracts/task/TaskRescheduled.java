package ru.lomcrm.contracts.task;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import ru.lomcrm.contracts.IntegrationEvent;

/**
 * The task was moved to another due time or day (Перенести). As in {@link TaskCreated}, exactly
 * one of {@code dueAt} / {@code dueDate} is set; {@code previous*} tell where it was. An overdue
 * task moved into the future is open again, and may become overdue again later.
 */
public record TaskRescheduled(UUID taskId, Instant dueAt, LocalDate dueDate, String timeZone, Instant previousDueAt,
                              LocalDate previousDueDate, String assigneeId) implements IntegrationEvent {
}
