package ru.lomcrm.contracts.deal;

import java.math.BigDecimal;
import java.util.UUID;

import ru.lomcrm.contracts.IntegrationEvent;

/**
 * Rule 1: the supplier became a permanent client, and this deal (just created on Постоянные
 * клиенты (лом) / Передан, {@link DealCreated} before it) continues the ЛОМ deal
 * {@code fromDealId}. Its id is derived from {@code partyId}, so there is one per client.
 *
 * @param deliveries  completed deliveries of the ЛОМ deal
 * @param deliveredKg their net weight, kg
 * @param amount      their sum, ₽
 */
public record PermanentDealOpened(UUID dealId, UUID fromDealId, UUID partyId, String partyType, int deliveries, BigDecimal deliveredKg,
                                  BigDecimal amount) implements IntegrationEvent {
}
