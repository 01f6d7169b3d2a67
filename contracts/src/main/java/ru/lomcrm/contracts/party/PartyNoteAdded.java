package ru.lomcrm.contracts.party;

import java.util.UUID;

import ru.lomcrm.contracts.IntegrationEvent;

/**
 * A note written on a contact's or company's card (the feed's "Примечание"); never edited or
 * removed. The author and time are the envelope's.
 *
 * @param noteId unique per note, chosen by the writer, so a retried request adds it once
 * @param text   trimmed, 1..4000 characters
 */
public record PartyNoteAdded(UUID partyId, String partyType, UUID noteId, String text) implements IntegrationEvent {
}
