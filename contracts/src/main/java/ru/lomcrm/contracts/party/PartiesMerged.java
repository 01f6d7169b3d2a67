package ru.lomcrm.contracts.party;

import java.util.UUID;

import ru.lomcrm.contracts.IntegrationEvent;

/**
 * Two records of one contact (or one company) were merged by a head or an admin: the
 * {@code mergedId} party is closed for good and everything that named it — deals, tasks,
 * links, deliveries — now belongs to {@code survivorId}. Services that keep a party id re-point
 * it when they consume this event. Emitted by the survivor; the merged party emits
 * {@link PartyMergedInto}.
 *
 * @param partyType contact or company (both parties are of the same type)
 */
public record PartiesMerged(UUID survivorId, UUID mergedId, String partyType, String reason) implements IntegrationEvent {
}
