package ru.lomcrm.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

import ru.lomcrm.contracts.EventEnvelope;
import ru.lomcrm.contracts.deal.DealCreated;

class EnvelopeTest {

    private static final Instant AT = Instant.parse("2026-11-27T09:15:30.123Z");

    @Test
    void theEnvelopeCarriesTheAggregateItsVersionTheActorAndTheEventType() {
        UUID dealId = UUID.randomUUID();
        var event = new DealCreated(dealId, "Лом-Сервис", "scrap", "lead", "user-7", "manual", AT, null, null, null);
        String eventId = UUID.randomUUID().toString();
        var message = new GenericDomainEventMessage<>("Deal", dealId.toString(), 3, event,
                MetaData.from(Map.of(Actors.META_DATA_KEY, "user-7")), eventId, AT);

        EventEnvelope<?> envelope = KafkaEventPublisher.envelopeOf(event, message);

        assertThat(envelope.eventId()).isEqualTo(UUID.fromString(eventId));
        assertThat(envelope.eventType()).isEqualTo("DealCreated");
        assertThat(envelope.aggregateId()).isEqualTo(dealId.toString());
        assertThat(envelope.aggregateVersion()).isEqualTo(3);
        assertThat(envelope.occurredAt()).isEqualTo(AT);
        assertThat(envelope.actor()).isEqualTo("user-7");
    }

    @Test
    void anEventWithoutAnActorIsTheSystems() {
        var event = new DealCreated(UUID.randomUUID(), "Т", "scrap", "lead", "u", "promotion", AT, null, null, null);
        var message = new GenericDomainEventMessage<>("Deal", "agg", 0, event, MetaData.emptyInstance(), UUID.randomUUID().toString(), AT);

        assertThat(KafkaEventPublisher.envelopeOf(event, message).actor()).isEqualTo(EventEnvelope.SYSTEM_ACTOR);
    }

    @Test
    void anEnvelopeSurvivesTheWireAndIgnoresFieldsAddedLater() {
        UUID dealId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        var event = new DealCreated(dealId, "ООО «Вторчермет»", "scrap", "lead", "u-1", "manual", AT, null, null, null);
        String json = EventJson.write(new EventEnvelope<>(eventId, "DealCreated", dealId.toString(), 0, AT, "u-1", event));
        String withNewFields = json.replace("\"payload\":{", "\"schemaHint\":\"x\",\"payload\":{\"addedInV1_1\":42,");

        var read = EventJson.read(withNewFields);

        assertThat(read.eventId()).isEqualTo(eventId);
        assertThat(read.occurredAt()).isEqualTo(AT);
        assertThat(EventJson.is(read, DealCreated.class)).isTrue();
        assertThat(EventJson.payload(read, DealCreated.class)).isEqualTo(event);
    }

    @Test
    void anEnvelopeWithoutItsIdIsRejected() {
        assertThatThrownBy(() -> EventJson.read("{\"eventType\":\"DealCreated\",\"aggregateId\":\"a\",\"occurredAt\":\"2026-11-27T09:00:00Z\",\"payload\":{}}"))
                .isInstanceOf(tools.jackson.core.JacksonException.class);
    }
}
