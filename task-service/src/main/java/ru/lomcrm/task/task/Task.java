package ru.lomcrm.task.task;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.util.Objects;
import java.util.UUID;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

import ru.lomcrm.contracts.EventEnvelope;
import ru.lomcrm.contracts.task.TaskCompleted;
import ru.lomcrm.contracts.task.TaskCreated;
import ru.lomcrm.contracts.task.TaskDeleted;
import ru.lomcrm.contracts.task.TaskLink;
import ru.lomcrm.contracts.task.TaskOverdue;
import ru.lomcrm.contracts.task.TaskReassigned;
import ru.lomcrm.contracts.task.TaskReopened;
import ru.lomcrm.contracts.task.TaskRescheduled;
import ru.lomcrm.contracts.task.TaskUpdated;
import ru.lomcrm.platform.security.CurrentUser;
import ru.lomcrm.platform.web.DomainException;
import ru.lomcrm.task.task.TaskCommands.CloseTaskWithDeal;
import ru.lomcrm.task.task.TaskCommands.CompleteTask;
import ru.lomcrm.task.task.TaskCommands.CreateBusinessProcessTask;
import ru.lomcrm.task.task.TaskCommands.CreateTask;
import ru.lomcrm.task.task.TaskCommands.DeleteTask;
import ru.lomcrm.task.task.TaskCommands.EditTask;
import ru.lomcrm.task.task.TaskCommands.HandTaskOver;
import ru.lomcrm.task.task.TaskCommands.MarkTaskOverdue;
import ru.lomcrm.task.task.TaskCommands.ReassignTask;
import ru.lomcrm.task.task.TaskCommands.RelinkTask;
import ru.lomcrm.task.task.TaskCommands.ReopenTask;
import ru.lomcrm.task.task.TaskCommands.RescheduleTask;
import ru.lomcrm.task.types.TaskTypes;

/**
 * A task (Задача): what someone must do, by when, about which deal, contact or company.
 * Event-sourced; handlers answer the task's version after the change. Deletion is soft: a
 * deleted task takes no more commands, its history stays.
 */
@Aggregate
public class Task {

    static final int MAX_TEXT_LENGTH = 2000;

    @AggregateIdentifier
    private UUID id;
    private String text;
    private String type;
    private Due due;
    private String assigneeId;
    private TaskLink link;
    private boolean done;
    private boolean deleted;
    /** TaskOverdue was emitted for the current due time and open period. */
    private boolean overdue;

    protected Task() {
        // for Axon
    }

    @CommandHandler
    public Task(CreateTask command, TaskAccess access, TaskTypes types, Clock clock) {
        CurrentUser caller = command.caller();
        String assignee = command.assigneeId() == null || command.assigneeId().isBlank() ? caller.id() : command.assigneeId().strip();
        access.requireAssignable(caller, assignee);
        String checkedText = checkText(command.text());
        String checkedType = command.type() == null || command.type().isBlank() ? types.defaultType() : requireType(types, command.type());
        Due checkedDue = Due.of(command.dueAt(), command.dueDate(), command.timeZone());
        TaskLink checkedLink = access.requireLinkable(caller, assignee, command.link());
        apply(new TaskCreated(command.taskId(), checkedText, checkedType, checkedDue.at(), checkedDue.date(), checkedDue.timeZone(),
                assignee, checkedLink, caller.id(), clock.instant(), TaskCreated.MANUAL, null, null));
    }

    /** Rule 3: the stage's business-process task, set by the system for the deal's owner (no caller, no rights to check). */
    @CommandHandler
    public Task(CreateBusinessProcessTask command, Clock clock) {
        apply(new TaskCreated(command.taskId(), checkText(command.text()), command.type(), command.dueAt(), null, null,
                command.assigneeId(), TaskLink.deal(command.dealId()), EventEnvelope.SYSTEM_ACTOR, clock.instant(),
                TaskCreated.BUSINESS_PROCESS, command.funnel(), command.stage()));
    }

