package ru.lomcrm.contracts.party;

import java.util.UUID;

import ru.lomcrm.contracts.IntegrationEvent;

/** The responsible manager of a contact or company changed; who did it is the envelope's actor. partyType: contact or company. */
public record PartyOwnerChanged(UUID partyId, String partyType, String fromOwnerId, String toOwnerId, String reason) implements IntegrationEvent {
}
