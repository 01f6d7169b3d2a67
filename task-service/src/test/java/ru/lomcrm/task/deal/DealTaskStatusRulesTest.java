package ru.lomcrm.task.deal;

import java.time.Instant;
import java.util.UUID;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ru.lomcrm.contracts.task.DealTaskStatusChanged;
import ru.lomcrm.task.deal.DealTaskStatus.ReportOpenTasks;

class DealTaskStatusRulesTest {

    private static final UUID DEAL = UUID.fromString("5a1c7c38-2f0e-4c8e-9a43-9d7d1f0a0001");
    private static final Instant NOON = Instant.parse("2026-11-27T09:00:00Z");
    private static final Instant EVENING = Instant.parse("2026-11-27T15:00:00Z");

    private AggregateTestFixture<DealTaskStatus> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(DealTaskStatus.class);
    }

    @Test
    void theFirstReportAnnouncesTheDealsStatusEvenWithoutTasks() {
        fixture.givenNoPriorActivity().when(new ReportOpenTasks(DEAL, 0, null))
                .expectEvents(new DealTaskStatusChanged(DEAL, false, 0, null));
    }

    @Test
    void theSameStateIsNotAnnouncedTwice() {
        fixture.given(new DealTaskStatusChanged(DEAL, true, 1, NOON)).when(new ReportOpenTasks(DEAL, 1, NOON)).expectNoEvents();
    }

    @Test
    void everyChangeOfTheCountIsAnnouncedSoEveryFlipOfTheFlagIs() {
        fixture.given(new DealTaskStatusChanged(DEAL, true, 1, NOON)).when(new ReportOpenTasks(DEAL, 0, null))
                .expectEvents(new DealTaskStatusChanged(DEAL, false, 0, null));
        fixture.given(new DealTaskStatusChanged(DEAL, true, 1, NOON)).when(new ReportOpenTasks(DEAL, 2, NOON))
                .expectEvents(new DealTaskStatusChanged(DEAL, true, 2, NOON));
    }

    @Test
    void aNewNearestDeadlineIsAnnouncedEvenWithTheSameCountSoTheBoardKnowsWhenItIsOverdue() {
        fixture.given(new DealTaskStatusChanged(DEAL, true, 1, NOON)).when(new ReportOpenTasks(DEAL, 1, EVENING))
                .expectEvents(new DealTaskStatusChanged(DEAL, true, 1, EVENING));
        // announced before deadlines were part of it: the first report with one completes it
        fixture.given(new DealTaskStatusChanged(DEAL, true, 1, null)).when(new ReportOpenTasks(DEAL, 1, NOON))
                .expectEvents(new DealTaskStatusChanged(DEAL, true, 1, NOON));
    }
}
