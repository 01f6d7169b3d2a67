package ru.lomcrm.contracts.party;

import java.util.UUID;

import ru.lomcrm.contracts.IntegrationEvent;

/** A company was archived (kept with its history; never hard-deleted). */
public record CompanyArchived(UUID companyId, String reason) implements IntegrationEvent {
}
