package ru.lomcrm.party.party;

import static ru.lomcrm.platform.testing.FixedUserDirectory.HEAD;
import static ru.lomcrm.platform.testing.FixedUserDirectory.HEAD2;
import static ru.lomcrm.platform.testing.FixedUserDirectory.MANAGER1;
import static ru.lomcrm.platform.testing.FixedUserDirectory.MANAGER2;
import static ru.lomcrm.platform.testing.FixedUserDirectory.caller;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ru.lomcrm.contracts.party.ClientPromoted;
import ru.lomcrm.contracts.party.CompanyCreated;
import ru.lomcrm.contracts.party.ContactCreated;
import ru.lomcrm.contracts.party.ContactUpdated;
import ru.lomcrm.contracts.party.PartiesMerged;
import ru.lomcrm.contracts.party.PartyDeliveryCounted;
import ru.lomcrm.contracts.party.PartyMergedInto;
import ru.lomcrm.contracts.party.PartyNoteAdded;
import ru.lomcrm.contracts.party.PartyTagged;
import ru.lomcrm.contracts.party.PartyOwnerChanged;
import ru.lomcrm.party.identity.PartyIdentities;
import ru.lomcrm.party.party.PartyCommands.AbsorbMergedParty;
import ru.lomcrm.party.party.PartyCommands.ChangePartyOwner;
import ru.lomcrm.party.party.PartyCommands.CountDelivery;
import ru.lomcrm.party.party.PartyCommands.CountedDelivery;
import ru.lomcrm.party.party.PartyCommands.HandOverParty;
import ru.lomcrm.party.party.PartyCommands.AddPartyNote;
import ru.lomcrm.party.party.PartyCommands.MergePartyInto;
import ru.lomcrm.party.party.PartyCommands.MergedParty;
import ru.lomcrm.party.party.PartyCommands.RegisterParty;
import ru.lomcrm.party.party.PartyCommands.TagParty;
import ru.lomcrm.platform.security.Ownership;
import ru.lomcrm.platform.testing.FixedUserDirectory;
import ru.lomcrm.platform.web.DomainException;

class PartyRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final UUID ID = UUID.randomUUID();
    private static final UUID DEAL = UUID.randomUUID();
    private static final UUID SURVIVOR = UUID.randomUUID();
    private static final UUID OTHER = UUID.randomUUID();
    private static final ContactCreated CONTACT = new ContactCreated(ID, "Пётр Сидоров", List.of("+79161234567"), List.of(), MANAGER1.id(),
            null, Map.of(), List.of(), null, null, List.of(), false);

    private AggregateTestFixture<Party> fixture;
    private final KnownIdentities identities = new KnownIdentities();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Party.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(new Ownership(new FixedUserDirectory()));
        fixture.registerInjectableResource(identities);
    }

    private static PartyCard card(String name, String phone) {
        return new PartyCard(name, List.of(phone), null, null, null, null, null, null, null, null, null, null, null);
    }

    @Test
    void aDuplicateByPhoneIsRefusedNamingTheOwner() {
        identities.taken = true;
        fixture.givenNoPriorActivity()
                .when(new RegisterParty(ID, PartyCommands.CONTACT, caller(MANAGER2), card("Пётр", "+79161234567"), MANAGER2.id(), List.of(), false))
                .expectException(DomainException.class).expectNoEvents();
    }

    @Test
    void aHeadMayStillCreateTheDuplicateAndItIsRecorded() {
        identities.taken = true;
        fixture.givenNoPriorActivity()
                .when(new RegisterParty(ID, PartyCommands.CONTACT, caller(HEAD), card("Пётр", "+79161234567"), HEAD.id(), List.of(), true))
                .expectEvents(new ContactCreated(ID, "Пётр", List.of("+79161234567"), List.of(), HEAD.id(), null, Map.of(), List.of(), null,
                        null, List.of(), true));
    }

    @Test
    void aManagerCannotForceADuplicate() {
        identities.taken = true;
        fixture.givenNoPriorActivity()
                .when(new RegisterParty(ID, PartyCommands.CONTACT, caller(MANAGER2), card("Пётр", "+79161234567"), MANAGER2.id(), List.of(), true))
                .expectException(DomainException.class).expectExceptionMessage("Создать дубль может только руководитель или администратор.");
    }

    @Test
    void onlyTheOwnersHeadOrAnAdminReassignsAClient() {
        fixture.given(CONTACT)
                .when(new ChangePartyOwner(ID, caller(MANAGER1), MANAGER2.id(), "отпуск"))
                .expectException(DomainException.class).expectNoEvents();
        fixture.given(CONTACT)
                .when(new ChangePartyOwner(ID, caller(HEAD), MANAGER2.id(), "отпуск"))
                .expectEvents(new PartyOwnerChanged(ID, "contact", MANAGER1.id(), MANAGER2.id(), "отпуск"));
    }

    @Test
    void theFifthCompletedDeliveryMakesAPermanentClientOnce() {
        fixture.given(CONTACT, counted(1), counted(2), counted(3), counted(4))
                .when(new CountDelivery(ID, DEAL, 5))
                .expectEvents(counted(5), new ClientPromoted(ID, "contact", DEAL, 5, NOW));
        fixture.given(CONTACT, counted(1), counted(2), counted(3), counted(4), counted(5), new ClientPromoted(ID, "contact", DEAL, 5, NOW))
                .when(new CountDelivery(ID, DEAL, 6))
                .expectEvents(counted(6));
    }

    @Test
    void aDeliveryIsCountedOnceEvenWhenReportedTwice() {
        fixture.given(CONTACT, counted(1))
                .when(new CountDelivery(ID, DEAL, 1))
                .expectNoEvents();
    }

    @Test
    void aCompanyIsRegisteredWithItsInn() {
        var company = new PartyCard("ООО Вторчермет", List.of(), null, List.of("info@vtor.ru"), null, null, null, null, null, "7707083893",
                null, null, null);
        fixture.givenNoPriorActivity()
                .when(new RegisterParty(ID, PartyCommands.COMPANY, caller(MANAGER1), company, MANAGER1.id(), List.of(), false))
                .expectEvents(new CompanyCreated(ID, "ООО Вторчермет", "7707083893", List.of(), List.of("info@vtor.ru"), MANAGER1.id(), null,
                        null, null, null, null, null, false));
    }

    @Test
    void onlyAHeadOrAnAdminMergesDuplicates() {
        fixture.given(CONTACT)
                .when(new MergePartyInto(ID, caller(MANAGER1), SURVIVOR))
                .expectException(DomainException.class).expectExceptionMessage("Объединить дубли может только руководитель или администратор.");
        fixture.given(CONTACT)
                .when(new MergePartyInto(ID, caller(HEAD), SURVIVOR))
                .expectEvents(new PartyMergedInto(ID, "contact", SURVIVOR));
    }

    @Test
    void aNoteIsAddedTrimmedOnceAndOnlyByThoseWhoSeeTheClient() {
        UUID note = UUID.randomUUID();
        fixture.given(CONTACT)
                .when(new AddPartyNote(ID, caller(MANAGER1), note, "  Просит звонить после 17:00 "))
                .expectEvents(new PartyNoteAdded(ID, "contact", note, "Просит звонить после 17:00"));
        fixture.given(CONTACT, new PartyNoteAdded(ID, "contact", note, "Просит звонить после 17:00"))
                .when(new AddPartyNote(ID, caller(MANAGER1), note, "Просит звонить после 17:00"))
                .expectNoEvents();
        fixture.given(CONTACT)
                .when(new AddPartyNote(ID, caller(MANAGER2), UUID.randomUUID(), "чужой клиент"))
                .expectException(DomainException.class).expectExceptionMessage("Запись не найдена.").expectNoEvents();
        fixture.given(CONTACT)
                .when(new AddPartyNote(ID, caller(MANAGER1), UUID.randomUUID(), "   "))
                .expectException(DomainException.class).expectExceptionMessage("Напишите текст примечания.").expectNoEvents();
        fixture.given(CONTACT, new PartyMergedInto(ID, "contact", SURVIVOR))
                .when(new AddPartyNote(ID, caller(MANAGER1), UUID.randomUUID(), "в дубль"))
                .expectException(DomainException.class).expectNoEvents();
    }

    @Test
    void aMergedDuplicateTakesNoMoreChanges() {
        fixture.given(CONTACT, new PartyMergedInto(ID, "contact", SURVIVOR))
                .when(new TagParty(ID, caller(MANAGER1), List.of("долгая оплата")))
                .expectException(DomainException.class).expectNoEvents();
    }

    @Test
    void aDeliveryNamingAMergedDuplicateIsCountedByTheSurvivor() {
        fixture.given(CONTACT, new PartyMergedInto(ID, "contact", SURVIVOR))
                .when(new CountDelivery(ID, DEAL, 1))
                .expectNoEvents().expectResultMessagePayload(SURVIVOR);
    }

    @Test
    void theSurvivorTakesOverTheDuplicatesPhonesTagsAndDeliveriesAndMayBecomePermanent() {
        UUID otherDeal = UUID.randomUUID();
        var duplicateCard = new PartyCard("Пётр С.", List.of("+79031112233"), Map.of(), List.of("petr@mail.ru"), "Тула", null, null, List.of(),
                null, null, null, null, null);
        var merged = new MergedParty(OTHER, "contact", duplicateCard, java.util.Set.of(), java.util.Set.of("#долгая оплата"),
                java.util.Set.of(new CountedDelivery(otherDeal, 1), new CountedDelivery(DEAL, 1)));
        fixture.given(CONTACT, counted(1), counted(2), counted(3), counted(4))
                .when(new AbsorbMergedParty(ID, caller(HEAD), merged, "один и тот же человек"))
                .expectEvents(new PartiesMerged(ID, OTHER, "contact", "один и тот же человек"),
                        new ContactUpdated(ID, "Пётр Сидоров", List.of("+79161234567", "+79031112233"), List.of("petr@mail.ru"), null, Map.of(),
                                List.of(), "Тула", null),
                        new PartyTagged(ID, "contact", "#долгая оплата"),
                        new PartyDeliveryCounted(ID, "contact", otherDeal, 1, 5),
                        new ClientPromoted(ID, "contact", otherDeal, 5, NOW));
    }

    @Test
    void aMergedDuplicatesTagInAnotherCaseIsTheSurvivorsTagNotASecondOne() {
        var duplicateCard = new PartyCard("Пётр С.", List.of(), Map.of(), List.of(), null, null, null, List.of(), null, null, null, null, null);
        var merged = new MergedParty(OTHER, "contact", duplicateCard, java.util.Set.of(), java.util.Set.of("#Склад Подольск", "#НДС"),
                java.util.Set.of());
        fixture.given(CONTACT, new PartyTagged(ID, "contact", "#склад подольск"))
                .when(new AbsorbMergedParty(ID, caller(HEAD), merged, "один и тот же человек"))
                .expectEvents(new PartiesMerged(ID, OTHER, "contact", "один и тот же человек"), new PartyTagged(ID, "contact", "#НДС"));
    }

    @Test
    void onlyTwoPartiesOfOneKindMerge() {
        var company = new MergedParty(OTHER, "company", new PartyCard("ООО Лом", List.of(), Map.of(), List.of(), null, null, null,
                List.of(), null, null, null, null, null), java.util.Set.of(), java.util.Set.of(), java.util.Set.of());
        fixture.given(CONTACT)
                .when(new AbsorbMergedParty(ID, caller(HEAD), company, null))
                .expectException(DomainException.class).expectNoEvents();
    }

    @Test
    void aPermanentClientPassesToTheClientDepartmentOnce() {
        UUID deal = UUID.randomUUID();
        fixture.given(CONTACT)
                .when(new HandOverParty(ID, HEAD2.id(), deal))
                .expectEvents(new PartyOwnerChanged(ID, "contact", MANAGER1.id(), HEAD2.id(), Party.HANDED_OVER));
        fixture.given(CONTACT, new PartyOwnerChanged(ID, "contact", MANAGER1.id(), HEAD2.id(), Party.HANDED_OVER))
                .when(new HandOverParty(ID, HEAD2.id(), deal))
                .expectNoEvents();
    }

    @Test
    void aTagKeepsItsSpellingAndIsAddedOnceWhateverTheCase() {
        fixture.given(CONTACT, new PartyTagged(ID, "contact", "#долгая оплата"))
                .when(new TagParty(ID, caller(MANAGER1), List.of("Долгая   Оплата", "#Нужна доставка денег")))
                .expectEvents(new PartyTagged(ID, "contact", "#Нужна доставка денег"));
    }

    private static PartyDeliveryCounted counted(int n) {
        return new PartyDeliveryCounted(ID, "contact", DEAL, n, n);
    }

    /** Identities without a database: either every key is free or every key is taken by manager1's contact. */
    static final class KnownIdentities extends PartyIdentities {
        boolean taken;

        KnownIdentities() {
            super(null, new FixedUserDirectory());
        }

        @Override
        public List<Match> matches(List<String> keys, UUID self) {
            return taken ? List.of(new Match(UUID.randomUUID(), "contact", "Пётр Сидоров", MANAGER1.ref(), "phone")) : List.of();
        }
    }
}
