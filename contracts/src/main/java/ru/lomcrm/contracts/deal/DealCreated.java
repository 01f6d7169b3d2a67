package ru.lomcrm.contracts.deal;

import java.time.Instant;
import java.util.UUID;

import ru.lomcrm.contracts.IntegrationEvent;

/**
 * A deal was opened on a funnel. Topic {@link ru.lomcrm.contracts.Topics#DEAL}.
 *
 * @param ownerId  Keycloak user id of the responsible manager
 * @param source   how it came in: {@code manual}, {@code unsorted}, {@code mail}, {@code promotion}, ...
 */
public record DealCreated(
        UUID dealId,
        String title,
        String funnel,
        String stage,
        String ownerId,
        String source,
        Instant createdAt,
        UUID contactId,
        UUID companyId,
        DealDetails details) implements IntegrationEvent {

    public DealCreated {
        details = details == null ? DealDetails.EMPTY : details;
    }
}
