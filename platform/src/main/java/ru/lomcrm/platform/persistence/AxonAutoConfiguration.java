package ru.lomcrm.platform.persistence;

import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

/** Axon settings every event-sourced service shares. */
// after the JPA storage engine's configuration (which backs off once an event bus exists), before Axon's event store
@AutoConfiguration(after = org.axonframework.springboot.autoconfig.JpaEventStoreAutoConfiguration.class,
        before = org.axonframework.springboot.autoconfig.AxonAutoConfiguration.class)
@ConditionalOnClass(Jackson3SerializerCustomizer.class)
public class AxonAutoConfiguration {

    /**
     * Axon's event store as Axon's auto-configuration builds it, but woken again after the real
     * database commit ({@link CommitAwareEventStore}), so tracking processors see events stored by
     * Kafka consumers at once instead of after the store's one-second fetch delay.
     */
    @Bean(name = "eventBus")
    @org.springframework.beans.factory.annotation.Qualifier("eventStore")
    @org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean(org.axonframework.eventhandling.EventBus.class)
    CommitAwareEventStore eventStore(org.axonframework.eventsourcing.eventstore.EventStorageEngine storageEngine,
                                     org.axonframework.config.Configuration configuration) {
        return new CommitAwareEventStore(org.axonframework.eventsourcing.eventstore.EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(org.axonframework.eventsourcing.eventstore.EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(org.axonframework.eventhandling.EventBusSpanFactory.class)));
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @Import(AxonExceptionHandler.class)
    static class AxonErrors {
    }

    /**
     * Jackson 3 refuses polymorphic type ids it was not told to trust; Axon's own tokens
     * (e.g. {@code ReplayToken} wrapping another token) carry them, so a projection reset would
     * otherwise stop its processor. Only Axon's own types are allowed.
     */
    /**
     * A projection that fails must not skip the event (Axon's default only logs it): the error
     * propagates, so a subscribing projection fails its command (nothing half-written) and a
     * tracking one retries the event with back-off until it succeeds.
     */
    @Bean
    org.axonframework.config.ConfigurerModule failedEventsAreNotSkipped() {
        return configurer -> configurer.eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(c -> org.axonframework.eventhandling.PropagatingErrorHandler.instance());
    }

    @Bean
    Jackson3SerializerCustomizer axonTypesAllowed() {
        return builder -> builder.polymorphicTypeValidator(
                BasicPolymorphicTypeValidator.builder().allowIfSubType("org.axonframework.").build());
    }
}
