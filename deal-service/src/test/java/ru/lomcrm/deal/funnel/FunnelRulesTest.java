package ru.lomcrm.deal.funnel;

import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ru.lomcrm.contracts.deal.FunnelDefined;
import ru.lomcrm.contracts.deal.Stage;
import ru.lomcrm.deal.funnel.FunnelCommands.AddStage;
import ru.lomcrm.deal.funnel.FunnelCommands.CreateFunnel;
import ru.lomcrm.deal.funnel.FunnelCommands.RemoveStage;
import ru.lomcrm.deal.funnel.FunnelCommands.ReorderStages;
import ru.lomcrm.deal.funnel.FunnelCommands.StageSpec;
import ru.lomcrm.platform.web.DomainException;

class FunnelRulesTest {

    private static final Stage LEAD = new Stage("lead", "Лид", Stage.OPEN);
    private static final Stage OFFER = new Stage("offer", "Сделано предложение", Stage.OPEN);
    private static final Stage WON = new Stage("won", "Успешно реализовано", Stage.WON);
    private static final Stage LOST = new Stage("lost", "Закрыто и не реализовано", Stage.LOST);

    private AggregateTestFixture<Funnel> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Funnel.class);
    }

    private static FunnelDefined scrap(List<Stage> stages) {
        return new FunnelDefined("scrap", "ЛОМ", true, 0, stages, "created");
    }

    @Test
    void aClosableFunnelEndsInWonAndLost() {
        fixture.givenNoPriorActivity()
                .when(new CreateFunnel("scrap", " ЛОМ ", true, 0, List.of(new StageSpec("lead", "Лид"), new StageSpec("offer", "Сделано предложение"))))
                .expectEvents(scrap(List.of(LEAD, OFFER, WON, LOST)));
    }

    @Test
    void aFunnelThatNeverClosesHasNoWonOrLost() {
        fixture.givenNoPriorActivity()
                .when(new CreateFunnel("permanent", "Постоянные клиенты (лом)", false, 1, List.of(new StageSpec("handed_over", "Передан"))))
                .expectEvents(new FunnelDefined("permanent", "Постоянные клиенты (лом)", false, 1,
                        List.of(new Stage("handed_over", "Передан", Stage.OPEN)), "created"));
    }

    @Test
    void aNewStageGoesBeforeTheSystemStages() {
        fixture.given(scrap(List.of(LEAD, WON, LOST)))
                .when(new AddStage("scrap", "offer", "Сделано предложение", null))
                .expectEvents(new FunnelDefined("scrap", "ЛОМ", true, 0, List.of(LEAD, OFFER, WON, LOST), "stage-added:offer"));
    }

    @Test
    void systemStagesCannotBeRemoved() {
        fixture.given(scrap(List.of(LEAD, OFFER, WON, LOST)))
                .when(new RemoveStage("scrap", "won"))
                .expectException(DomainException.class).expectNoEvents();
    }

    @Test
    void theLastOpenStageCannotBeRemoved() {
        fixture.given(scrap(List.of(LEAD, WON, LOST)))
                .when(new RemoveStage("scrap", "lead"))
                .expectException(DomainException.class).expectNoEvents();
    }

    @Test
    void reorderingNamesEveryOpenStageOnce() {
        fixture.given(scrap(List.of(LEAD, OFFER, WON, LOST)))
                .when(new ReorderStages("scrap", List.of("offer")))
                .expectException(DomainException.class).expectNoEvents();
        fixture.given(scrap(List.of(LEAD, OFFER, WON, LOST)))
                .when(new ReorderStages("scrap", List.of("offer", "lead")))
                .expectEvents(new FunnelDefined("scrap", "ЛОМ", true, 0, List.of(OFFER, LEAD, WON, LOST), "stages-reordered"));
    }

    @Test
    void stageCodesAreLatinAndUnique() {
        fixture.givenNoPriorActivity()
                .when(new CreateFunnel("scrap", "ЛОМ", true, 0, List.of(new StageSpec("Лид", "Лид"))))
                .expectException(DomainException.class).expectNoEvents();
        fixture.given(scrap(List.of(LEAD, WON, LOST)))
                .when(new AddStage("scrap", "lead", "Ещё лид", null))
                .expectException(DomainException.class).expectNoEvents();
    }
}
