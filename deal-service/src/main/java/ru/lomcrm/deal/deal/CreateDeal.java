package ru.lomcrm.deal.deal;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Open a deal on a funnel stage for a responsible manager. */
public record CreateDeal(
        @TargetAggregateIdentifier UUID dealId,
        String title,
        String funnel,
        String stage,
        String ownerId,
        String source) {
}
