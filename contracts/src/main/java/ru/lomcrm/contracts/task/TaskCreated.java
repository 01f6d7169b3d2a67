package ru.lomcrm.contracts.task;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import ru.lomcrm.contracts.IntegrationEvent;

/**
 * A task was set. Topic {@link ru.lomcrm.contracts.Topics#TASK}. A task is due either at a
 * moment ({@code dueAt}) or on a whole day ({@code dueDate} in {@code timeZone}); exactly one of
 * the two is set.
 *
 * @param type       code from the admin-edited catalogue ({@code call}, {@code meeting}, {@code letter}, {@code follow_up}, ...)
 * @param timeZone   IANA zone of an all-day {@code dueDate} (e.g. {@code Europe/Moscow}); null for a timed task
 * @param assigneeId Keycloak user id of the person who must do it
 * @param link       the deal, contact or company it is about, or null
 * @param createdBy  Keycloak user id, or {@code system} for a business-process task
 * @param source     {@code manual}, or {@code business-process} (created on entering a funnel stage)
 * @param funnel     for a business-process task: the deal's funnel code; otherwise null
 * @param stage      for a business-process task: the stage whose template it follows; otherwise null
 */
public record TaskCreated(
        UUID taskId,
        String text,
        String type,
        Instant dueAt,
        LocalDate dueDate,
        String timeZone,
        String assigneeId,
        TaskLink link,
        String createdBy,
        Instant createdAt,
        String source,
        String funnel,
        String stage) implements IntegrationEvent {

    public static final String MANUAL = "manual";
    public static final String BUSINESS_PROCESS = "business-process";
}
