package ru.lomcrm.contracts.task;

import java.util.UUID;

import ru.lomcrm.contracts.IntegrationEvent;

/**
 * The task was deleted. Deletion is soft: the task leaves lists and the calendar, its history
 * stays readable.
 *
 * @param wasOpen whether it was still to be done (an open deleted task no longer counts for its deal)
 */
public record TaskDeleted(UUID taskId, String assigneeId, TaskLink link, boolean wasOpen) implements IntegrationEvent {
}
