package ru.lomcrm.contracts.task;

import java.util.UUID;

import ru.lomcrm.contracts.IntegrationEvent;

/**
 * The task's text, type or link was edited (due time and assignee change by their own events):
 * the fields as they are now, and the link before the change so that per-deal counts can move.
 *
 * @param link         what it is about now, or null
 * @param previousLink what it was about before, or null
 */
public record TaskUpdated(UUID taskId, String text, String type, TaskLink link, TaskLink previousLink) implements IntegrationEvent {
}
