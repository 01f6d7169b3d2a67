package ru.lomcrm.contracts.task;

import java.util.UUID;

import ru.lomcrm.contracts.IntegrationEvent;

/** A done task is open again (its result is kept in the history, not on the task). */
public record TaskReopened(UUID taskId, String assigneeId, TaskLink link) implements IntegrationEvent {
}