    @CommandHandler
    long handle(EditTask command, TaskAccess access, TaskTypes types) {
        requireVisibleAndPresent(access, command.caller());
        requireOpen("Выполненную задачу нельзя изменить: сначала верните её в работу.");
        String newAssignee = command.assigneeId() == null || command.assigneeId().isBlank() ? assigneeId : command.assigneeId().strip();
        if (!newAssignee.equals(assigneeId)) {
            access.requireAssignable(command.caller(), newAssignee);
        }
        String newText = command.text() == null ? text : checkText(command.text());
        String newType = command.type() == null || command.type().strip().equals(type) ? type : requireType(types, command.type());
        TaskLink newLink = command.clearLink() ? null : command.link() == null ? link : command.link();
        if (!Objects.equals(newLink, link) || !newAssignee.equals(assigneeId)) {
            newLink = access.requireLinkable(command.caller(), newAssignee, newLink);
        }
        Due newDue = command.dueAt() == null && command.dueDate() == null ? due
                : Due.of(command.dueAt(), command.dueDate(), command.timeZone());
        if (!newText.equals(text) || !newType.equals(type) || !Objects.equals(newLink, link)) {
            apply(new TaskUpdated(id, newText, newType, newLink, link));
        }
        if (!newDue.equals(due)) {
            apply(new TaskRescheduled(id, newDue.at(), newDue.date(), newDue.timeZone(), due.at(), due.date(), assigneeId));
        }
        if (!newAssignee.equals(assigneeId)) {
            apply(new TaskReassigned(id, assigneeId, newAssignee, null));
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(RescheduleTask command, TaskAccess access) {
        requireVisibleAndPresent(access, command.caller());
        requireOpen("Выполненную задачу нельзя перенести: сначала верните её в работу.");
        Due newDue = Due.of(command.dueAt(), command.dueDate(), command.timeZone());
        if (!newDue.equals(due)) {
            apply(new TaskRescheduled(id, newDue.at(), newDue.date(), newDue.timeZone(), due.at(), due.date(), assigneeId));
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(ReassignTask command, TaskAccess access) {
        requireVisibleAndPresent(access, command.caller());
        requireOpen("Выполненную задачу нельзя передать: сначала верните её в работу.");
        String newAssignee = command.assigneeId() == null ? "" : command.assigneeId().strip();
        if (!newAssignee.equals(assigneeId)) {
            access.requireAssignable(command.caller(), newAssignee);
            access.requireLinkable(command.caller(), newAssignee, link);
            apply(new TaskReassigned(id, assigneeId, newAssignee, null));
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(CompleteTask command, TaskAccess access, Clock clock) {
        requireVisibleAndPresent(access, command.caller());
        if (done) {
            throw DomainException.conflict("task-done", "Задача уже выполнена.");
        }
        String result = command.result() == null ? "" : command.result().strip();
        if (result.isEmpty()) {
            throw DomainException.invalid("result-required", "Укажите результат: что сделано по задаче.").about("result");
        }
        if (result.length() > MAX_TEXT_LENGTH) {
            throw DomainException.invalid("result-too-long", "Результат длиннее " + MAX_TEXT_LENGTH + " символов.").about("result");
        }
        apply(new TaskCompleted(id, result, command.caller().id(), clock.instant(), assigneeId, link));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(ReopenTask command, TaskAccess access) {
        requireVisibleAndPresent(access, command.caller());
        if (done) {
            apply(new TaskReopened(id, assigneeId, link));
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(DeleteTask command, TaskAccess access) {
        requireVisibleAndPresent(access, command.caller());
        apply(new TaskDeleted(id, assigneeId, link, !done));
        return AggregateLifecycle.getVersion();
    }

    /** Once per due time: a second sweep (another instance, a restart, a retry) changes nothing. */
    @CommandHandler
    long handle(MarkTaskOverdue command, Clock clock) {
        if (!deleted && !done && !overdue && !due.deadline().isAfter(clock.instant())) {
            apply(new TaskOverdue(id, text, type, due.at(), due.date(), due.timeZone(), due.deadline(), assigneeId, link));
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(CloseTaskWithDeal command, Clock clock) {
        if (!deleted && !done) {
            // the result quotes a loss reason that may itself be as long as a result may be
            String result = command.result().length() > MAX_TEXT_LENGTH ? command.result().substring(0, MAX_TEXT_LENGTH - 1) + "…"
                    : command.result();
            apply(new TaskCompleted(id, result, EventEnvelope.SYSTEM_ACTOR, clock.instant(), assigneeId, link));
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(HandTaskOver command) {
        if (!deleted && !done && !command.toAssigneeId().equals(assigneeId)) {
            apply(new TaskReassigned(id, assigneeId, command.toAssigneeId(), TaskReassigned.DEAL_OWNER_CHANGED));
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(RelinkTask command) {
        if (!deleted && link != null && link.id().equals(command.fromId()) && !command.to().equals(link)) {
            apply(new TaskUpdated(id, text, type, command.to(), link));
        }
        return AggregateLifecycle.getVersion();
    }

    private void requireVisibleAndPresent(TaskAccess access, CurrentUser caller) {
        access.requireVisible(caller, assigneeId, link);
        if (deleted) {
            throw DomainException.notFound("task-deleted", "Задача удалена.");
        }
    }

    private void requireOpen(String message) {
        if (done) {
            throw DomainException.conflict("task-done", message);
        }
    }

    static String checkText(String raw) {
        String value = raw == null ? "" : raw.strip();
        if (value.isEmpty()) {
            throw DomainException.invalid("task-text-required", "Укажите, что нужно сделать.").about("text");
        }
        if (value.length() > MAX_TEXT_LENGTH) {
            throw DomainException.invalid("task-text-too-long", "Текст задачи длиннее " + MAX_TEXT_LENGTH + " символов.").about("text");
        }
        return value;
    }

    private static String requireType(TaskTypes types, String raw) {
        String code = raw.strip();
        if (!types.isActive(code)) {
            throw DomainException.invalid("unknown-task-type", "Нет такого типа задачи: «" + code + "».").about("type");
        }
        return code;
    }

    @EventSourcingHandler
    void on(TaskCreated event) {
        id = event.taskId();
        text = event.text();
        type = event.type();
        due = new Due(event.dueAt(), event.dueDate(), event.timeZone());
        assigneeId = event.assigneeId();
        link = event.link();
    }

    @EventSourcingHandler
    void on(TaskUpdated event) {
        text = event.text();
        type = event.type();
        link = event.link();
    }

    @EventSourcingHandler
    void on(TaskRescheduled event) {
        due = new Due(event.dueAt(), event.dueDate(), event.timeZone());
        overdue = false;
    }

    @EventSourcingHandler
    void on(TaskReassigned event) {
        assigneeId = event.toAssigneeId();
    }

    @EventSourcingHandler
    void on(TaskCompleted event) {
        done = true;
    }

    @EventSourcingHandler
    void on(TaskReopened event) {
        done = false;
        overdue = false;
    }

    @EventSourcingHandler
    void on(TaskDeleted event) {
        deleted = true;
    }

    @EventSourcingHandler
    void on(TaskOverdue event) {
        overdue = true;
    }
}
