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
@AutoConfiguration
@ConditionalOnClass(Jackson3SerializerCustomizer.class)
public class AxonAutoConfiguration {

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
