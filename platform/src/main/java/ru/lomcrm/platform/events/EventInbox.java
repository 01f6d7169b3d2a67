package ru.lomcrm.platform.events;

import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import ru.lomcrm.contracts.EventEnvelope;

/**
 * Applies another service's events exactly once in effect: the event id is recorded in
 * {@code processed_event} in the same database transaction as the effect, so a redelivered
 * record (Kafka is at-least-once) finds its id already there and changes nothing.
 */
public class EventInbox {

    private static final Logger log = LoggerFactory.getLogger(EventInbox.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    public EventInbox(JdbcTemplate jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /**
     * Parses the record and applies {@code effect} unless this consumer has applied the same
     * event before. An exception from the effect rolls everything back and reaches the
     * listener container, which retries.
     *
     * @return whether the effect ran (false for a duplicate)
     */
    public boolean accept(String consumer, ConsumerRecord<String, String> record, Consumer<EventEnvelope<JsonNode>> effect) {
        EventEnvelope<JsonNode> envelope = EventJson.read(record.value());
        Boolean applied = transaction.execute(status -> {
            int inserted = jdbc.update("""
                    INSERT INTO processed_event (consumer, event_id, event_type, topic, processed_at)
                    VALUES (?, ?, ?, ?, now())
                    ON CONFLICT (consumer, event_id) DO NOTHING""",
                    consumer, envelope.eventId(), envelope.eventType(), record.topic());
            if (inserted == 0) {
                return false;
            }
            effect.accept(envelope);
            return true;
        });
        if (!Boolean.TRUE.equals(applied)) {
            log.info("Skipped duplicate {} {} for {}", envelope.eventType(), envelope.eventId(), consumer);
        }
        return Boolean.TRUE.equals(applied);
    }
}
