package ru.lomcrm.contracts.deal;

import java.util.UUID;

import ru.lomcrm.contracts.IntegrationEvent;

/** The deal's card was edited: its fields as they are now. */
public record DealUpdated(UUID dealId, String title, UUID contactId, UUID companyId, DealDetails details) implements IntegrationEvent {
}
