package ru.lomcrm.contracts.party;

import java.util.UUID;

import ru.lomcrm.contracts.IntegrationEvent;

/** The party's 5th completed delivery made it a permanent client; emitted once per party, ever. dealId: the deal whose delivery crossed the line. */
public record ClientPromoted(UUID partyId, String partyType, UUID dealId, int deliveries, java.time.Instant promotedAt) implements IntegrationEvent {
}
