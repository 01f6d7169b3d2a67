package ru.lomcrm.contracts.party;

import java.util.UUID;

import ru.lomcrm.contracts.IntegrationEvent;

/** The contact no longer represents the company. */
public record ContactUnlinkedFromCompany(UUID contactId, UUID companyId) implements IntegrationEvent {
}
