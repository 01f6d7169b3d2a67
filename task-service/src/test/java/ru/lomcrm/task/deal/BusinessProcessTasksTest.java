package ru.lomcrm.task.deal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static ru.lomcrm.task.TaskApiFixture.idOf;
import static ru.lomcrm.task.TaskApiFixture.publishDeal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import ru.lomcrm.contracts.EventEnvelope;
import ru.lomcrm.contracts.Topics;
import ru.lomcrm.contracts.deal.DealClosed;
import ru.lomcrm.contracts.deal.DealCreated;
import ru.lomcrm.contracts.deal.DealOwnerChanged;
import ru.lomcrm.contracts.deal.DealStageChanged;
import ru.lomcrm.contracts.deal.DealUpdated;
import ru.lomcrm.contracts.party.ContactCreated;
import ru.lomcrm.contracts.party.PartiesMerged;
import ru.lomcrm.platform.events.EventJson;
import ru.lomcrm.platform.testing.CrmServiceTest;
import ru.lomcrm.platform.testing.TestInfrastructure;
import ru.lomcrm.platform.testing.TopicProbe;
import ru.lomcrm.task.TaskApiFixture;

/**
 * Rule 3 across services: deal-service's events (published here to the test topic as it would)
 * give deals their stage tasks exactly once, and task-service tells the board which deals have
 * an open task.
 */
