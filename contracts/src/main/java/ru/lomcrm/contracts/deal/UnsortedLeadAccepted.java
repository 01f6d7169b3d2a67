package ru.lomcrm.contracts.deal;

import java.util.UUID;

import ru.lomcrm.contracts.IntegrationEvent;

/** A manager took the lead: it became a deal on ЛОМ / Лид owned by them. */
public record UnsortedLeadAccepted(UUID leadId, UUID dealId, String acceptedBy) implements IntegrationEvent {
}
