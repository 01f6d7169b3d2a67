package ru.lomcrm.contracts.task;

import java.util.UUID;

import ru.lomcrm.contracts.IntegrationEvent;

/**
 * Another person is to do the task.
 *
 * @param reason null when a person reassigned it; {@code deal-owner-changed} when it followed
 *               its deal to the deal's new owner
 */
public record TaskReassigned(UUID taskId, String fromAssigneeId, String toAssigneeId, String reason) implements IntegrationEvent {

    public static final String DEAL_OWNER_CHANGED = "deal-owner-changed";
}
