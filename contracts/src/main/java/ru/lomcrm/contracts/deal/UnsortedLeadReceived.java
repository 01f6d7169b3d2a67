package ru.lomcrm.contracts.deal;

import java.time.Instant;
import java.util.UUID;

import ru.lomcrm.contracts.IntegrationEvent;

/**
 * An incoming lead landed in Неразобранное.
 *
 * @param source      {@code form}, {@code mail} or {@code call}
 * @param duplicateOf a pending lead with the same phone or e-mail, if there was one
 */
public record UnsortedLeadReceived(UUID leadId, String source, String name, String phone, String email, String message,
                                   Instant receivedAt, UUID duplicateOf) implements IntegrationEvent {
}
