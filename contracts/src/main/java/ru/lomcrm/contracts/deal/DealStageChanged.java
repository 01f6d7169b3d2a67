package ru.lomcrm.contracts.deal;

import java.util.UUID;

import ru.lomcrm.contracts.IntegrationEvent;

/** The deal moved to another open stage of its funnel (closing is {@link DealClosed}). */
public record DealStageChanged(UUID dealId, String funnel, String fromStage, String toStage, String ownerId) implements IntegrationEvent {
}
