package ru.lomcrm.task.deal;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.UUID;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import ru.lomcrm.contracts.task.DealTaskStatusChanged;

/**
 * Rule 3 for deal-service's board: the number of open tasks of one deal as last announced. Its
 * id is the deal's id, so its events go to Kafka keyed by the deal and numbered per deal. It
 * announces a number only when it differs from the last one, so reporting the same count again
 * (a retry, a replay, two reporters) changes nothing.
 */
@Aggregate
public class DealTaskStatus {

    /** The deal has {@code openTasks} open tasks now. */
    public record ReportOpenTasks(@TargetAggregateIdentifier UUID dealId, int openTasks) {
    }

    @AggregateIdentifier
    private UUID dealId;
    private int openTasks = -1;

    protected DealTaskStatus() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    long handle(ReportOpenTasks command) {
        if (command.openTasks() != openTasks) {
            apply(new DealTaskStatusChanged(command.dealId(), command.openTasks() > 0, command.openTasks()));
        }
        return AggregateLifecycle.getVersion();
    }

    @EventSourcingHandler
    void on(DealTaskStatusChanged event) {
        dealId = event.dealId();
        openTasks = event.openTasks();
    }
}
