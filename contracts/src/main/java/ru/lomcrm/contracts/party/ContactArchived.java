package ru.lomcrm.contracts.party;

import java.util.UUID;

import ru.lomcrm.contracts.IntegrationEvent;

/** A contact was archived (kept with its history; never hard-deleted). */
public record ContactArchived(UUID contactId, String reason) implements IntegrationEvent {
}
