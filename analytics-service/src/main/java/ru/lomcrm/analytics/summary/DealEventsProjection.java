package ru.lomcrm.analytics.summary;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import ru.lomcrm.contracts.Topics;
import ru.lomcrm.contracts.deal.DealCreated;
import ru.lomcrm.platform.events.EventInbox;
import ru.lomcrm.platform.events.EventJson;

/** Counts what happens to deals, from deal-service's topic, each event once. */
@Component
class DealEventsProjection {

    static final String CONSUMER = "analytics.summary";

    private final EventInbox inbox;
    private final JdbcTemplate jdbc;

    DealEventsProjection(EventInbox inbox, JdbcTemplate jdbc) {
        this.inbox = inbox;
        this.jdbc = jdbc;
    }

    @KafkaListener(topics = "${crm.kafka.topic-prefix:}" + Topics.DEAL)
    void on(ConsumerRecord<String, String> record) {
        inbox.accept(CONSUMER, record, envelope -> {
            if (EventJson.is(envelope, DealCreated.class)) {
                EventJson.payload(envelope, DealCreated.class); // a malformed payload fails here, before counting
                increment(SummaryCounter.DEALS_CREATED);
            }
        });
    }

    private void increment(SummaryCounter counter) {
        jdbc.update("""
                INSERT INTO summary_counter (name, value, updated_at) VALUES (?, 1, now())
                ON CONFLICT (name) DO UPDATE SET value = summary_counter.value + 1, updated_at = now()""",
                counter.column());
    }
}
