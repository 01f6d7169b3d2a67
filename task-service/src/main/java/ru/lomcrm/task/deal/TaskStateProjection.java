package ru.lomcrm.task.deal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import ru.lomcrm.contracts.task.TaskCompleted;
import ru.lomcrm.contracts.task.TaskCreated;
import ru.lomcrm.contracts.task.TaskDeleted;
import ru.lomcrm.contracts.task.TaskLink;
import ru.lomcrm.contracts.task.TaskOverdue;
import ru.lomcrm.contracts.task.TaskReassigned;
import ru.lomcrm.contracts.task.TaskReopened;
import ru.lomcrm.contracts.task.TaskRescheduled;
import ru.lomcrm.contracts.task.TaskUpdated;
import ru.lomcrm.task.task.Due;

/**
 * {@code task_state} and each deal's open task count in {@code deal_ref}, written in the same
 * transaction as the task's events (a subscribing processor): the business-process rule
 * ("create the stage's task when the deal has none open"), the deals-without-task list and the
 * overdue sweep read them and are never behind.
 *
 * <p>Counting is race-free: a change to a deal's tasks first locks the deal's {@code deal_ref}
 * row, then recounts in a new statement, so two concurrent changes of one deal's tasks count in
 * turn and the later one sees the earlier one.
 */
@Component
@ProcessingGroup(TaskStateProjection.PROCESSING_GROUP)
public class TaskStateProjection {

    public static final String PROCESSING_GROUP = "task-state";

    private final JdbcTemplate jdbc;

    TaskStateProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(TaskCreated event, @Timestamp Instant at) {
        lockDeals(event.link(), null);
        jdbc.update("""
                INSERT INTO task_state (id, assignee_id, link_type, link_id, open, deadline, process_funnel, process_stage)
                VALUES (?, ?, ?, ?, true, ?, ?, ?)
                ON CONFLICT (id) DO NOTHING""",
                event.taskId(), event.assigneeId(), linkType(event.link()), linkId(event.link()),
                time(new Due(event.dueAt(), event.dueDate(), event.timeZone()).deadline()),
                TaskCreated.BUSINESS_PROCESS.equals(event.source()) ? event.funnel() : null,
                TaskCreated.BUSINESS_PROCESS.equals(event.source()) ? event.stage() : null);
        recount(event.link(), at);
    }

    @EventHandler
    void on(TaskUpdated event, @Timestamp Instant at) {
        if (Objects.equals(event.link(), event.previousLink())) {
            return;
        }
        lockDeals(event.link(), event.previousLink());
        jdbc.update("UPDATE task_state SET link_type = ?, link_id = ? WHERE id = ?", linkType(event.link()), linkId(event.link()),
                event.taskId());
        recount(event.previousLink(), at);
        recount(event.link(), at);
    }

    @EventHandler
    void on(TaskRescheduled event) {
        jdbc.update("UPDATE task_state SET deadline = ?, overdue = false WHERE id = ?",
                time(new Due(event.dueAt(), event.dueDate(), event.timeZone()).deadline()), event.taskId());
    }

    @EventHandler
    void on(TaskReassigned event) {
        jdbc.update("UPDATE task_state SET assignee_id = ? WHERE id = ?", event.toAssigneeId(), event.taskId());
    }

    @EventHandler
    void on(TaskCompleted event, @Timestamp Instant at) {
        lockDeals(event.link(), null);
        jdbc.update("UPDATE task_state SET open = false WHERE id = ?", event.taskId());
        recount(event.link(), at);
    }

    @EventHandler
    void on(TaskReopened event, @Timestamp Instant at) {
        lockDeals(event.link(), null);
        jdbc.update("UPDATE task_state SET open = true, overdue = false WHERE id = ?", event.taskId());
        recount(event.link(), at);
    }

    @EventHandler
    void on(TaskDeleted event, @Timestamp Instant at) {
        lockDeals(event.link(), null);
        jdbc.update("UPDATE task_state SET open = false, deleted = true WHERE id = ?", event.taskId());
        recount(event.link(), at);
    }

    @EventHandler
    void on(TaskOverdue event) {
        jdbc.update("UPDATE task_state SET overdue = true WHERE id = ?", event.taskId());
    }

    /** Locks the deal rows (creating placeholders for deals not heard of yet), in id order so two changes never deadlock. */
    private void lockDeals(TaskLink first, TaskLink second) {
        var deals = new TreeSet<UUID>();
        if (TaskLink.toDeal(first)) {
            deals.add(first.id());
        }
        if (TaskLink.toDeal(second)) {
            deals.add(second.id());
        }
        for (UUID deal : deals) {
            DealRows.lock(jdbc, deal);
        }
    }

    private void recount(TaskLink link, Instant at) {
        if (!TaskLink.toDeal(link)) {
            return;
        }
        jdbc.update("""
                UPDATE deal_ref SET open_tasks = c.n,
                       without_task_since = CASE WHEN c.n > 0 THEN NULL
                                                 WHEN deal_ref.open_tasks > 0 OR deal_ref.without_task_since IS NULL THEN ?
                                                 ELSE deal_ref.without_task_since END
                FROM (SELECT count(*) AS n FROM task_state WHERE link_type = 'deal' AND link_id = ? AND open) c
                WHERE deal_ref.id = ?""", time(at), link.id(), link.id());
    }

    private static String linkType(TaskLink link) {
        return link == null ? null : link.type();
    }

    private static UUID linkId(TaskLink link) {
        return link == null ? null : link.id();
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
