package ru.lomcrm.contracts.task;

import java.time.Instant;
import java.util.UUID;

import ru.lomcrm.contracts.IntegrationEvent;

/**
 * Rule 3 for the board: how many open (not done, not deleted) tasks a deal has now, and when the
 * nearest of them falls due. Emitted by task-service when a deal first becomes known to it and
 * then whenever either changes — so every flip of {@code hasOpenTask} is one of these. Keyed by
 * {@code dealId} (the envelope's {@code aggregateId}); {@code aggregateVersion} grows by one per
 * event of the same deal, so a consumer may ignore one older than what it has applied.
 *
 * @param dealId          the deal (deal-service's id)
 * @param hasOpenTask     {@code openTasks > 0}
 * @param openTasks       the number of open tasks linked to the deal
 * @param nearestDeadline since v1.1 (null before, and when there is no open task): the earliest
 *                        moment after which one of those tasks is overdue (an all-day task's is
 *                        the end of its day); a consumer compares it with the clock, so a task
 *                        turning overdue needs no event
 */
public record DealTaskStatusChanged(UUID dealId, boolean hasOpenTask, int openTasks, Instant nearestDeadline) implements IntegrationEvent {
}
