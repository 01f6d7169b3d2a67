package ru.lomcrm.contracts.task;

import java.time.Instant;
import java.util.UUID;

import ru.lomcrm.contracts.IntegrationEvent;

/**
 * The task was done, with what came of it (Результат — required, never blank).
 *
 * @param completedBy Keycloak user id of who marked it done (not necessarily the assignee), or {@code system} when the
 *                    deal moved past the task's stage or was closed (the result then says which)
 * @param assigneeId  whose task it was
 * @param link        what it was about, or null
 */
public record TaskCompleted(UUID taskId, String result, String completedBy, Instant completedAt, String assigneeId, TaskLink link)
        implements IntegrationEvent {
}
