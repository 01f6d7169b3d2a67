package ru.lomcrm.platform.events;

import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import ru.lomcrm.contracts.EventEnvelope;
import ru.lomcrm.contracts.IntegrationEvent;

/**
 * The service's outbox: a tracking event processor over its own event store that sends every
 * {@link IntegrationEvent} to the service's topic. The processor's token is stored in the same
 * database as the events, so nothing committed is lost; the send is synchronous, so a failed
 * send is retried by the processor (at-least-once — consumers deduplicate on {@code eventId}).
 */
@ProcessingGroup(KafkaEventPublisher.PROCESSING_GROUP)
public class KafkaEventPublisher {

    public static final String PROCESSING_GROUP = "kafka-publisher";
    private static final Logger log = LoggerFactory.getLogger(KafkaEventPublisher.class);

    private final KafkaTemplate<String, String> kafka;
    private final String topic;

    public KafkaEventPublisher(KafkaTemplate<String, String> kafka, String topic) {
        this.kafka = kafka;
        this.topic = topic;
    }

    @EventHandler
    public void publish(IntegrationEvent event, EventMessage<?> message) throws InterruptedException {
        var envelope = envelopeOf(event, message);
        try {
            kafka.send(topic, envelope.aggregateId(), EventJson.write(envelope)).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // Thrown on so that the processor does not advance its token and retries this event.
            throw new IllegalStateException("Could not publish " + envelope.eventType() + " " + envelope.eventId() + " to " + topic, e);
        }
        log.debug("Published {} {} to {}", envelope.eventType(), envelope.eventId(), topic);
    }

    static EventEnvelope<IntegrationEvent> envelopeOf(IntegrationEvent event, EventMessage<?> message) {
        String aggregateId;
        long version;
        if (message instanceof DomainEventMessage<?> domain) {
            aggregateId = domain.getAggregateIdentifier();
            version = domain.getSequenceNumber();
        } else {
            aggregateId = message.getIdentifier();
            version = 0;
        }
        Object actor = message.getMetaData().get(Actors.META_DATA_KEY);
        return new EventEnvelope<>(
                UUID.fromString(message.getIdentifier()),
                event.eventType(),
                aggregateId,
                version,
                message.getTimestamp(),
                actor == null ? EventEnvelope.SYSTEM_ACTOR : actor.toString(),
                event);
    }
}
