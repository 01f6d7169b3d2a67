package ru.lomcrm.deal.deal;

import static ru.lomcrm.platform.testing.FixedUserDirectory.ADMIN;
import static ru.lomcrm.platform.testing.FixedUserDirectory.CLIENT1;
import static ru.lomcrm.platform.testing.FixedUserDirectory.HEAD;
import static ru.lomcrm.platform.testing.FixedUserDirectory.HEAD2;
import static ru.lomcrm.platform.testing.FixedUserDirectory.MANAGER1;
import static ru.lomcrm.platform.testing.FixedUserDirectory.MANAGER2;
import static ru.lomcrm.platform.testing.FixedUserDirectory.caller;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ru.lomcrm.contracts.deal.DealClosed;
import ru.lomcrm.contracts.deal.DealCreated;
import ru.lomcrm.contracts.deal.DealNoteAdded;
import ru.lomcrm.contracts.deal.DealDetails;
import ru.lomcrm.contracts.deal.DealOwnerChanged;
import ru.lomcrm.contracts.deal.DealStageChanged;
import ru.lomcrm.contracts.deal.DealTagged;
import ru.lomcrm.contracts.deal.DealUntagged;
import ru.lomcrm.contracts.deal.DealUpdated;
import ru.lomcrm.contracts.deal.DeliveryCompleted;
import ru.lomcrm.contracts.deal.Stage;
import ru.lomcrm.contracts.deal.PermanentDealOpened;
import ru.lomcrm.deal.deal.DealCommands.AddDealNote;
import ru.lomcrm.deal.deal.DealCommands.ChangeDealOwner;
import ru.lomcrm.deal.deal.DealCommands.CloseDealOnPromotion;
import ru.lomcrm.deal.deal.DealCommands.MarkDealNotDelivering;
import ru.lomcrm.deal.deal.DealCommands.OpenPermanentDeal;
import ru.lomcrm.deal.deal.DealCommands.PromotedDeal;
import ru.lomcrm.deal.deal.DealCommands.CreateDeal;
import ru.lomcrm.deal.deal.DealCommands.DealPatch;
import ru.lomcrm.deal.deal.DealCommands.MoveDealToStage;
import ru.lomcrm.deal.deal.DealCommands.RecordDelivery;
import ru.lomcrm.deal.deal.DealCommands.TagDeal;
import ru.lomcrm.deal.deal.DealCommands.UntagDeal;
import ru.lomcrm.deal.deal.DealCommands.UpdateDeal;
import ru.lomcrm.deal.funnel.FunnelCatalog;
import ru.lomcrm.platform.security.Ownership;
import ru.lomcrm.platform.testing.FixedUserDirectory;
import ru.lomcrm.platform.web.DomainException;

class DealRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");
    private static final UUID ID = UUID.fromString("6f1c7c38-2f0e-4c8e-9a43-9d7d1f0a0001");

    private AggregateTestFixture<Deal> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Deal.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(new DefaultFunnelsOnly());
        fixture.registerInjectableResource(new Ownership(new FixedUserDirectory()));
    }

    private static DealCreated created(String funnel, String stage, String ownerId) {
        return new DealCreated(ID, "Втормет", funnel, stage, ownerId, "manual", NOW, null, null, DealDetails.EMPTY);
    }

    private static DealCreated scrapLeadOfManager1() {
        return created("scrap", "lead", MANAGER1.id());
    }

    private static RecordDelivery delivery(String ticket) {
        return new RecordDelivery(ID, caller(MANAGER1), NOW, new BigDecimal("1234.5"), "3А", new BigDecimal("25000"), ticket);
    }

    private static DeliveryCompleted completed(int ordinal, String ticket) {
        return new DeliveryCompleted(ID, "scrap", null, null, ordinal, NOW, new BigDecimal("1234.5"), "3А", new BigDecimal("25000"),
                new BigDecimal("30862.50"), ticket, MANAGER1.id());
    }

    @Test
    void aNewDealStartsOnTheFirstStageOfItsFunnelWithItsTitleTrimmed() {
        fixture.givenNoPriorActivity()
                .when(new CreateDeal(ID, caller(MANAGER1), "  Втормет  ", "scrap", null, MANAGER1.id(), "manual", null, null, null))
                .expectEvents(scrapLeadOfManager1());
    }

    @Test
    void aDealNeedsATitleOfAtMost200Characters() {
        fixture.givenNoPriorActivity()
                .when(new CreateDeal(ID, caller(MANAGER1), "  ", "scrap", null, MANAGER1.id(), "manual", null, null, null))
                .expectException(DomainException.class).expectExceptionMessage("Укажите название сделки.").expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new CreateDeal(ID, caller(MANAGER1), "х".repeat(201), "scrap", null, MANAGER1.id(), "manual", null, null, null))
                .expectException(DomainException.class).expectNoEvents();
    }

    @Test
    void aNewDealCannotStartClosedOrOnAStageItsFunnelLacks() {
        fixture.givenNoPriorActivity()
                .when(new CreateDeal(ID, caller(MANAGER1), "Т", "scrap", "won", MANAGER1.id(), "manual", null, null, null))
                .expectException(DomainException.class).expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new CreateDeal(ID, caller(MANAGER1), "Т", "scrap", "delivering", MANAGER1.id(), "manual", null, null, null))
                .expectException(DomainException.class).expectNoEvents();
    }

    @Test
    void aNoteIsAddedTrimmedOnceEvenWhenTheRequestIsRepeated() {
        UUID note = UUID.fromString("00000000-0000-0000-0000-00000000a001");
        fixture.given(scrapLeadOfManager1())
                .when(new AddDealNote(ID, caller(MANAGER1), note, "  Перезвонить после 15:00  "))
                .expectEvents(new DealNoteAdded(ID, note, "Перезвонить после 15:00"));
        fixture.given(scrapLeadOfManager1(), new DealNoteAdded(ID, note, "Перезвонить после 15:00"))
                .when(new AddDealNote(ID, caller(MANAGER1), note, "Перезвонить после 15:00"))
                .expectNoEvents();
    }

    @Test
    void aNoteNeedsTextOfAtMost4000CharactersAndMayBeWrittenOnAClosedDeal() {
        fixture.given(scrapLeadOfManager1())
                .when(new AddDealNote(ID, caller(MANAGER1), UUID.randomUUID(), " \n "))
                .expectException(DomainException.class).expectExceptionMessage("Напишите текст примечания.").expectNoEvents();
        fixture.given(scrapLeadOfManager1())
                .when(new AddDealNote(ID, caller(MANAGER1), UUID.randomUUID(), "х".repeat(4001)))
                .expectException(DomainException.class).expectNoEvents();
        UUID note = UUID.randomUUID();
        fixture.given(scrapLeadOfManager1(), new DealClosed(ID, "scrap", "lead", "lost", "дорого", MANAGER1.id()))
                .when(new AddDealNote(ID, caller(MANAGER1), note, "Вернулся сам, просит цену"))
                .expectEvents(new DealNoteAdded(ID, note, "Вернулся сам, просит цену"));
    }

    @Test
    void onlyThoseWhoSeeTheDealWriteNotesOnIt() {
        fixture.given(scrapLeadOfManager1())
                .when(new AddDealNote(ID, caller(MANAGER2), UUID.randomUUID(), "чужая"))
                .expectException(DomainException.class).expectExceptionMessage("Сделка не найдена.").expectNoEvents();
        UUID note = UUID.randomUUID();
        fixture.given(scrapLeadOfManager1())
                .when(new AddDealNote(ID, caller(HEAD), note, "Проверь цену"))
                .expectEvents(new DealNoteAdded(ID, note, "Проверь цену"));
    }

    @Test
    void stagesMayBeSkipped() {
        fixture.given(scrapLeadOfManager1())
                .when(new MoveDealToStage(ID, null, caller(MANAGER1), "offer", null))
                .expectEvents(new DealStageChanged(ID, "scrap", "lead", "offer", MANAGER1.id()));
    }

    @Test
    void closingAsLostNeedsAReason() {
        fixture.given(scrapLeadOfManager1())
                .when(new MoveDealToStage(ID, null, caller(MANAGER1), "lost", "  "))
                .expectException(DomainException.class).expectExceptionMessage("Укажите причину, по которой сделка не реализована.")
                .expectNoEvents();
        fixture.given(scrapLeadOfManager1())
                .when(new MoveDealToStage(ID, null, caller(MANAGER1), "lost", "Сдаёт конкуренту"))
                .expectEvents(new DealClosed(ID, "scrap", "lead", "lost", "Сдаёт конкуренту", MANAGER1.id()));
    }

    @Test
    void aClosedDealCannotBeMoved() {
        fixture.given(scrapLeadOfManager1(), new DealClosed(ID, "scrap", "lead", "lost", "Нет лома", MANAGER1.id()))
                .when(new MoveDealToStage(ID, null, caller(MANAGER1), "offer", null))
                .expectException(DomainException.class).expectNoEvents();
    }

    @Test
    void aManagerCannotTouchAnotherManagersDealAndIsNotToldItExists() {
        fixture.given(scrapLeadOfManager1())
                .when(new MoveDealToStage(ID, null, caller(MANAGER2), "offer", null))
                .expectException(DomainException.class).expectExceptionMessage("Сделка не найдена.").expectNoEvents();
    }

    @Test
    void aHeadWorksOnTheDealsOfTheirGroupButNotOfAnother() {
        fixture.given(scrapLeadOfManager1())
                .when(new MoveDealToStage(ID, null, caller(HEAD), "qualified", null))
                .expectEvents(new DealStageChanged(ID, "scrap", "lead", "qualified", MANAGER1.id()));
        fixture.given(created("permanent", "handed_over", CLIENT1.id()))
                .when(new MoveDealToStage(ID, null, caller(HEAD), "delivering", null))
                .expectException(DomainException.class).expectNoEvents();
    }

    @Test
    void onlyTheOwnersHeadOrAnAdminGivesADealToAnotherManager() {
        fixture.given(scrapLeadOfManager1())
                .when(new ChangeDealOwner(ID, caller(MANAGER1), MANAGER2.id()))
                .expectException(DomainException.class).expectNoEvents();
        fixture.given(scrapLeadOfManager1())
                .when(new ChangeDealOwner(ID, caller(HEAD), MANAGER2.id()))
                .expectEvents(new DealOwnerChanged(ID, MANAGER1.id(), MANAGER2.id()));
        fixture.given(scrapLeadOfManager1())
                .when(new ChangeDealOwner(ID, caller(ADMIN), CLIENT1.id()))
                .expectEvents(new DealOwnerChanged(ID, MANAGER1.id(), CLIENT1.id()));
    }

    @Test
    void aTagKeepsItsSpellingAndIsAddedOnceWhateverTheCase() {
        fixture.given(scrapLeadOfManager1(), new DealTagged(ID, "#низкая цена"))
                .when(new TagDeal(ID, caller(MANAGER1), List.of("  Низкая   ЦЕНА ", "склад Подольск", "#СКЛАД подольск")))
                .expectEvents(new DealTagged(ID, "#склад Подольск"));
    }

    @Test
    void removingATagInAnotherCaseRemovesItAsItIsSpelled() {
        fixture.given(scrapLeadOfManager1(), new DealTagged(ID, "#склад Подольск"))
                .when(new UntagDeal(ID, caller(MANAGER1), List.of("#СКЛАД ПОДОЛЬСК")))
                .expectEvents(new DealUntagged(ID, "#склад Подольск"));
    }

    @Test
    void removingATagTheDealDoesNotHaveChangesNothing() {
        fixture.given(scrapLeadOfManager1(), new DealTagged(ID, "#низкая цена"))
                .when(new UntagDeal(ID, caller(MANAGER1), List.of("#далеко везти", "#низкая цена")))
                .expectEvents(new DealUntagged(ID, "#низкая цена"));
    }

    @Test
    void theFirstDeliveryMovesAScrapDealToFirstDeliveryWithTheExactAmount() {
        fixture.given(scrapLeadOfManager1())
                .when(delivery("В-1"))
                .expectEvents(completed(1, "В-1"), new DealStageChanged(ID, "scrap", "lead", "first_delivery", MANAGER1.id()));
    }

    @Test
    void theSecondToFourthDeliveriesKeepTheDealOnRepeatDeliveries() {
        fixture.given(scrapLeadOfManager1(), completed(1, "В-1"), new DealStageChanged(ID, "scrap", "lead", "first_delivery", MANAGER1.id()))
                .when(delivery("В-2"))
                .expectEvents(completed(2, "В-2"), new DealStageChanged(ID, "scrap", "first_delivery", "repeat_deliveries", MANAGER1.id()));
        fixture.given(scrapLeadOfManager1(), completed(1, "В-1"), completed(2, "В-2"),
                        new DealStageChanged(ID, "scrap", "lead", "repeat_deliveries", MANAGER1.id()))
                .when(delivery("В-3"))
                .expectEvents(completed(3, "В-3"));
    }

    @Test
    void aDeliveryOnAPermanentDealMovesItToDelivering() {
        var delivered = new DeliveryCompleted(ID, "permanent", null, null, 1, NOW, new BigDecimal("1234.5"), "3А", new BigDecimal("25000"),
                new BigDecimal("30862.50"), "В-1", MANAGER1.id());
        fixture.given(created("permanent", "not_delivering", MANAGER1.id()))
                .when(delivery("В-1"))
                .expectEvents(delivered, new DealStageChanged(ID, "permanent", "not_delivering", "delivering", MANAGER1.id()));
    }

    @Test
    void weightAndPriceMustBePositive() {
        fixture.given(scrapLeadOfManager1())
                .when(new RecordDelivery(ID, caller(MANAGER1), NOW, new BigDecimal("-5"), "3А", new BigDecimal("25000"), "В-1"))
                .expectException(DomainException.class).expectNoEvents();
        fixture.given(scrapLeadOfManager1())
                .when(new RecordDelivery(ID, caller(MANAGER1), NOW, new BigDecimal("100"), "3А", BigDecimal.ZERO, "В-1"))
                .expectException(DomainException.class).expectNoEvents();
    }

    @Test
    void aWeighbridgeTicketIsRecordedOncePerDeal() {
        fixture.given(scrapLeadOfManager1(), completed(1, "В-1"))
                .when(delivery(" В-1 "))
                .expectException(DomainException.class).expectNoEvents();
    }

    @Test
    void editingKeepsWhatIsNotSentAndClearsWhatIsSentEmpty() {
        var before = new DealCreated(ID, "Втормет", "scrap", "lead", MANAGER1.id(), "manual", NOW, null, null,
                new DealDetails(new BigDecimal("20"), List.of("3А"), "безнал", "Подольск", "звонить утром", DealDetails.Questionnaire.EMPTY));
        var patch = new DealPatch(null, null, null, new BigDecimal("35"), null, null, null, null, null, Set.of("notes"));
        fixture.given(before)
                .when(new UpdateDeal(ID, null, caller(MANAGER1), patch))
                .expectEvents(new DealUpdated(ID, "Втормет", null, null,
                        new DealDetails(new BigDecimal("35"), List.of("3А"), "безнал", "Подольск", null, DealDetails.Questionnaire.EMPTY)));
    }

    @Test
    void anEditThatChangesNothingRecordsNothing() {
        fixture.given(scrapLeadOfManager1())
                .when(new UpdateDeal(ID, null, caller(MANAGER1), new DealPatch("Втормет", null, null, null, null, null, null, null, null, Set.of())))
                .expectNoEvents();
    }

    /** The two funnels of the manual, without a database. */
    @Test
    void theFifthDeliveryClosesTheScrapDealAsWonOnceAndHandsOverItsTotals() {
        var from = new PromotedDeal(ID, "scrap", "Втормет", null, null, DealDetails.EMPTY, MANAGER1.id(), 2, new BigDecimal("2469.0"),
                new BigDecimal("61725.00"));
        fixture.given(created("scrap", "repeat_deliveries", MANAGER1.id()), completed(1, "Т-1"), completed(2, "Т-2"))
                .when(new CloseDealOnPromotion(ID))
                .expectEvents(new DealClosed(ID, "scrap", "repeat_deliveries", Stage.WON, "promotion", MANAGER1.id()))
                .expectResultMessagePayload(from);
        fixture.given(created("scrap", "repeat_deliveries", MANAGER1.id()),
                        new DealClosed(ID, "scrap", "repeat_deliveries", Stage.WON, "promotion", MANAGER1.id()))
                .when(new CloseDealOnPromotion(ID))
                .expectNoEvents();
    }

    @Test
    void aPermanentClientsDealOpensOnHandedOverForTheClientDepartmentCarryingTheScrapDeal() {
        UUID company = UUID.randomUUID();
        UUID scrapDeal = UUID.randomUUID();
        var from = new PromotedDeal(scrapDeal, "scrap", "Втормет", null, company, DealDetails.EMPTY, MANAGER1.id(), 5, new BigDecimal("6172.5"),
                new BigDecimal("154312.50"));
        fixture.givenNoPriorActivity()
                .when(new OpenPermanentDeal(ID, company, "company", HEAD2.id(), from))
                .expectEvents(new DealCreated(ID, "Втормет", "permanent", "handed_over", HEAD2.id(), "promotion", NOW, null, company,
                                DealDetails.EMPTY),
                        new PermanentDealOpened(ID, scrapDeal, company, "company", 5, new BigDecimal("6172.5"), new BigDecimal("154312.50")));
    }

    @Test
    void aPermanentClientsDealNeverCloses() {
        fixture.given(created("permanent", "delivering", MANAGER1.id()))
                .when(new MoveDealToStage(ID, null, caller(MANAGER1), "lost", "не возит"))
                .expectException(DomainException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("не закрываются")).expectNoEvents();
    }

    @Test
    void aPermanentDealQuietForThePeriodMovesToNotDeliveringOnlyWhenDue() {
        var quiet = java.time.Duration.ofDays(30);
        fixture.given(new DealCreated(ID, "Втормет", "permanent", "handed_over", MANAGER1.id(), "promotion", NOW.minus(java.time.Duration.ofDays(31)),
                        null, null, DealDetails.EMPTY))
                .when(new MarkDealNotDelivering(ID, quiet))
                .expectEvents(new DealStageChanged(ID, "permanent", "handed_over", "not_delivering", MANAGER1.id()));
        fixture.given(new DealCreated(ID, "Втормет", "permanent", "handed_over", MANAGER1.id(), "promotion", NOW.minus(java.time.Duration.ofDays(29)),
                        null, null, DealDetails.EMPTY))
                .when(new MarkDealNotDelivering(ID, quiet))
                .expectNoEvents();
        fixture.given(created("permanent", "not_delivering", MANAGER1.id()))
                .when(new MarkDealNotDelivering(ID, java.time.Duration.ofDays(1)))
                .expectNoEvents();
    }

    @Test
    void theNextDeliveryBringsAQuietPermanentClientBackToDelivering() {
        fixture.given(created("permanent", "not_delivering", MANAGER1.id()))
                .when(delivery("Т-9"))
                .expectEvents(new DeliveryCompleted(ID, "permanent", null, null, 1, NOW, new BigDecimal("1234.5"), "3А", new BigDecimal("25000"),
                                new BigDecimal("30862.50"), "Т-9", MANAGER1.id()),
                        new DealStageChanged(ID, "permanent", "not_delivering", "delivering", MANAGER1.id()));
    }

    static final class DefaultFunnelsOnly extends FunnelCatalog {

        DefaultFunnelsOnly() {
            super(null);
        }

        @Override
        public List<FunnelView> all() {
            return List.of(
                    new FunnelView("scrap", "ЛОМ", true, 0, List.of(
                            new Stage("lead", "Лид", Stage.OPEN), new Stage("qualified", "Квалифицирован", Stage.OPEN),
                            new Stage("offer", "Сделано предложение", Stage.OPEN),
                            new Stage("first_delivery", "Первая поставка", Stage.OPEN),
                            new Stage("repeat_deliveries", "Повторные поставки", Stage.OPEN),
                            new Stage("won", "Успешно реализовано", Stage.WON), new Stage("lost", "Закрыто и не реализовано", Stage.LOST))),
                    new FunnelView("permanent", "Постоянные клиенты (лом)", false, 1, List.of(
                            new Stage("handed_over", "Передан", Stage.OPEN), new Stage("delivering", "Везёт", Stage.OPEN),
                            new Stage("not_delivering", "Не везет", Stage.OPEN))));
        }
    }
}
