package ru.lomcrm.platform.events;

import org.apache.kafka.clients.admin.NewTopic;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Kafka in and out for every service. Out: {@code crm.events.topic} names the service's own
 * topic; when Axon is present its integration events are published there. In: an
 * {@link EventInbox} for idempotent consumption, and an error handler that retries with back-off
 * and parks a record that still fails on {@code <topic>.dlt} instead of blocking the
 * partition for ever.
 */
@AutoConfiguration
@ConditionalOnClass(KafkaTemplate.class)
public class EventsAutoConfiguration {

    @Bean
    @ConditionalOnProperty("crm.events.topic")
    NewTopic ownTopic(@Value("${crm.events.topic}") String topic) {
        return new NewTopic(topic, 3, (short) 1);
    }

    @Bean
    @ConditionalOnBean(JdbcTemplate.class)
    EventInbox eventInbox(JdbcTemplate jdbc, TransactionTemplate transaction) {
        return new EventInbox(jdbc, transaction);
    }

    @Bean
    CommonErrorHandler kafkaErrorHandler(KafkaOperations<Object, Object> kafka) {
        var backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(30_000);
        backOff.setMaxElapsedTime(5 * 60_000);
        var recoverer = new DeadLetterPublishingRecoverer(kafka,
                (record, ex) -> new org.apache.kafka.common.TopicPartition(record.topic() + ".dlt", -1));
        var handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(DeserializationException.class, tools.jackson.core.JacksonException.class);
        return handler;
    }

    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.axonframework.config.Configuration")
    @ConditionalOnProperty("crm.events.topic")
    static class AxonPublishing {

        @Bean
        KafkaEventPublisher kafkaEventPublisher(KafkaTemplate<String, String> kafka, @Value("${crm.events.topic}") String topic) {
            return new KafkaEventPublisher(kafka, topic);
        }

        @Bean
        CorrelationDataProvider actorCorrelation() {
            return new SimpleCorrelationDataProvider(Actors.META_DATA_KEY);
        }
    }
}
