package ru.lomcrm.platform.persistence;

import java.util.List;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Axon's embedded event store, also woken when the database transaction that stored the events
 * really commits.
 *
 * <p>Axon wakes its tracking processors when its unit of work commits. When the unit of work only
 * joins an outer transaction — as in the Kafka consumers, where the inbox row and the events must
 * commit together — that moment comes before the real commit: the processors find nothing yet and
 * sleep for the fetch delay (a second), and every cross-service hop (the Kafka outbox, the read
 * models) lagged by it.
 */
public class CommitAwareEventStore extends EmbeddedEventStore {

    public CommitAwareEventStore(Builder builder) {
        super(builder);
    }

    @Override
    public void publish(List<? extends EventMessage<?>> events) {
        super.publish(events);
        if (!events.isEmpty() && TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    CommitAwareEventStore.this.afterCommit(List.of());
                }
            });
        }
    }
}
