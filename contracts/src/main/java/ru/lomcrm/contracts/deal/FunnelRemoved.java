package ru.lomcrm.contracts.deal;

import ru.lomcrm.contracts.IntegrationEvent;

public record FunnelRemoved(String code) implements IntegrationEvent {
}
