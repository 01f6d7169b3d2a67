package ru.lomcrm.task.deal;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.springframework.jdbc.core.JdbcTemplate;

import ru.lomcrm.contracts.task.DealTaskStatusChanged;

/**
 * Rule 3 for deal-service's board: the number of open tasks of one deal and the nearest deadline among them, as last announced. Its
 * id is the deal's id, so its events go to Kafka keyed by the deal and numbered per deal. It
 * announces only what differs from the last announcement, so reporting the same state again
 * (a retry, a replay, two reporters) changes nothing.
 */
@Aggregate
public class DealTaskStatus {

    /** The deal has {@code openTasks} open tasks now, the nearest due at {@code nearestDeadline} (null when none). */
    public record ReportOpenTasks(@TargetAggregateIdentifier UUID dealId, int openTasks, Instant nearestDeadline) {
    }

    /** What to report for a deal now: its open tasks as {@code task_state} has them (written with the tasks' own events). */
    static ReportOpenTasks currentState(JdbcTemplate jdbc, UUID dealId) {
        return jdbc.queryForObject("""
                SELECT count(*) AS open_tasks, min(deadline) AS nearest FROM task_state
                WHERE link_type = 'deal' AND link_id = ? AND open""",
                (rs, row) -> new ReportOpenTasks(dealId, rs.getInt("open_tasks"),
                        rs.getObject("nearest", OffsetDateTime.class) == null ? null : rs.getObject("nearest", OffsetDateTime.class).toInstant()),
                dealId);
    }

    @AggregateIdentifier
    private UUID dealId;
    private int openTasks = -1;
    private Instant nearestDeadline;

    protected DealTaskStatus() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    long handle(ReportOpenTasks command) {
        if (command.openTasks() != openTasks || !Objects.equals(command.nearestDeadline(), nearestDeadline)) {
            apply(new DealTaskStatusChanged(command.dealId(), command.openTasks() > 0, command.openTasks(), command.nearestDeadline()));
        }
        return AggregateLifecycle.getVersion();
    }

    @EventSourcingHandler
    void on(DealTaskStatusChanged event) {
        dealId = event.dealId();
        openTasks = event.openTasks();
        nearestDeadline = event.nearestDeadline();
    }
}
