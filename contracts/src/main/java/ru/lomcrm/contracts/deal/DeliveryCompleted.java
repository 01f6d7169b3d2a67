package ru.lomcrm.contracts.deal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import ru.lomcrm.contracts.IntegrationEvent;

/**
 * One weighed load was accepted from the supplier of this deal.
 *
 * @param ordinal        1 for the deal's first delivery, 2 for the second, ...
 * @param weightKg       net weight, kg
 * @param pricePerTonne  ₽ per tonne
 * @param amount         ₽, = weightKg / 1000 × pricePerTonne, rounded to kopecks
 * @param ticketNo       weighbridge ticket number, unique per deal
 */
public record DeliveryCompleted(
        UUID dealId,
        String funnel,
        UUID contactId,
        UUID companyId,
        int ordinal,
        Instant deliveredAt,
        BigDecimal weightKg,
        String grade,
        BigDecimal pricePerTonne,
        BigDecimal amount,
        String ticketNo,
        String acceptedBy) implements IntegrationEvent {
}
