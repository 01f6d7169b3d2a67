package ru.lomcrm.contracts.deal;

import java.util.UUID;

import ru.lomcrm.contracts.IntegrationEvent;

/** The responsible manager changed. */
public record DealOwnerChanged(UUID dealId, String fromOwnerId, String toOwnerId) implements IntegrationEvent {
}
