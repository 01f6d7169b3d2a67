package ru.lomcrm.contracts.party;

import java.util.UUID;

import ru.lomcrm.contracts.IntegrationEvent;

/** A completed delivery was counted for the party; deliveries: its total now. */
public record PartyDeliveryCounted(UUID partyId, String partyType, UUID dealId, int ordinal, int deliveries) implements IntegrationEvent {
}
