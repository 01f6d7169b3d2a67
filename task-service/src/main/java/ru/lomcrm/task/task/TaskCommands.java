package ru.lomcrm.task.task;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import ru.lomcrm.contracts.task.TaskLink;
import ru.lomcrm.platform.security.CurrentUser;

/**
 * Commands of the {@link Task} aggregate. Those a person sends carry the {@code caller}: the
 * aggregate checks the rights against its own assignee and link, so a check never races a read
 * model. Those without a caller are the system's (business processes, the overdue sweep,
 * following a deal or a merged party).
 */
public final class TaskCommands {

    private TaskCommands() {
    }

    public record CreateTask(@TargetAggregateIdentifier UUID taskId, CurrentUser caller, String text, String type, Instant dueAt,
                             LocalDate dueDate, String timeZone, String assigneeId, TaskLink link) {
    }

    /** The task of a funnel stage's business-process template, for the deal's owner. */
    public record CreateBusinessProcessTask(@TargetAggregateIdentifier UUID taskId, UUID dealId, String funnel, String stage,
                                            String assigneeId, String text, String type, Instant dueAt) {
    }

    /**
     * An edit of the card; null fields keep their value. {@code clearLink}: unlink it. A new due or
     * assignee is a reschedule or a reassignment, with their own events. {@code expectedVersion}:
     * the version the editor saw (409 if someone changed the task since), null skips the check.
     */
    public record EditTask(@TargetAggregateIdentifier UUID taskId, @TargetAggregateVersion Long expectedVersion, CurrentUser caller,
                           String text, String type, TaskLink link, boolean clearLink, Instant dueAt, LocalDate dueDate,
                           String timeZone, String assigneeId) {
    }

    public record RescheduleTask(@TargetAggregateIdentifier UUID taskId, CurrentUser caller, Instant dueAt, LocalDate dueDate,
                                 String timeZone) {
    }

    public record ReassignTask(@TargetAggregateIdentifier UUID taskId, CurrentUser caller, String assigneeId) {
    }

    public record CompleteTask(@TargetAggregateIdentifier UUID taskId, CurrentUser caller, String result) {
    }

    public record ReopenTask(@TargetAggregateIdentifier UUID taskId, CurrentUser caller) {
    }

    public record DeleteTask(@TargetAggregateIdentifier UUID taskId, CurrentUser caller) {
    }

    /** The overdue sweep: marks the task overdue if it is open and its due time has passed (once per due time). */
    public record MarkTaskOverdue(@TargetAggregateIdentifier UUID taskId) {
    }

    /** The deal changed hands and the assignee no longer sees it: the task follows the deal. */
    public record HandTaskOver(@TargetAggregateIdentifier UUID taskId, String toAssigneeId) {
    }

    /**
     * Rule 3: the task is what moves the deal on — so when the deal leaves the stage a
     * business-process task belongs to, or closes, the system closes the task with {@code result}
     * saying why. Nothing happens to a task already done or deleted.
     */
    public record CloseTaskWithDeal(@TargetAggregateIdentifier UUID taskId, String result) {
    }

    /** Two parties were merged: a task about the merged one is now about the survivor. */
    public record RelinkTask(@TargetAggregateIdentifier UUID taskId, UUID fromId, TaskLink to) {
    }
}
