package ru.lomcrm.contracts.deal;

import java.util.UUID;

import ru.lomcrm.contracts.IntegrationEvent;

/**
 * The deal left its funnel for good.
 *
 * @param outcome {@code won} or {@code lost}
 * @param reason  why it was lost (required then), or how it was won (e.g. {@code promotion})
 */
public record DealClosed(UUID dealId, String funnel, String fromStage, String outcome, String reason, String ownerId)
        implements IntegrationEvent {

    public static final String WON = "won";
    public static final String LOST = "lost";
}
