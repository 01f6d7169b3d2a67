package ru.lomcrm.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * The value of every record on a {@code crm.<service>.events.v1} topic; the record key is
 * {@code aggregateId}. {@code eventId} is unique per event and is what consumers deduplicate on;
 * {@code aggregateVersion} is the event's sequence number within its aggregate (0-based);
 * {@code actor} is the Keycloak user id that caused it, or {@code system}.
 *
 * @param <P> the payload: an {@link IntegrationEvent} when publishing, a JSON tree when consuming
 */
public record EventEnvelope<P>(
        UUID eventId,
        String eventType,
        String aggregateId,
        long aggregateVersion,
        Instant occurredAt,
        String actor,
        P payload) {

    public static final String SYSTEM_ACTOR = "system";
}
