package ru.lomcrm.contracts.party;

import java.util.UUID;

import ru.lomcrm.contracts.IntegrationEvent;

/** A tag ("#" + lower case, e.g. "#нужна доставка денег") was put on a contact or company. */
public record PartyTagged(UUID partyId, String partyType, String tag) implements IntegrationEvent {
}
