package ru.lomcrm.task.deal;

import java.util.UUID;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ru.lomcrm.contracts.task.DealTaskStatusChanged;
import ru.lomcrm.task.deal.DealTaskStatus.ReportOpenTasks;

class DealTaskStatusRulesTest {

    private static final UUID DEAL = UUID.fromString("5a1c7c38-2f0e-4c8e-9a43-9d7d1f0a0001");

    private AggregateTestFixture<DealTaskStatus> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(DealTaskStatus.class);
    }

    @Test
    void theFirstReportAnnouncesTheDealsStatusEvenWithoutTasks() {
        fixture.givenNoPriorActivity().when(new ReportOpenTasks(DEAL, 0))
                .expectEvents(new DealTaskStatusChanged(DEAL, false, 0));
    }

    @Test
    void theSameCountIsNotAnnouncedTwice() {
        fixture.given(new DealTaskStatusChanged(DEAL, true, 1)).when(new ReportOpenTasks(DEAL, 1)).expectNoEvents();
    }

    @Test
    void everyChangeOfTheCountIsAnnouncedSoEveryFlipOfTheFlagIs() {
        fixture.given(new DealTaskStatusChanged(DEAL, true, 1)).when(new ReportOpenTasks(DEAL, 0))
                .expectEvents(new DealTaskStatusChanged(DEAL, false, 0));
        fixture.given(new DealTaskStatusChanged(DEAL, true, 1)).when(new ReportOpenTasks(DEAL, 2))
                .expectEvents(new DealTaskStatusChanged(DEAL, true, 2));
    }
}
