package ru.lomcrm.contracts.deal;

import java.util.UUID;

import ru.lomcrm.contracts.IntegrationEvent;

/**
 * A note written on the deal's card (the feed's "Примечание"). Notes are never edited or removed:
 * like every change of a deal they are part of its record. The author and time are the envelope's.
 *
 * @param noteId unique per note, chosen by the writer, so a retried request adds it once
 * @param text   trimmed, 1..4000 characters
 */
public record DealNoteAdded(UUID dealId, UUID noteId, String text) implements IntegrationEvent {
}
