package ru.lomcrm.deal.deal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ru.lomcrm.contracts.deal.DealCreated;
import ru.lomcrm.platform.web.DomainException;

class DealRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");
    private AggregateTestFixture<Deal> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Deal.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void aNewDealIsOpenedOnTheGivenStageWithItsTitleTrimmed() {
        UUID id = UUID.randomUUID();
        fixture.givenNoPriorActivity()
                .when(new CreateDeal(id, "  ООО Металл-Сервис  ", "scrap", "lead", "user-1", "manual"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new DealCreated(id, "ООО Металл-Сервис", "scrap", "lead", "user-1", "manual", NOW));
    }

    @Test
    void aDealNeedsATitle() {
        fixture.givenNoPriorActivity()
                .when(new CreateDeal(UUID.randomUUID(), "   ", "scrap", "lead", "user-1", "manual"))
                .expectException(DomainException.class)
                .expectExceptionMessage("Укажите название сделки.")
                .expectNoEvents();
    }

    @Test
    void aDealTitleIsAtMost200Characters() {
        fixture.givenNoPriorActivity()
                .when(new CreateDeal(UUID.randomUUID(), "х".repeat(201), "scrap", "lead", "user-1", "manual"))
                .expectException(DomainException.class)
                .expectNoEvents();
    }
}
