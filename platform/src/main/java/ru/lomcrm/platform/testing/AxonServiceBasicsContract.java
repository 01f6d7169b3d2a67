package ru.lomcrm.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import ru.lomcrm.platform.events.KafkaEventPublisher;

/** {@link ServiceBasicsContract} plus what an event-sourced service adds: its Kafka outbox runs. */
public abstract class AxonServiceBasicsContract extends ServiceBasicsContract {

    @Test
    void itsKafkaPublisherTracksTheEventStore() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "SELECT count(*) FROM token_entry WHERE processor_name = ?", Integer.class,
                KafkaEventPublisher.PROCESSING_GROUP)).isPositive());
    }
}
