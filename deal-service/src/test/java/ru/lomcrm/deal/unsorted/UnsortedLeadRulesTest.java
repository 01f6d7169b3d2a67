package ru.lomcrm.deal.unsorted;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ru.lomcrm.contracts.deal.UnsortedLeadAccepted;
import ru.lomcrm.contracts.deal.UnsortedLeadDeclined;
import ru.lomcrm.contracts.deal.UnsortedLeadReceived;
import ru.lomcrm.deal.unsorted.UnsortedLead.AcceptLead;
import ru.lomcrm.deal.unsorted.UnsortedLead.DeclineLead;
import ru.lomcrm.deal.unsorted.UnsortedLead.ReceiveLead;
import ru.lomcrm.platform.web.DomainException;

class UnsortedLeadRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-27T08:00:00Z");
    private static final UUID LEAD = UUID.randomUUID();
    private static final UUID DEAL = UUID.randomUUID();
    private static final UnsortedLeadReceived RECEIVED =
            new UnsortedLeadReceived(LEAD, "form", "Иван", "+7 916 123-45-67", null, "Есть 5 т стружки", NOW, null);

    private AggregateTestFixture<UnsortedLead> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(UnsortedLead.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void aLeadIsKeptAsItCameWithItsTextsTrimmed() {
        fixture.givenNoPriorActivity()
                .when(new ReceiveLead(LEAD, "form", " Иван ", "+7 916 123-45-67", "  ", "Есть 5 т стружки", null))
                .expectEvents(RECEIVED);
    }

    @Test
    void aLeadWithNothingToCallOrWriteToIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new ReceiveLead(LEAD, "form", " ", null, "", "привет", null))
                .expectException(DomainException.class).expectNoEvents();
    }

    @Test
    void aLeadIsDecidedOnce() {
        fixture.given(RECEIVED, new UnsortedLeadAccepted(LEAD, DEAL, "u-1"))
                .when(new DeclineLead(LEAD, "спам", "u-2"))
                .expectException(DomainException.class).expectExceptionMessage("Заявка уже разобрана.").expectNoEvents();
        fixture.given(RECEIVED, new UnsortedLeadDeclined(LEAD, "спам", "u-2"))
                .when(new AcceptLead(LEAD, DEAL, "u-1"))
                .expectException(DomainException.class).expectNoEvents();
    }

    @Test
    void decliningNeedsAReason() {
        fixture.given(RECEIVED)
                .when(new DeclineLead(LEAD, "  ", "u-2"))
                .expectException(DomainException.class).expectNoEvents();
    }
}
