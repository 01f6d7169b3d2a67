package ru.lomcrm.task.task;

import static ru.lomcrm.platform.testing.FixedUserDirectory.ADMIN;
import static ru.lomcrm.platform.testing.FixedUserDirectory.CLIENT1;
import static ru.lomcrm.platform.testing.FixedUserDirectory.HEAD;
import static ru.lomcrm.platform.testing.FixedUserDirectory.HEAD2;
import static ru.lomcrm.platform.testing.FixedUserDirectory.MANAGER1;
import static ru.lomcrm.platform.testing.FixedUserDirectory.MANAGER2;
import static ru.lomcrm.platform.testing.FixedUserDirectory.caller;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import ru.lomcrm.contracts.EventEnvelope;
import ru.lomcrm.contracts.task.TaskCompleted;
import ru.lomcrm.contracts.task.TaskCreated;
import ru.lomcrm.contracts.task.TaskDeleted;
import ru.lomcrm.contracts.task.TaskLink;
import ru.lomcrm.contracts.task.TaskOverdue;
import ru.lomcrm.contracts.task.TaskReassigned;
import ru.lomcrm.contracts.task.TaskReopened;
import ru.lomcrm.contracts.task.TaskRescheduled;
import ru.lomcrm.contracts.task.TaskUpdated;
import ru.lomcrm.platform.security.Ownership;
import ru.lomcrm.platform.testing.FixedUserDirectory;
import ru.lomcrm.platform.web.DomainException;
import ru.lomcrm.task.task.LinkTargets.KnownParty;
import ru.lomcrm.task.task.TaskCommands.CloseTaskWithDeal;
import ru.lomcrm.task.task.TaskCommands.CompleteTask;
import ru.lomcrm.task.task.TaskCommands.CreateBusinessProcessTask;
import ru.lomcrm.task.task.TaskCommands.CreateTask;
import ru.lomcrm.task.task.TaskCommands.DeleteTask;
import ru.lomcrm.task.task.TaskCommands.EditTask;
import ru.lomcrm.task.task.TaskCommands.HandTaskOver;
import ru.lomcrm.task.task.TaskCommands.MarkTaskOverdue;
import ru.lomcrm.task.task.TaskCommands.ReassignTask;
import ru.lomcrm.task.task.TaskCommands.RelinkTask;
import ru.lomcrm.task.task.TaskCommands.ReopenTask;
import ru.lomcrm.task.task.TaskCommands.RescheduleTask;
import ru.lomcrm.task.types.TaskTypes;

