package ru.lomcrm.task.view;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
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
 * Keeps {@code task_view} — what the list, the calendar and the card read. A tracking
 * processor: an event older than the row's version is skipped, so a replay or retry is harmless.
 */
@Component
@ProcessingGroup("task-view")
class TaskViewProjection {

    private final JdbcTemplate jdbc;

    TaskViewProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(TaskCreated event, @SequenceNumber long version) {
        Due due = new Due(event.dueAt(), event.dueDate(), event.timeZone());
        jdbc.update("""
                INSERT INTO task_view (id, text, type, due_at, due_date, time_zone, due_sort, deadline, assignee_id, link_type, link_id,
                                       status, created_by, created_at, source, funnel, stage, updated_at, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO NOTHING""",
                event.taskId(), event.text(), event.type(), time(event.dueAt()), event.dueDate(), event.timeZone(), time(due.start()),
                time(due.deadline()), event.assigneeId(), linkType(event.link()), linkId(event.link()), event.createdBy(),
                time(event.createdAt()), event.source(), event.funnel(), event.stage(), time(event.createdAt()), version);
    }

    @EventHandler
    void on(TaskUpdated event, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.update("""
                UPDATE task_view SET text = ?, type = ?, link_type = ?, link_id = ?, updated_at = ?, version = ?
                WHERE id = ? AND version < ?""",
                event.text(), event.type(), linkType(event.link()), linkId(event.link()), time(at), version, event.taskId(), version);
    }

    @EventHandler
    void on(TaskRescheduled event, @SequenceNumber long version, @Timestamp Instant at) {
        Due due = new Due(event.dueAt(), event.dueDate(), event.timeZone());
        jdbc.update("""
                UPDATE task_view SET due_at = ?, due_date = ?, time_zone = ?, due_sort = ?, deadline = ?,
                                     status = CASE WHEN status = 'overdue' THEN 'open' ELSE status END, updated_at = ?, version = ?
                WHERE id = ? AND version < ?""",
                time(event.dueAt()), event.dueDate(), event.timeZone(), time(due.start()), time(due.deadline()), time(at), version,
                event.taskId(), version);
    }

    @EventHandler
    void on(TaskReassigned event, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.update("UPDATE task_view SET assignee_id = ?, updated_at = ?, version = ? WHERE id = ? AND version < ?",
                event.toAssigneeId(), time(at), version, event.taskId(), version);
    }

    @EventHandler
    void on(TaskCompleted event, @SequenceNumber long version) {
        jdbc.update("""
                UPDATE task_view SET status = 'done', result = ?, completed_at = ?, completed_by = ?, updated_at = ?, version = ?
                WHERE id = ? AND version < ?""",
                event.result(), time(event.completedAt()), event.completedBy(), time(event.completedAt()), version, event.taskId(), version);
    }

    @EventHandler
    void on(TaskReopened event, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.update("""
                UPDATE task_view SET status = 'open', result = NULL, completed_at = NULL, completed_by = NULL, updated_at = ?, version = ?
                WHERE id = ? AND version < ?""", time(at), version, event.taskId(), version);
    }

    @EventHandler
    void on(TaskDeleted event, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.update("UPDATE task_view SET deleted = true, updated_at = ?, version = ? WHERE id = ? AND version < ?", time(at), version,
                event.taskId(), version);
    }

    @EventHandler
    void on(TaskOverdue event, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.update("""
                UPDATE task_view SET status = CASE WHEN status = 'open' THEN 'overdue' ELSE status END, updated_at = ?, version = ?
                WHERE id = ? AND version < ?""", time(at), version, event.taskId(), version);
    }

    private static String linkType(TaskLink link) {
        return link == null ? null : link.type();
    }

    private static java.util.UUID linkId(TaskLink link) {
        return link == null ? null : link.id();
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
