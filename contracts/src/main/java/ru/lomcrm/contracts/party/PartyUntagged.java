package ru.lomcrm.contracts.party;

import java.util.UUID;

import ru.lomcrm.contracts.IntegrationEvent;

/** A tag was taken off a contact or company. */
public record PartyUntagged(UUID partyId, String partyType, String tag) implements IntegrationEvent {
}
