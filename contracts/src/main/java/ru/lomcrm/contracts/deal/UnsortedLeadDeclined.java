package ru.lomcrm.contracts.deal;

import java.util.UUID;

import ru.lomcrm.contracts.IntegrationEvent;

public record UnsortedLeadDeclined(UUID leadId, String reason, String declinedBy) implements IntegrationEvent {
}
