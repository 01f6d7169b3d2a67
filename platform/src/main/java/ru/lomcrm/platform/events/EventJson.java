package ru.lomcrm.platform.events;

import java.time.Instant;
import java.util.UUID;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import ru.lomcrm.contracts.EventEnvelope;
import ru.lomcrm.contracts.IntegrationEvent;

/**
 * Reads and writes {@link EventEnvelope}s as the JSON that travels on Kafka. Unknown fields are
 * ignored so that producers may add fields (contracts are additive).
 */
public final class EventJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private EventJson() {
    }

    public static String write(EventEnvelope<? extends IntegrationEvent> envelope) {
        return MAPPER.writeValueAsString(envelope);
    }

    /** Parses an envelope, keeping the payload as a JSON tree until its type is known. */
    public static EventEnvelope<JsonNode> read(String json) {
        JsonNode tree = MAPPER.readTree(json);
        return new EventEnvelope<>(
                MAPPER.treeToValue(tree.required("eventId"), UUID.class),
                tree.required("eventType").asString(),
                tree.required("aggregateId").asString(),
                tree.path("aggregateVersion").asLong(0),
                MAPPER.treeToValue(tree.required("occurredAt"), Instant.class),
                tree.path("actor").asString(EventEnvelope.SYSTEM_ACTOR),
                tree.required("payload"));
    }

    public static <T> T payload(EventEnvelope<JsonNode> envelope, Class<T> type) {
        return MAPPER.treeToValue(envelope.payload(), type);
    }

    /** Convenience for consumers that dispatch on the event type. */
    public static boolean is(EventEnvelope<JsonNode> envelope, Class<? extends IntegrationEvent> type) {
        return type.getSimpleName().equals(envelope.eventType());
    }
}
