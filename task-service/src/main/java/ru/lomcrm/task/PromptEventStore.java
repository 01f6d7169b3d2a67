package ru.lomcrm.task;

import java.util.List;

import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.util.RegisterDefaultEntities;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Axon's embedded event store, woken when the database transaction that stored events really
 * commits.
 *
 * <p>Why: Axon wakes its tracking processors when its unit of work commits. When the unit of
 * work only joins an outer transaction — as in the Kafka consumers, where the inbox row and the
 * stage task must commit together — that moment comes before the real commit, the processors
 * find nothing yet and sleep for the store's fetch delay (a second). The task list, the Kafka
 * outbox and the board status would then lag a second behind every deal event. Here the store
 * also wakes them after the real commit.
 */
public class PromptEventStore extends EmbeddedEventStore {

    PromptEventStore(Builder builder) {
        super(builder);
    }

    @Override
    public void publish(List<? extends EventMessage<?>> events) {
        super.publish(events);
        if (!events.isEmpty() && TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wake();
                }
            });
        }
    }

    private void wake() {
        afterCommit(List.of());
    }

    /**
     * The store, and the JPA storage engine and its entities exactly as Axon's
     * {@code JpaEventStoreAutoConfiguration} builds them (it backs off once an event store is
     * defined).
     */
    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    @RegisterDefaultEntities(packages = "org.axonframework.eventsourcing.eventstore.jpa")
    static class PromptEventStoreConfiguration {

        @Bean
        EventStorageEngine eventStorageEngine(Serializer defaultSerializer, PersistenceExceptionResolver persistenceExceptionResolver,
                                              @Qualifier("eventSerializer") Serializer eventSerializer, Configuration configuration,
                                              EntityManagerProvider entityManagerProvider, TransactionManager transactionManager) {
            return JpaEventStorageEngine.builder()
                    .snapshotSerializer(defaultSerializer)
                    .upcasterChain(configuration.upcasterChain())
                    .persistenceExceptionResolver(persistenceExceptionResolver)
                    .eventSerializer(eventSerializer)
                    .snapshotFilter(configuration.snapshotFilter())
                    .entityManagerProvider(entityManagerProvider)
                    .transactionManager(transactionManager)
                    .build();
        }

        @Bean
        PromptEventStore eventStore(EventStorageEngine storageEngine, Configuration configuration) {
            Builder builder = EmbeddedEventStore.builder()
                    .storageEngine(storageEngine)
                    .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                    .spanFactory(configuration.getComponent(EventBusSpanFactory.class));
            return new PromptEventStore(builder);
        }
    }
}
