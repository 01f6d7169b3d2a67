package ru.lomcrm.task.deal;

import java.util.Objects;
import java.util.UUID;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import ru.lomcrm.contracts.EventEnvelope;
import ru.lomcrm.contracts.task.TaskCompleted;
import ru.lomcrm.contracts.task.TaskCreated;
import ru.lomcrm.contracts.task.TaskDeleted;
import ru.lomcrm.contracts.task.TaskLink;
import ru.lomcrm.contracts.task.TaskReopened;
import ru.lomcrm.contracts.task.TaskRescheduled;
import ru.lomcrm.contracts.task.TaskUpdated;
import ru.lomcrm.platform.events.Actors;

/**
 * After any change to a deal's tasks, reports the deal's current open task count and nearest deadline to its
 * {@link DealTaskStatus} (which announces {@code DealTaskStatusChanged} if it changed). A
 * tracking processor: its commands commit with its token, so every change is reported once in
 * effect, shortly after it happened.
 */
@Component
@ProcessingGroup("deal-task-status")
class DealTaskStatusReporter {

    private final CommandGateway commands;
    private final JdbcTemplate jdbc;

    DealTaskStatusReporter(CommandGateway commands, JdbcTemplate jdbc) {
        this.commands = commands;
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(TaskCreated event) {
        report(event.link());
    }

    @EventHandler
    void on(TaskUpdated event) {
        if (!Objects.equals(event.link(), event.previousLink())) {
            report(event.previousLink());
            report(event.link());
        }
    }

    /** The event does not name the link: {@code task_state} (written with the event) does. */
    @EventHandler
    void on(TaskRescheduled event) {
        jdbc.queryForList("SELECT link_id FROM task_state WHERE id = ? AND link_type = 'deal'", UUID.class, event.taskId())
                .forEach(this::report);
    }

    @EventHandler
    void on(TaskCompleted event) {
        report(event.link());
    }

    @EventHandler
    void on(TaskReopened event) {
        report(event.link());
    }

    @EventHandler
    void on(TaskDeleted event) {
        report(event.link());
    }

    private void report(TaskLink link) {
        if (TaskLink.toDeal(link)) {
            report(link.id());
        }
    }

    private void report(UUID dealId) {
        commands.sendAndWait(Actors.command(DealTaskStatus.currentState(jdbc, dealId), EventEnvelope.SYSTEM_ACTOR));
    }
}
