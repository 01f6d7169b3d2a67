package ru.lomcrm.platform.testing;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import ru.lomcrm.contracts.EventEnvelope;
import ru.lomcrm.contracts.IntegrationEvent;
import ru.lomcrm.platform.events.EventJson;

/**
 * Plays another service in a test: writes records to this test run's copy of a contract topic
 * (see {@link TestInfrastructure#topic}) and waits for the broker's acknowledgement, so a test
 * that polls for the effect next never races the send. One producer serves the whole JVM.
 */
public final class TopicPublisher {

    private static KafkaProducer<String, String> producer;

    private TopicPublisher() {
    }

    /** Sends each value as it is (a redelivery when sent twice), all with {@code key}, in this order. */
    public static void publish(String contractTopic, Object key, String... values) {
        for (String value : values) {
            send(contractTopic, key.toString(), value);
        }
    }

    /** Wraps {@code event} in a fresh envelope (actor "u") keyed and numbered as its aggregate's; returns the JSON sent. */
    public static String publish(String contractTopic, UUID aggregateId, long version, IntegrationEvent event) {
        String value = envelope(aggregateId, version, event);
        send(contractTopic, aggregateId.toString(), value);
        return value;
    }

    /** The JSON of a fresh envelope around {@code event}, for a test that sends it more than once. */
    public static String envelope(UUID aggregateId, long version, IntegrationEvent event) {
        return EventJson.write(new EventEnvelope<>(UUID.randomUUID(), event.eventType(), aggregateId.toString(), version, Instant.now(), "u",
                event));
    }

    private static synchronized void send(String contractTopic, String key, String value) {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of("bootstrap.servers", TestInfrastructure.endpoints().kafkaBootstrap(),
                    "key.serializer", StringSerializer.class, "value.serializer", StringSerializer.class));
        }
        try {
            producer.send(new ProducerRecord<>(TestInfrastructure.topic(contractTopic), key, value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted publishing to " + contractTopic, e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("Could not publish to " + contractTopic, e.getCause());
        }
    }
}