@CrmServiceTest(database = "crm_task")
class BusinessProcessTasksTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static TopicProbe taskTopic;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    private TaskApiFixture api;

    @BeforeAll
    static void watchTopic() {
        taskTopic = TopicProbe.open(TestInfrastructure.endpoints().kafkaBootstrap(), TestInfrastructure.topic(Topics.TASK));
    }

    @AfterAll
    static void closeTopic() {
        taskTopic.close();
    }

    @BeforeEach
    void setUp() {
        api = new TaskApiFixture(port);
    }

    private JsonNode tasksOfDeal(String user, UUID dealId) {
        return api.as(user).get("/api/tasks?dealId=" + dealId + "&size=100").json();
    }

    /** Deal events of one deal share a partition: once a later one shows, every earlier one has been applied. */
    private void awaitApplied(UUID dealId, long version, String marker) {
        publishDeal(dealId, version, new DealUpdated(dealId, marker, null, null, null));
        await().atMost(PATIENCE).until(() -> jdbc.queryForList("SELECT title FROM deal_ref WHERE id = ?", String.class, dealId).contains(marker));
    }

    private List<String> dealsWithoutTask(String user) {
        return api.as(user).get("/api/tasks/deals-without-task?size=500").json().path("items").findValuesAsString("dealId");
    }

    @Test
    void aDealCreatedRecordDeliveredTwiceCreatesExactlyOneStageTask() {
        UUID dealId = UUID.randomUUID();
        String manager1 = idOf("manager1");
        var created = publishDeal(dealId, 0, new DealCreated(dealId, "Втормет", "scrap", "lead", manager1, "manual", Instant.now(), null,
                null, null));
        TaskApiFixture.publish(Topics.DEAL, created); // the same record again: a redelivery
        awaitApplied(dealId, 1, "Втормет (проверено)");

        await().atMost(PATIENCE).until(() -> tasksOfDeal("manager1", dealId).path("total").asInt() > 0);
        JsonNode tasks = tasksOfDeal("manager1", dealId);
        assertThat(tasks.path("total").asInt()).isEqualTo(1);
        JsonNode task = tasks.path("items").get(0);
        assertThat(task.path("text").asString()).startsWith("Квалифицировать по анкете");
        assertThat(task.path("type").asString()).isEqualTo("call");
        assertThat(task.path("typeName").asString()).isEqualTo("Звонок");
        assertThat(task.path("source").asString()).isEqualTo("business-process");
        assertThat(task.path("stage").asString()).isEqualTo("lead");
        assertThat(task.path("status").asString()).isEqualTo("open");
        assertThat(task.path("assignee").path("username").asString()).isEqualTo("manager1");
        assertThat(task.path("createdBy").path("name").asString()).isEqualTo("Система");
        assertThat(task.path("link").path("type").asString()).isEqualTo("deal");
        assertThat(task.path("link").path("name").asString()).isEqualTo("Втормет (проверено)");
        Instant due = Instant.parse(task.path("dueAt").asString());
        assertThat(due).isBetween(Instant.now().plus(Duration.ofMinutes(110)), Instant.now().plus(Duration.ofMinutes(121)));

        // the task is done: now a late redelivery would find the deal without an open task —
        // and must still create nothing, whether it is the same record or re-sent under a new event id
        api.as("manager1").post("/api/tasks/" + task.path("id").asString() + "/complete", Map.of("result", "Квалифицирован"));
        TaskApiFixture.publish(Topics.DEAL, created);
        TaskApiFixture.publish(Topics.DEAL, new EventEnvelope<>(UUID.randomUUID(), created.eventType(), created.aggregateId(), 0,
                created.occurredAt(), created.actor(), created.payload()));
        awaitApplied(dealId, 2, "Втормет (проверено дважды)");

        assertThat(jdbc.queryForObject("SELECT count(*) FROM task_state WHERE link_id = ?", Integer.class, dealId)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM processed_event WHERE event_id = ?", Integer.class, created.eventId())).isEqualTo(1);
        assertThat(tasksOfDeal("manager1", dealId).path("total").asInt()).isEqualTo(1);
    }

    private JsonNode taskWithText(String user, UUID dealId, String prefix) {
        for (JsonNode task : tasksOfDeal(user, dealId).path("items")) {
            if (task.path("text").asString().startsWith(prefix)) {
                return task;
            }
        }
        throw new AssertionError("no task starting with " + prefix);
    }

    @Test
    void aDealLeavingAStageClosesThatStagesTaskAsStagePassedAndAManualTaskKeepsTheNextOneAway() {
        UUID dealId = UUID.randomUUID();
        String manager1 = idOf("manager1");
        publishDeal(dealId, 0, new DealCreated(dealId, "Металлобаза", "scrap", "lead", manager1, "manual", Instant.now(), null, null, null));
        await().atMost(PATIENCE).until(() -> tasksOfDeal("manager1", dealId).path("total").asInt() == 1);
        String leadTask = tasksOfDeal("manager1", dealId).path("items").get(0).path("id").asString();
        String manualTask = api.taskOf("manager1", "text", "Отправить прайс", "link", Map.of("type", "deal", "id", dealId.toString()))
                .path("id").asString();

        publishDeal(dealId, 1, new DealStageChanged(dealId, "scrap", "lead", "qualified", manager1));
        awaitApplied(dealId, 2, "Металлобаза (квалифицирован)");

        JsonNode passed = api.as("manager1").get("/api/tasks/" + leadTask).json();
        assertThat(passed.path("status").asString()).isEqualTo("done");
        assertThat(passed.path("result").asString()).isEqualTo("Этап пройден");
        assertThat(passed.path("completedBy").path("name").asString()).isEqualTo("Система");
        assertThat(api.as("manager1").get("/api/tasks/" + manualTask).json().path("status").asString())
                .as("a task a person set is theirs to close").isEqualTo("open");
        assertThat(tasksOfDeal("manager1", dealId).path("total").asInt()).as("the manual task is open: no new stage task").isEqualTo(2);

        api.as("manager1").post("/api/tasks/" + manualTask + "/complete", Map.of("result", "Прайс отправлен"));
        assertThat(dealsWithoutTask("manager1")).as("listed at once").contains(dealId.toString());

        publishDeal(dealId, 3, new DealStageChanged(dealId, "scrap", "qualified", "offer", manager1));
        await().atMost(PATIENCE).until(() -> taskWithTextPresent(dealId, "Договориться о первой поставке"));
        assertThat(dealsWithoutTask("manager1")).doesNotContain(dealId.toString());
        JsonNode offerTask = taskWithText("manager1", dealId, "Договориться о первой поставке");
        assertThat(offerTask.path("status").asString()).isEqualTo("open");

        publishDeal(dealId, 4, new DealStageChanged(dealId, "scrap", "offer", "first_delivery", manager1));
        await().atMost(PATIENCE).until(() -> "done".equals(api.as("manager1").get("/api/tasks/" + offerTask.path("id").asString()).json()
                .path("status").asString()));
        assertThat(api.as("manager1").get("/api/tasks/" + offerTask.path("id").asString()).json().path("result").asString())
                .isEqualTo("Этап пройден");
    }

    private boolean taskWithTextPresent(UUID dealId, String prefix) {
        return TaskApiFixture.each(tasksOfDeal("manager1", dealId).path("items"), "text").stream().anyMatch(t -> t.startsWith(prefix));
    }

    @Test
    void closingADealClosesItsOpenTasksWithTheOutcomeAndTheLossReason() {
        UUID dealId = UUID.randomUUID();
        String manager1 = idOf("manager1");
        publishDeal(dealId, 0, new DealCreated(dealId, "Закрытие", "scrap", "lead", manager1, "manual", Instant.now(), null, null, null));
        await().atMost(PATIENCE).until(() -> tasksOfDeal("manager1", dealId).path("total").asInt() == 1);
        String manualTask = api.taskOf("manager1", "link", Map.of("type", "deal", "id", dealId.toString())).path("id").asString();
        String doneBefore = api.taskOf("manager1", "link", Map.of("type", "deal", "id", dealId.toString())).path("id").asString();
        api.as("manager1").post("/api/tasks/" + doneBefore + "/complete", Map.of("result", "Дозвонился"));

        publishDeal(dealId, 1, new DealClosed(dealId, "scrap", "lead", "lost", "Сдаёт конкурентам", manager1));

        await().atMost(PATIENCE).until(() -> api.as("manager1").get("/api/tasks?dealId=" + dealId + "&status=open").json()
                .path("total").asInt() == 0);
        JsonNode tasks = tasksOfDeal("manager1", dealId).path("items");
        assertThat(TaskApiFixture.each(tasks, "status")).containsOnly("done");
        assertThat(api.as("manager1").get("/api/tasks/" + manualTask).json().path("result").asString())
                .isEqualTo("Сделка закрыта и не реализована: Сдаёт конкурентам");
        assertThat(api.as("manager1").get("/api/tasks/" + doneBefore).json().path("result").asString())
                .as("what a person wrote stays").isEqualTo("Дозвонился");
        JsonNode history = api.as("admin").get("/api/tasks/" + manualTask + "/history").json().path("items");
        assertThat(history.get(0).path("type").asString()).isEqualTo("TaskCompleted");
        assertThat(history.get(0).path("actor").path("name").asString()).isEqualTo("Система");
    }

    @Test
    void aQuietPermanentClientMovedByTheSystemGetsItsNotDeliveringTaskEvenWithAnOpenTask() {
        UUID dealId = UUID.randomUUID();
        String head2 = idOf("head2");
        publishDeal(dealId, 0, new DealCreated(dealId, "Постоянный", "permanent", "handed_over", head2, "promotion", Instant.now(), null, null,
                null));
        await().atMost(PATIENCE).until(() -> tasksOfDeal("head2", dealId).path("total").asInt() == 1);

        TaskApiFixture.publish(Topics.DEAL, new EventEnvelope<>(UUID.randomUUID(), "DealStageChanged", dealId.toString(), 1, Instant.now(),
                EventEnvelope.SYSTEM_ACTOR, new DealStageChanged(dealId, "permanent", "handed_over", "not_delivering", head2)));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(TaskApiFixture.each(tasksOfDeal("head2", dealId).path("items"), "text"))
                .hasSize(2).anySatisfy(text -> assertThat(text).startsWith("Выяснить причину")));
    }

    @Test
    void aClosedDealGetsNoNewTaskAndLeavesTheListOfDealsWithoutTask() {
        UUID dealId = UUID.randomUUID();
        String manager1 = idOf("manager1");
        publishDeal(dealId, 0, new DealCreated(dealId, "Лом-Сервис", "scrap", "lead", manager1, "manual", Instant.now(), null, null, null));
        await().atMost(PATIENCE).until(() -> tasksOfDeal("manager1", dealId).path("total").asInt() == 1);
        String task = tasksOfDeal("manager1", dealId).path("items").get(0).path("id").asString();
        api.as("manager1").post("/api/tasks/" + task + "/complete", Map.of("result", "Не сдаёт лом"));
        assertThat(dealsWithoutTask("manager1")).contains(dealId.toString());

        publishDeal(dealId, 1, new DealClosed(dealId, "scrap", "lead", "lost", "Нет лома", manager1));
        await().atMost(PATIENCE).until(() -> !dealsWithoutTask("manager1").contains(dealId.toString()));
        awaitApplied(dealId, 2, "Лом-Сервис (закрыта)");
        assertThat(tasksOfDeal("manager1", dealId).path("total").asInt()).isEqualTo(1);
    }

    @Test
    void theBoardLearnsWhenADealGainsAndLosesItsLastOpenTask() {
        UUID dealId = TaskApiFixture.dealOf("manager1", "Чермет-Юг");
        var gained = taskTopic.await(r -> r.key().equals(dealId.toString()) && r.value().contains("\"DealTaskStatusChanged\""), PATIENCE);
        var status = EventJson.read(gained.value());
        assertThat(status.payload().path("hasOpenTask").asBoolean()).isTrue();
        assertThat(status.payload().path("openTasks").asInt()).isEqualTo(1);
        assertThat(status.aggregateId()).isEqualTo(dealId.toString());

        await().atMost(PATIENCE).until(() -> tasksOfDeal("manager1", dealId).path("total").asInt() == 1);
        String task = tasksOfDeal("manager1", dealId).path("items").get(0).path("id").asString();
        api.as("manager1").post("/api/tasks/" + task + "/complete", Map.of("result", "Отказ"));

        var lost = taskTopic.await(r -> r.key().equals(dealId.toString()) && r.value().contains("\"DealTaskStatusChanged\"")
                && EventJson.read(r.value()).aggregateVersion() > status.aggregateVersion(), PATIENCE);
        assertThat(EventJson.read(lost.value()).payload().path("hasOpenTask").asBoolean()).isFalse();
        assertThat(EventJson.read(lost.value()).payload().path("openTasks").asInt()).isZero();
        assertThat(taskTopic.seen().stream().filter(r -> r.key().equals(task) && r.value().contains("\"TaskCompleted\""))).hasSize(1);
    }

    @Test
    void theBoardLearnsWhenTheDealsNearestTaskFallsDueAndWhenItIsMoved() {
        UUID dealId = TaskApiFixture.dealOf("manager1", "Сроки-Север");
        await().atMost(PATIENCE).until(() -> tasksOfDeal("manager1", dealId).path("total").asInt() == 1);
        JsonNode stageTask = tasksOfDeal("manager1", dealId).path("items").get(0);
        var first = taskTopic.await(r -> r.key().equals(dealId.toString()) && r.value().contains("\"DealTaskStatusChanged\""), PATIENCE);
        assertThat(Instant.parse(EventJson.read(first.value()).payload().path("nearestDeadline").asString()))
                .isEqualTo(Instant.parse(stageTask.path("dueAt").asString()));

        Instant later = Instant.parse(stageTask.path("dueAt").asString()).plus(Duration.ofDays(3));
        assertThat(api.as("manager1").post("/api/tasks/" + stageTask.path("id").asString() + "/reschedule", Map.of("dueAt", later.toString()))
                .status()).isEqualTo(200);

        var moved = taskTopic.await(r -> r.key().equals(dealId.toString()) && r.value().contains("\"DealTaskStatusChanged\"")
                && EventJson.read(r.value()).aggregateVersion() > EventJson.read(first.value()).aggregateVersion(), PATIENCE);
        assertThat(EventJson.read(moved.value()).payload().path("openTasks").asInt()).isEqualTo(1);
        assertThat(Instant.parse(EventJson.read(moved.value()).payload().path("nearestDeadline").asString())).isEqualTo(later);
    }

    @Test
    void aDealGivenToAnotherDepartmentTakesItsOpenTasksAlong() {
        UUID dealId = TaskApiFixture.dealOf("manager1", "Передача");
        await().atMost(PATIENCE).until(() -> tasksOfDeal("manager1", dealId).path("total").asInt() == 1);
        String task = tasksOfDeal("manager1", dealId).path("items").get(0).path("id").asString();

        publishDeal(dealId, 1, new DealOwnerChanged(dealId, idOf("manager1"), idOf("client1")));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(api.as("client1").get("/api/tasks/" + task).json()
                .path("assignee").path("username").asString()).isEqualTo("client1"));
        assertThat(api.as("manager1").get("/api/tasks/" + task).status()).isEqualTo(404);
        JsonNode history = api.as("admin").get("/api/tasks/" + task + "/history").json().path("items");
        assertThat(history.get(0).path("type").asString()).isEqualTo("TaskReassigned");
        assertThat(history.get(0).path("changes").path("reason").path("to").asString()).isEqualTo("deal-owner-changed");
    }

    @Test
    void tasksAboutAMergedContactAreNowAboutTheSurvivor() {
        UUID survivor = UUID.randomUUID();
        UUID merged = UUID.randomUUID();
        TaskApiFixture.publishParty(survivor, new ContactCreated(survivor, "Пётр Сидоров", List.of(), List.of(), idOf("manager1")));
        TaskApiFixture.publishParty(merged, new ContactCreated(merged, "Пётр Сидоров (дубль)", List.of(), List.of(), idOf("manager1")));
        String task = api.taskOf("manager1", "link", Map.of("type", "contact", "id", merged.toString())).path("id").asString();

        TaskApiFixture.publishParty(survivor, new PartiesMerged(survivor, merged, "contact", "дубль"));

        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode link = api.as("manager1").get("/api/tasks/" + task).json().path("link");
            assertThat(link.path("id").asString()).isEqualTo(survivor.toString());
            assertThat(link.path("name").asString()).isEqualTo("Пётр Сидоров");
        });
        assertThat(TaskApiFixture.ids(api.as("manager1").get("/api/tasks?contactId=" + survivor))).contains(task);
    }

    @Test
    void aStageWithoutATemplateGivesNoTaskAndTheDealIsListedWithoutOne() {
        var removed = api.as("admin").delete("/api/tasks/templates/permanent/delivering");
        assertThat(removed.status()).as(removed.toString()).isEqualTo(204);
        try {
            UUID dealId = UUID.randomUUID();
            String client1 = idOf("client1");
            publishDeal(dealId, 0, new DealCreated(dealId, "Постоянный", "permanent", "delivering", client1, "promotion", Instant.now(), null,
                    null, null));
            await().atMost(PATIENCE).until(() -> dealsWithoutTask("client1").contains(dealId.toString()));
            assertThat(tasksOfDeal("client1", dealId).path("total").asInt()).isZero();
            assertThat(dealsWithoutTask("head2")).contains(dealId.toString());
            assertThat(dealsWithoutTask("head")).doesNotContain(dealId.toString());
            assertThat(dealsWithoutTask("manager1")).doesNotContain(dealId.toString());
        } finally {
            api.as("admin").put("/api/tasks/templates/permanent/delivering",
                    Map.of("text", "Созвониться с клиентом: уточнить объёмы и дату следующей поставки", "type", "call", "dueOffsetMinutes", 20160));
        }
    }

}
