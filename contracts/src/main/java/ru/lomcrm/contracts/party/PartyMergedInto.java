package ru.lomcrm.contracts.party;

import java.util.UUID;

import ru.lomcrm.contracts.IntegrationEvent;

/** This party was merged into {@code survivorId} and takes no more changes; its history stays readable. */
public record PartyMergedInto(UUID partyId, String partyType, UUID survivorId) implements IntegrationEvent {
}