/** The rules of one task, each test named after the rule it holds. */
class TaskRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");
    private static final Instant DUE = Instant.parse("2026-11-27T12:00:00Z");
    private static final UUID ID = UUID.fromString("7a1c7c38-2f0e-4c8e-9a43-9d7d1f0a0001");
    private static final UUID DEAL_OF_MANAGER1 = UUID.fromString("7a1c7c38-2f0e-4c8e-9a43-9d7d1f0ad001");
    private static final UUID DEAL_OF_CLIENT1 = UUID.fromString("7a1c7c38-2f0e-4c8e-9a43-9d7d1f0ad002");
    private static final UUID CONTACT = UUID.fromString("7a1c7c38-2f0e-4c8e-9a43-9d7d1f0ac001");
    private static final UUID OTHER_CONTACT = UUID.fromString("7a1c7c38-2f0e-4c8e-9a43-9d7d1f0ac002");
    private static final UUID COMPANY_OF_CLIENT1 = UUID.fromString("7a1c7c38-2f0e-4c8e-9a43-9d7d1f0ac003");
    private static final UUID CONTACT_WITHOUT_OWNER = UUID.fromString("7a1c7c38-2f0e-4c8e-9a43-9d7d1f0ac004");

    private AggregateTestFixture<Task> fixture;

    /** Deals and parties as the replica would know them. */
    static final class KnownLinks extends LinkTargets {
        private final Map<UUID, String> dealOwners = new HashMap<>();
        private final Map<UUID, KnownParty> parties = Map.of(CONTACT, new KnownParty(MANAGER1.id()), OTHER_CONTACT,
                new KnownParty(MANAGER1.id()), COMPANY_OF_CLIENT1, new KnownParty(CLIENT1.id()), CONTACT_WITHOUT_OWNER, new KnownParty(null));

        KnownLinks() {
            super(null);
            dealOwners.put(DEAL_OF_MANAGER1, MANAGER1.id());
            dealOwners.put(DEAL_OF_CLIENT1, CLIENT1.id());
        }

        @Override
        public Optional<String> dealOwner(UUID dealId) {
            return Optional.ofNullable(dealOwners.get(dealId));
        }

        @Override
        public Optional<KnownParty> party(TaskLink link) {
            return Optional.ofNullable(parties.get(link.id()));
        }
    }

    /** The default catalogue. */
    static final class DefaultTypes extends TaskTypes {
        DefaultTypes() {
            super(null);
        }

        @Override
        public boolean isActive(String code) {
            return Set.of("call", "meeting", "letter", "follow_up").contains(code);
        }

        @Override
        public String defaultType() {
            return "call";
        }
    }

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Task.class);
        var directory = new FixedUserDirectory();
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(new TaskAccess(new Ownership(directory), new KnownLinks(), directory));
        fixture.registerInjectableResource(new DefaultTypes());
    }

    private static TaskCreated created(String assigneeId, TaskLink link) {
        return new TaskCreated(ID, "Позвонить", "call", DUE, null, null, assigneeId, link, assigneeId, NOW, TaskCreated.MANUAL, null, null);
    }

    private static TaskCreated ofManager1() {
        return created(MANAGER1.id(), null);
    }

    private static CreateTask create(ru.lomcrm.platform.users.DirectoryUser by, String assigneeId, TaskLink link) {
        return new CreateTask(ID, caller(by), "  Позвонить  ", "call", DUE, null, null, assigneeId, link);
    }

    private static Matcher<DomainException> status(HttpStatus expected) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(DomainException e) {
                return e.status() == expected;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a DomainException with status " + expected);
            }
        };
    }

    @Test
    void theAssigneeIsTheCreatorUnlessSomeoneElseIsNamedAndTheTextIsTrimmed() {
        fixture.givenNoPriorActivity()
                .when(create(MANAGER1, null, null))
                .expectEvents(ofManager1());
    }

    @Test
    void aTaskNeedsATextOfAtMost2000Characters() {
        fixture.givenNoPriorActivity()
                .when(new CreateTask(ID, caller(MANAGER1), "   ", "call", DUE, null, null, null, null))
                .expectException(DomainException.class).expectExceptionMessage("Укажите, что нужно сделать.").expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new CreateTask(ID, caller(MANAGER1), "я".repeat(2001), "call", DUE, null, null, null, null))
                .expectException(DomainException.class).expectNoEvents();
    }

    @Test
    void theTypeComesFromTheCatalogueAndDefaultsToItsFirst() {
        fixture.givenNoPriorActivity()
                .when(new CreateTask(ID, caller(MANAGER1), "Позвонить", "telegram", DUE, null, null, null, null))
                .expectException(DomainException.class).expectExceptionMessage("Нет такого типа задачи: «telegram».").expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new CreateTask(ID, caller(MANAGER1), "Позвонить", null, DUE, null, null, null, null))
                .expectEvents(ofManager1());
    }

    @Test
    void aTaskIsDueAtAMomentOrOnAWholeDayButNotBothNorNeither() {
        fixture.givenNoPriorActivity()
                .when(new CreateTask(ID, caller(MANAGER1), "Позвонить", "call", null, null, null, null, null))
                .expectException(DomainException.class).expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new CreateTask(ID, caller(MANAGER1), "Позвонить", "call", DUE, LocalDate.of(2026, 11, 28), null, null, null))
                .expectException(DomainException.class).expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new CreateTask(ID, caller(MANAGER1), "Позвонить", "call", null, LocalDate.of(2026, 11, 28), "Mars/Olympus", null, null))
                .expectException(DomainException.class).expectExceptionMessage("Неизвестный часовой пояс «Mars/Olympus».").expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new CreateTask(ID, caller(MANAGER1), "Позвонить", "call", null, LocalDate.of(2026, 11, 28), null, null, null))
                .expectEvents(new TaskCreated(ID, "Позвонить", "call", null, LocalDate.of(2026, 11, 28), "Europe/Moscow", MANAGER1.id(), null,
                        MANAGER1.id(), NOW, TaskCreated.MANUAL, null, null));
    }

    @Test
    void aManagerAssignsOnlyThemselfAHeadMembersOfTheirGroupsAnAdminAnyone() {
        fixture.givenNoPriorActivity().when(create(MANAGER1, MANAGER2.id(), null))
                .expectException(status(HttpStatus.FORBIDDEN)).expectNoEvents();
        fixture.givenNoPriorActivity().when(create(HEAD, CLIENT1.id(), null))
                .expectException(status(HttpStatus.FORBIDDEN)).expectNoEvents();
        fixture.givenNoPriorActivity().when(create(HEAD, MANAGER2.id(), null))
                .expectEvents(new TaskCreated(ID, "Позвонить", "call", DUE, null, null, MANAGER2.id(), null, HEAD.id(), NOW, "manual", null, null));
        fixture.givenNoPriorActivity().when(create(ADMIN, CLIENT1.id(), null))
                .expectEvents(new TaskCreated(ID, "Позвонить", "call", DUE, null, null, CLIENT1.id(), null, ADMIN.id(), NOW, "manual", null, null));
    }

    @Test
    void aTaskAboutADealNeedsADealBothTheCallerAndTheAssigneeSee() {
        fixture.givenNoPriorActivity().when(create(MANAGER1, null, TaskLink.deal(DEAL_OF_MANAGER1)))
                .expectEvents(created(MANAGER1.id(), TaskLink.deal(DEAL_OF_MANAGER1)));
        fixture.givenNoPriorActivity().when(create(MANAGER2, null, TaskLink.deal(DEAL_OF_MANAGER1)))
                .expectException(DomainException.class).expectExceptionMessage("Сделка не найдена.").expectNoEvents();
        fixture.givenNoPriorActivity().when(create(MANAGER1, null, TaskLink.deal(UUID.randomUUID())))
                .expectException(DomainException.class).expectExceptionMessage("Сделка не найдена.").expectNoEvents();
        // the admin sees the deal, but manager1 (the assignee) would not
        fixture.givenNoPriorActivity().when(create(ADMIN, MANAGER1.id(), TaskLink.deal(DEAL_OF_CLIENT1)))
                .expectException(status(HttpStatus.UNPROCESSABLE_CONTENT)).expectNoEvents();
        fixture.givenNoPriorActivity().when(create(MANAGER1, null, new TaskLink("contact", UUID.randomUUID())))
                .expectException(DomainException.class).expectExceptionMessage("Контакт не найден.").expectNoEvents();
    }

    @Test
    void aTaskIsLinkedOnlyToAContactOrCompanyTheCallerMaySee() {
        fixture.givenNoPriorActivity().when(create(MANAGER2, null, new TaskLink("company", COMPANY_OF_CLIENT1)))
                .expectException(DomainException.class).expectExceptionMessage("Компания не найдена.").expectNoEvents();
        fixture.given(created(MANAGER1.id(), null))
                .when(new EditTask(ID, null, caller(MANAGER1), null, null, new TaskLink("company", COMPANY_OF_CLIENT1), false, null, null,
                        null, null))
                .expectException(DomainException.class).expectExceptionMessage("Компания не найдена.").expectNoEvents();
        fixture.givenNoPriorActivity().when(create(ADMIN, CLIENT1.id(), new TaskLink("company", COMPANY_OF_CLIENT1)))
                .expectEvents(new TaskCreated(ID, "Позвонить", "call", DUE, null, null, CLIENT1.id(), new TaskLink("company", COMPANY_OF_CLIENT1),
                        ADMIN.id(), NOW, "manual", null, null));
        // heard of before owners were kept: let through rather than refusing real work
        fixture.givenNoPriorActivity().when(create(MANAGER2, null, new TaskLink("contact", CONTACT_WITHOUT_OWNER)))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void othersDoNotSeeATaskAndAreNotToldItExists() {
        for (var outsider : new ru.lomcrm.platform.users.DirectoryUser[] {MANAGER2, HEAD2, CLIENT1}) {
            fixture.given(ofManager1()).when(new CompleteTask(ID, caller(outsider), "Сделано"))
                    .expectException(status(HttpStatus.NOT_FOUND)).expectExceptionMessage("Задача не найдена.").expectNoEvents();
        }
        fixture.given(ofManager1()).when(new CompleteTask(ID, caller(HEAD), "Сделано"))
                .expectEvents(new TaskCompleted(ID, "Сделано", HEAD.id(), NOW, MANAGER1.id(), null));
    }

    @Test
    void aTaskAboutADealTheCallerCannotSeeIsNotVisibleEvenToItsAssignee() {
        // manager1's task on a deal that now belongs to client1 (another department)
        fixture.given(created(MANAGER1.id(), TaskLink.deal(DEAL_OF_CLIENT1)))
                .when(new RescheduleTask(ID, caller(MANAGER1), DUE.plusSeconds(3600), null, null))
                .expectException(status(HttpStatus.NOT_FOUND)).expectNoEvents();
        fixture.given(created(MANAGER1.id(), TaskLink.deal(DEAL_OF_CLIENT1)))
                .when(new RescheduleTask(ID, caller(ADMIN), DUE.plusSeconds(3600), null, null))
                .expectEvents(new TaskRescheduled(ID, DUE.plusSeconds(3600), null, null, DUE, null, MANAGER1.id()));
    }

    @Test
    void completingNeedsAResultAndHappensOnce() {
        fixture.given(ofManager1()).when(new CompleteTask(ID, caller(MANAGER1), "  "))
                .expectException(DomainException.class).expectExceptionMessage("Укажите результат: что сделано по задаче.").expectNoEvents();
        fixture.given(ofManager1()).when(new CompleteTask(ID, caller(MANAGER1), "  Договорились на пятницу "))
                .expectEvents(new TaskCompleted(ID, "Договорились на пятницу", MANAGER1.id(), NOW, MANAGER1.id(), null));
        fixture.given(ofManager1(), new TaskCompleted(ID, "Да", MANAGER1.id(), NOW, MANAGER1.id(), null))
                .when(new CompleteTask(ID, caller(MANAGER1), "Ещё раз"))
                .expectException(status(HttpStatus.CONFLICT)).expectNoEvents();
    }

    @Test
    void theSystemClosesAnOpenTaskWithItsDealOnceWithAResultNoLongerThanAResultMayBe() {
        fixture.given(ofManager1()).when(new CloseTaskWithDeal(ID, "Этап пройден"))
                .expectEvents(new TaskCompleted(ID, "Этап пройден", EventEnvelope.SYSTEM_ACTOR, NOW, MANAGER1.id(), null));
        String reason = "Сделка закрыта и не реализована: " + "нет лома ".repeat(250);
        fixture.given(ofManager1()).when(new CloseTaskWithDeal(ID, reason))
                .expectEvents(new TaskCompleted(ID, reason.substring(0, 1999) + "…", EventEnvelope.SYSTEM_ACTOR, NOW, MANAGER1.id(), null));
        fixture.given(ofManager1(), new TaskCompleted(ID, "Да", MANAGER1.id(), NOW, MANAGER1.id(), null))
                .when(new CloseTaskWithDeal(ID, "Этап пройден")).expectNoEvents();
        fixture.given(ofManager1(), new TaskDeleted(ID, MANAGER1.id(), null, true))
                .when(new CloseTaskWithDeal(ID, "Этап пройден")).expectNoEvents();
    }

    @Test
    void aDoneTaskIsReopenedAndReopeningAnOpenOneChangesNothing() {
        fixture.given(ofManager1(), new TaskCompleted(ID, "Да", MANAGER1.id(), NOW, MANAGER1.id(), null))
                .when(new ReopenTask(ID, caller(MANAGER1)))
                .expectEvents(new TaskReopened(ID, MANAGER1.id(), null));
        fixture.given(ofManager1()).when(new ReopenTask(ID, caller(MANAGER1))).expectNoEvents();
    }

    @Test
    void aDoneTaskIsNotEditedRescheduledOrReassignedUntilReopened() {
        var done = new TaskCompleted(ID, "Да", MANAGER1.id(), NOW, MANAGER1.id(), null);
        fixture.given(ofManager1(), done).when(new RescheduleTask(ID, caller(MANAGER1), DUE.plusSeconds(60), null, null))
                .expectException(status(HttpStatus.CONFLICT)).expectNoEvents();
        fixture.given(ofManager1(), done)
                .when(new EditTask(ID, null, caller(MANAGER1), "Другое", null, null, false, null, null, null, null))
                .expectException(status(HttpStatus.CONFLICT)).expectNoEvents();
    }

    @Test
    void deletionIsSoftAndADeletedTaskTakesNoMoreCommands() {
        fixture.given(ofManager1()).when(new DeleteTask(ID, caller(MANAGER1)))
                .expectEvents(new TaskDeleted(ID, MANAGER1.id(), null, true));
        fixture.given(ofManager1(), new TaskDeleted(ID, MANAGER1.id(), null, true))
                .when(new CompleteTask(ID, caller(MANAGER1), "Сделано"))
                .expectException(status(HttpStatus.NOT_FOUND)).expectExceptionMessage("Задача удалена.").expectNoEvents();
        fixture.given(ofManager1(), new TaskDeleted(ID, MANAGER1.id(), null, true))
                .when(new MarkTaskOverdue(ID)).expectNoEvents();
    }

    @Test
    void movingATaskToWhereItIsChangesNothingAndToADayKeepsItsZone() {
        fixture.given(ofManager1()).when(new RescheduleTask(ID, caller(MANAGER1), DUE, null, null)).expectNoEvents();
        fixture.given(ofManager1()).when(new RescheduleTask(ID, caller(MANAGER1), null, LocalDate.of(2026, 12, 1), "Asia/Yekaterinburg"))
                .expectEvents(new TaskRescheduled(ID, null, LocalDate.of(2026, 12, 1), "Asia/Yekaterinburg", DUE, null, MANAGER1.id()));
    }

    @Test
    void anEditRecordsOnlyWhatChangedEachWithItsOwnEvent() {
        fixture.given(ofManager1())
                .when(new EditTask(ID, null, caller(MANAGER1), "Позвонить", "meeting", null, false, null, null, null, null))
                .expectEvents(new TaskUpdated(ID, "Позвонить", "meeting", null, null));
        fixture.given(ofManager1())
                .when(new EditTask(ID, null, caller(HEAD), null, null, new TaskLink("contact", CONTACT), false, DUE.plusSeconds(600), null,
                        null, MANAGER2.id()))
                .expectEvents(new TaskUpdated(ID, "Позвонить", "call", new TaskLink("contact", CONTACT), null),
                        new TaskRescheduled(ID, DUE.plusSeconds(600), null, null, DUE, null, MANAGER1.id()),
                        new TaskReassigned(ID, MANAGER1.id(), MANAGER2.id(), null));
        fixture.given(created(MANAGER1.id(), new TaskLink("contact", CONTACT)))
                .when(new EditTask(ID, null, caller(MANAGER1), null, null, null, true, null, null, null, null))
                .expectEvents(new TaskUpdated(ID, "Позвонить", "call", null, new TaskLink("contact", CONTACT)));
        fixture.given(ofManager1())
                .when(new EditTask(ID, null, caller(MANAGER1), "Позвонить", "call", null, false, DUE, null, null, MANAGER1.id()))
                .expectNoEvents();
    }

    @Test
    void reassigningFollowsTheAssignmentRule() {
        fixture.given(ofManager1()).when(new ReassignTask(ID, caller(MANAGER1), MANAGER2.id()))
                .expectException(status(HttpStatus.FORBIDDEN)).expectNoEvents();
        fixture.given(ofManager1()).when(new ReassignTask(ID, caller(HEAD), CLIENT1.id()))
                .expectException(status(HttpStatus.FORBIDDEN)).expectNoEvents();
        fixture.given(ofManager1()).when(new ReassignTask(ID, caller(HEAD), MANAGER2.id()))
                .expectEvents(new TaskReassigned(ID, MANAGER1.id(), MANAGER2.id(), null));
        // a deal's task goes only to someone who sees the deal
        fixture.given(created(MANAGER1.id(), TaskLink.deal(DEAL_OF_MANAGER1))).when(new ReassignTask(ID, caller(ADMIN), CLIENT1.id()))
                .expectException(status(HttpStatus.UNPROCESSABLE_CONTENT)).expectNoEvents();
    }

    @Test
    void aTaskBecomesOverdueOnceAfterItsDueTime() {
        fixture.given(created(MANAGER1.id(), null)).when(new MarkTaskOverdue(ID)).expectNoEvents(); // due 12:00, now 09:00
        var past = new TaskCreated(ID, "Позвонить", "call", NOW.minusSeconds(60), null, null, MANAGER1.id(), null, MANAGER1.id(),
                NOW.minusSeconds(3600), "manual", null, null);
        var overdue = new TaskOverdue(ID, "Позвонить", "call", NOW.minusSeconds(60), null, null, NOW.minusSeconds(60), MANAGER1.id(), null);
        fixture.given(past).when(new MarkTaskOverdue(ID)).expectEvents(overdue);
        fixture.given(past, overdue).when(new MarkTaskOverdue(ID)).expectNoEvents();
        fixture.given(past, new TaskCompleted(ID, "Да", MANAGER1.id(), NOW, MANAGER1.id(), null)).when(new MarkTaskOverdue(ID)).expectNoEvents();
        // moved to a new time that has passed too: overdue again, once
        var moved = new TaskRescheduled(ID, NOW.minusSeconds(30), null, null, NOW.minusSeconds(60), null, MANAGER1.id());
        fixture.given(past, overdue, moved).when(new MarkTaskOverdue(ID))
                .expectEvents(new TaskOverdue(ID, "Позвонить", "call", NOW.minusSeconds(30), null, null, NOW.minusSeconds(30), MANAGER1.id(), null));
    }

    @Test
    void anAllDayTaskIsOverdueWhenItsDayHasEndedInItsZone() {
        // NOW is 12:00 in Moscow on 27 November: a task for the 26th is overdue, one for the 27th is not yet
        var yesterday = new TaskCreated(ID, "Отчёт", "letter", null, LocalDate.of(2026, 11, 26), "Europe/Moscow", MANAGER1.id(), null,
                MANAGER1.id(), NOW, "manual", null, null);
        fixture.given(yesterday).when(new MarkTaskOverdue(ID))
                .expectEvents(new TaskOverdue(ID, "Отчёт", "letter", null, LocalDate.of(2026, 11, 26), "Europe/Moscow",
                        Instant.parse("2026-11-26T21:00:00Z"), MANAGER1.id(), null));
        var today = new TaskCreated(ID, "Отчёт", "letter", null, LocalDate.of(2026, 11, 27), "Europe/Moscow", MANAGER1.id(), null,
                MANAGER1.id(), NOW, "manual", null, null);
        fixture.given(today).when(new MarkTaskOverdue(ID)).expectNoEvents();
    }

    @Test
    void aBusinessProcessTaskIsSetByTheSystemForTheDealsOwner() {
        UUID deal = UUID.randomUUID();
        fixture.givenNoPriorActivity()
                .when(new CreateBusinessProcessTask(ID, deal, "scrap", "lead", MANAGER1.id(), "Квалифицировать по анкете", "call",
                        NOW.plusSeconds(7200)))
                .expectEvents(new TaskCreated(ID, "Квалифицировать по анкете", "call", NOW.plusSeconds(7200), null, null, MANAGER1.id(),
                        TaskLink.deal(deal), EventEnvelope.SYSTEM_ACTOR, NOW, TaskCreated.BUSINESS_PROCESS, "scrap", "lead"));
    }

    @Test
    void anOpenTaskFollowsItsDealToTheNewOwnerADoneOneStays() {
        fixture.given(created(MANAGER1.id(), TaskLink.deal(DEAL_OF_MANAGER1))).when(new HandTaskOver(ID, MANAGER2.id()))
                .expectEvents(new TaskReassigned(ID, MANAGER1.id(), MANAGER2.id(), TaskReassigned.DEAL_OWNER_CHANGED));
        fixture.given(created(MANAGER1.id(), TaskLink.deal(DEAL_OF_MANAGER1)),
                        new TaskCompleted(ID, "Да", MANAGER1.id(), NOW, MANAGER1.id(), TaskLink.deal(DEAL_OF_MANAGER1)))
                .when(new HandTaskOver(ID, MANAGER2.id())).expectNoEvents();
    }

    @Test
    void aTaskAboutAMergedPartyIsNowAboutTheSurvivor() {
        fixture.given(created(MANAGER1.id(), new TaskLink("contact", OTHER_CONTACT)))
                .when(new RelinkTask(ID, OTHER_CONTACT, new TaskLink("contact", CONTACT)))
                .expectEvents(new TaskUpdated(ID, "Позвонить", "call", new TaskLink("contact", CONTACT), new TaskLink("contact", OTHER_CONTACT)));
        fixture.given(created(MANAGER1.id(), new TaskLink("contact", CONTACT)))
                .when(new RelinkTask(ID, OTHER_CONTACT, new TaskLink("contact", CONTACT))).expectNoEvents();
    }
}
