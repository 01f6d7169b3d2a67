package ru.lomcrm.contracts.party;

import java.util.UUID;

import ru.lomcrm.contracts.IntegrationEvent;

/** The contact works for (deals on behalf of) the company. */
public record ContactLinkedToCompany(UUID contactId, UUID companyId) implements IntegrationEvent {
}
