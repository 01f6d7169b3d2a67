package ru.lomcrm.contracts.deal;

import java.util.UUID;

import ru.lomcrm.contracts.IntegrationEvent;

public record DealTagged(UUID dealId, String tag) implements IntegrationEvent {
}
