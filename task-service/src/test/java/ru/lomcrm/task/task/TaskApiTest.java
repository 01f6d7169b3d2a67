package ru.lomcrm.task.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import ru.lomcrm.platform.testing.ApiClient;
import ru.lomcrm.platform.testing.CrmServiceTest;
import ru.lomcrm.task.TaskApiFixture;

import static ru.lomcrm.task.TaskApiFixture.ids;

/** The task API on the running service: what a manager does with tasks in a day, and what it refuses. */
@CrmServiceTest(database = "crm_task")
class TaskApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    private TaskApiFixture api;

    @BeforeEach
    void setUp() {
        api = new TaskApiFixture(port);
    }

    private long eventCount() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }

    @Test
    void aNewTaskIsTheCreatorsOpenTaskWithEverythingFilledIn() {
        String due = TaskApiFixture.tomorrow();
        var created = api.as("manager1").post("/api/tasks", Map.of("text", "  Позвонить в Втормет  ", "type", "meeting", "dueAt", due));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode task = created.json();
        assertThat(created.location()).contains("/api/tasks/" + task.path("id").asString());
        assertThat(task.path("text").asString()).isEqualTo("Позвонить в Втормет");
        assertThat(task.path("type").asString()).isEqualTo("meeting");
        assertThat(task.path("typeName").asString()).isEqualTo("Встреча");
        assertThat(task.path("status").asString()).isEqualTo("open");
        assertThat(Instant.parse(task.path("dueAt").asString())).isEqualTo(Instant.parse(due));
        assertThat(task.path("allDay").asBoolean()).isFalse();
        assertThat(task.path("assignee").path("username").asString()).isEqualTo("manager1");
        assertThat(task.path("createdBy").path("username").asString()).isEqualTo("manager1");
        assertThat(task.path("source").asString()).isEqualTo("manual");
        assertThat(task.has("link")).isFalse();

        var card = api.as("manager1").get("/api/tasks/" + task.path("id").asString());
        assertThat(card.etag()).contains("\"0\"");
        assertThat(card.json().path("history").get(0).path("type").asString()).isEqualTo("TaskCreated");
    }

    @Test
    void anAllDayTaskIsDueOnItsDateInMoscowUnlessAnotherZoneIsNamed() {
        JsonNode moscow = api.taskOf("manager1", "dueAt", null, "dueDate", "2030-03-08");
        assertThat(moscow.path("allDay").asBoolean()).isTrue();
        assertThat(moscow.path("dueDate").asString()).isEqualTo("2030-03-08");
        assertThat(moscow.path("timeZone").asString()).isEqualTo("Europe/Moscow");
        assertThat(moscow.path("deadline").asString()).isEqualTo("2030-03-08T21:00:00Z");
        assertThat(moscow.has("dueAt")).isFalse();

        JsonNode vladivostok = api.taskOf("manager1", "dueAt", null, "dueDate", "2030-03-08", "timeZone", "Asia/Vladivostok");
        assertThat(vladivostok.path("deadline").asString()).isEqualTo("2030-03-08T14:00:00Z");
    }

    @Test
    void aTaskIsDoneWithAResultReopenedRescheduledAndDeletedKeepingItsHistory() {
        String id = api.taskOf("manager1", "text", "Согласовать цену").path("id").asString();
        var manager1 = api.as("manager1");

        var noResult = manager1.post("/api/tasks/" + id + "/complete", Map.of("result", "   "));
        assertThat(noResult.status()).isEqualTo(400);
        assertThat(noResult.isProblem()).isTrue();
        assertThat(noResult.json().path("errors").findValuesAsString("field")).containsExactly("result");

        var done = manager1.post("/api/tasks/" + id + "/complete", Map.of("result", "Цена 24 000 ₽/т, согласен"));
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.json().path("status").asString()).isEqualTo("done");
        assertThat(done.json().path("result").asString()).isEqualTo("Цена 24 000 ₽/т, согласен");
        assertThat(done.json().path("completedBy").path("username").asString()).isEqualTo("manager1");
        assertThat(manager1.post("/api/tasks/" + id + "/complete", Map.of("result", "ещё раз")).status()).isEqualTo(409);
        assertThat(manager1.post("/api/tasks/" + id + "/reschedule", Map.of("dueAt", TaskApiFixture.tomorrow())).status()).isEqualTo(409);

        var reopened = manager1.post("/api/tasks/" + id + "/reopen", Map.of());
        assertThat(reopened.json().path("status").asString()).isEqualTo("open");
        assertThat(reopened.json().has("result")).isFalse();

        var moved = manager1.post("/api/tasks/" + id + "/reschedule", Map.of("dueDate", "2030-01-15"));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moved.json().path("dueDate").asString()).isEqualTo("2030-01-15");

        assertThat(manager1.delete("/api/tasks/" + id).status()).isEqualTo(204);
        assertThat(manager1.get("/api/tasks/" + id).status()).isEqualTo(404);
        assertThat(ids(manager1.get("/api/tasks?size=500"))).doesNotContain(id);
        assertThat(manager1.post("/api/tasks/" + id + "/complete", Map.of("result", "да")).status()).isEqualTo(404);

        JsonNode history = manager1.get("/api/tasks/" + id + "/history").json().path("items");
        assertThat(TaskApiFixture.each(history, "type")).containsExactly("TaskDeleted", "TaskRescheduled", "TaskReopened", "TaskCompleted",
                "TaskCreated");
        assertThat(history.get(3).path("changes").path("result").path("to").asString()).isEqualTo("Цена 24 000 ₽/т, согласен");
        assertThat(history.get(1).path("changes").path("due").path("to").asString()).isEqualTo("2030-01-15");
        assertThat(history.get(0).path("actor").path("username").asString()).isEqualTo("manager1");
    }

    @Test
    void anEditChangesOnlyWhatIsSentAndNullUnlinks() {
        UUID contact = UUID.randomUUID();
        TaskApiFixture.publishParty(contact, new ru.lomcrm.contracts.party.ContactCreated(contact, "Иван Петров", List.of(), List.of(),
                TaskApiFixture.idOf("manager1")));
        String id = api.taskOf("manager1", "text", "Отправить прайс", "type", "letter",
                "link", Map.of("type", "contact", "id", contact.toString())).path("id").asString();
        assertThat(api.as("manager1").get("/api/tasks/" + id).json().path("link").path("name").asString()).isEqualTo("Иван Петров");

        var edited = api.as("manager1").patch("/api/tasks/" + id, Map.of("text", "Отправить прайс и договор"));
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        assertThat(edited.json().path("type").asString()).isEqualTo("letter");
        assertThat(edited.json().path("link").path("id").asString()).isEqualTo(contact.toString());

        Map<String, Object> unlink = new HashMap<>();
        unlink.put("link", null);
        var unlinked = api.as("manager1").patch("/api/tasks/" + id, unlink);
        assertThat(unlinked.status()).as(unlinked.toString()).isEqualTo(200);
        assertThat(unlinked.json().has("link")).isFalse();
        assertThat(unlinked.json().path("text").asString()).isEqualTo("Отправить прайс и договор");
    }

    @Test
    void twoEditorsOfTheSameVersionOneWinsTheOtherGets409() throws Exception {
        String id = api.taskOf("manager1").path("id").asString();
        var manager1 = api.as("manager1");
        String version = manager1.get("/api/tasks/" + id).etag().orElseThrow();

        var start = new CountDownLatch(1);
        var first = CompletableFuture.supplyAsync(() -> after(start, () -> manager1.patch("/api/tasks/" + id, Map.of("text", "первый"), "If-Match", version)));
        var second = CompletableFuture.supplyAsync(() -> after(start, () -> manager1.patch("/api/tasks/" + id, Map.of("text", "второй"), "If-Match", version)));
        start.countDown();

        assertThat(List.of(first.get().status(), second.get().status())).containsExactlyInAnyOrder(200, 409);
        String kept = manager1.get("/api/tasks/" + id).json().path("text").asString();
        assertThat(kept).isEqualTo(first.get().status() == 200 ? "первый" : "второй");
    }

    private static ApiClient.Response after(CountDownLatch start, Supplier<ApiClient.Response> call) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return call.get();
    }

    @Test
    void theListFiltersSortsAndPages() {
        String marker = "Фильтр-" + UUID.randomUUID();
        Instant base = Instant.now().plus(400, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        String late = api.taskOf("manager1", "text", marker + " поздняя", "dueAt", base.plus(2, ChronoUnit.DAYS).toString()).path("id").asString();
        String early = api.taskOf("manager1", "text", marker + " ранняя", "type", "letter", "dueAt", base.toString()).path("id").asString();
        String done = api.taskOf("manager1", "text", marker + " сделанная", "dueAt", base.plus(1, ChronoUnit.DAYS).toString()).path("id").asString();
        api.as("manager1").post("/api/tasks/" + done + "/complete", Map.of("result", "готово"));
        var manager1 = api.as("manager1");
        String q = "q=" + marker;

        assertThat(ids(manager1.get("/api/tasks?" + q))).containsExactly(early, done, late);
        assertThat(ids(manager1.get("/api/tasks?" + q + "&sort=dueAt&direction=desc")))
                .containsExactly(late, done, early);
        assertThat(ids(manager1.get("/api/tasks?" + q + "&status=open"))).containsExactly(early, late);
        assertThat(ids(manager1.get("/api/tasks?" + q + "&status=done"))).containsExactly(done);
        assertThat(ids(manager1.get("/api/tasks?" + q + "&type=letter"))).containsExactly(early);
        assertThat(ids(manager1.get("/api/tasks?" + q + "&from=" + base.plus(1, ChronoUnit.HOURS) + "&to=" + base.plus(3, ChronoUnit.DAYS))))
                .containsExactly(done, late);
        JsonNode page = manager1.get("/api/tasks?" + q + "&size=2&page=1").json();
        assertThat(page.path("total").asInt()).isEqualTo(3);
        assertThat(TaskApiFixture.each(page.path("items"), "id")).containsExactly(late);
        assertThat(manager1.get("/api/tasks?" + q + "&assigneeId=" + TaskApiFixture.idOf("manager2")).json().path("total").asInt()).isZero();
    }

    @Test
    void badInputGets4xxProblemsInRussianAndStoresNothing() {
        long events = eventCount();
        var manager1 = api.as("manager1");
        String due = TaskApiFixture.tomorrow();

        var blank = manager1.post("/api/tasks", Map.of("text", " ", "dueAt", due));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.isProblem()).isTrue();
        assertThat(blank.json().path("errors").get(0).path("field").asString()).isEqualTo("text");
        assertThat(blank.json().path("detail").asString()).contains("Проверьте поля");

        var tooLong = manager1.post("/api/tasks", Map.of("text", "я".repeat(2001), "dueAt", due));
        assertThat(tooLong.status()).isEqualTo(400);

        var noDue = manager1.post("/api/tasks", Map.of("text", "Позвонить"));
        assertThat(noDue.status()).isEqualTo(422);
        assertThat(noDue.json().path("code").asString()).isEqualTo("due-required");
        assertThat(noDue.json().path("detail").asString()).isEqualTo("Укажите срок: время (dueAt) или день без времени (dueDate).");

        var both = manager1.post("/api/tasks", Map.of("text", "Позвонить", "dueAt", due, "dueDate", "2030-01-01"));
        assertThat(both.status()).isEqualTo(422);

        var unknownType = manager1.post("/api/tasks", Map.of("text", "Позвонить", "dueAt", due, "type", "telegram"));
        assertThat(unknownType.status()).isEqualTo(422);
        assertThat(unknownType.json().path("errors").get(0).path("field").asString()).isEqualTo("type");

        var badZone = manager1.post("/api/tasks", Map.of("text", "Позвонить", "dueDate", "2030-01-01", "timeZone", "Марс/Олимп"));
        assertThat(badZone.status()).isEqualTo(422);
        assertThat(badZone.json().path("detail").asString()).contains("часовой пояс");

        var badLink = manager1.post("/api/tasks", Map.of("text", "Позвонить", "dueAt", due, "link", Map.of("type", "lead", "id", UUID.randomUUID())));
        assertThat(badLink.status()).isEqualTo(400);
        assertThat(badLink.json().path("errors").get(0).path("field").asString()).isEqualTo("link.type");

        var unknownDeal = manager1.post("/api/tasks", Map.of("text", "Позвонить", "dueAt", due, "link", Map.of("type", "deal", "id", UUID.randomUUID())));
        assertThat(unknownDeal.status()).isEqualTo(422);
        assertThat(unknownDeal.json().path("detail").asString()).isEqualTo("Сделка не найдена.");

        var notADate = manager1.postRaw("/api/tasks", "{\"text\": \"Позвонить\", \"dueAt\": \"завтра\"}");
        assertThat(notADate.status()).isEqualTo(400);
        assertThat(notADate.isProblem()).isTrue();

        var notJson = manager1.postRaw("/api/tasks", "{\"text\": ");
        assertThat(notJson.status()).isEqualTo(400);

        var nul = manager1.postRaw("/api/tasks", "{\"text\": \"Лом\\u0000\", \"dueAt\": \"" + due + "\"}");
        assertThat(nul.status()).isEqualTo(400);

        var past2100 = manager1.post("/api/tasks", Map.of("text", "Позвонить", "dueAt", "2100-01-01T00:00:00Z"));
        assertThat(past2100.status()).isEqualTo(422);
        var farFuture = manager1.postRaw("/api/tasks", "{\"text\": \"Позвонить\", \"dueAt\": \"+300000-01-01T00:00:00Z\"}");
        assertThat(farFuture.status()).isIn(400, 422);

        assertThat(manager1.get("/api/tasks/не-uuid").status()).isEqualTo(400);
        assertThat(manager1.get("/api/tasks/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(manager1.post("/api/tasks/" + UUID.randomUUID() + "/complete", Map.of("result", "да")).status()).isEqualTo(404);
        assertThat(manager1.get("/api/tasks?status=someday").status()).isEqualTo(400);
        assertThat(manager1.get("/api/tasks?sort=priority").status()).isEqualTo(400);
        assertThat(manager1.get("/api/tasks?size=100000").status()).isEqualTo(400);
        assertThat(manager1.get("/api/tasks?from=вчера").status()).isEqualTo(400);
        assertThat(manager1.get("/api/tasks?q=%00").status()).isEqualTo(400);
        assertThat(manager1.get("/api/tasks?dealId=123").status()).isEqualTo(400);

        String id = api.taskOf("manager1").path("id").asString();
        long afterOne = eventCount();
        var wrongPatch = manager1.patch("/api/tasks/" + id, Map.of("text", List.of("a")));
        assertThat(wrongPatch.status()).isEqualTo(400);
        assertThat(wrongPatch.json().path("errors").get(0).path("field").asString()).isEqualTo("text");
        assertThat(manager1.patch("/api/tasks/" + id, List.of(1)).status()).isEqualTo(400);
        assertThat(manager1.patch("/api/tasks/" + id, Map.of("text", "x"), "If-Match", "\"abc\"").status()).isEqualTo(422);
        assertThat(manager1.post("/api/tasks/" + id + "/reschedule", Map.of()).status()).isEqualTo(422);
        assertThat(manager1.post("/api/tasks/" + id + "/assignee", Map.of()).status()).isEqualTo(400);
        assertThat(eventCount()).isEqualTo(afterOne);
        assertThat(afterOne).isGreaterThan(events);
    }

    @Test
    void everyEndpointIsInTheOpenApiDocumentWithTheCallerTakenFromTheToken() {
        JsonNode docs = api.anonymous().get("/v3/api-docs").json();
        JsonNode paths = docs.path("paths");
        for (String path : List.of("/api/tasks", "/api/tasks/{id}", "/api/tasks/{id}/complete", "/api/tasks/{id}/reopen",
                "/api/tasks/{id}/reschedule", "/api/tasks/{id}/assignee", "/api/tasks/{id}/history", "/api/tasks/calendar",
                "/api/tasks/deals-without-task", "/api/tasks/types", "/api/tasks/templates", "/api/tasks/templates/{funnel}/{stage}")) {
            assertThat(paths.has(path)).as(path).isTrue();
        }
        assertThat(paths.path("/api/tasks/{id}/complete").path("post").path("summary").asString()).isEqualTo("Выполнить задачу");
        assertThat(paths.toString()).doesNotContain("\"caller\"");
        assertThat(docs.path("components").path("securitySchemes").has("bearer")).isTrue();
    }

    @Test
    void theCalendarRefusesBadRanges() {
        var manager1 = api.as("manager1");
        assertThat(manager1.get("/api/tasks/calendar?from=2030-01-10&to=2030-01-01").status()).isEqualTo(400);
        assertThat(manager1.get("/api/tasks/calendar?from=2030-01-01&to=2030-03-01").status()).isEqualTo(400);
        assertThat(manager1.get("/api/tasks/calendar?from=2030-01-01").status()).isEqualTo(400);
        assertThat(manager1.get("/api/tasks/calendar?view=year").status()).isEqualTo(400);
        assertThat(manager1.get("/api/tasks/calendar?view=day&tz=Moon/Base").status()).isEqualTo(422);
        assertThat(manager1.get("/api/tasks/calendar?from=1.1.2030&to=2.1.2030").status()).isEqualTo(400);
        assertThat(manager1.get("/api/tasks/calendar").status()).isEqualTo(200);
        assertThat(manager1.get("/api/tasks/calendar").json().path("days").size()).isEqualTo(7);
    }

    @Test
    void theTypesAreTheAdminsToKeep() {
        var types = api.as("manager1").get("/api/tasks/types").json().path("items");
        assertThat(types.findValuesAsString("code")).startsWith("call", "meeting", "letter", "follow_up");
        assertThat(types.findValuesAsString("name")).startsWith("Звонок", "Встреча", "Письмо", "Связаться");

        var list = List.of(Map.of("code", "call", "name", "Звонок"), Map.of("code", "meeting", "name", "Встреча"),
                Map.of("code", "letter", "name", "Письмо"), Map.of("code", "follow_up", "name", "Связаться"),
                Map.of("code", "visit", "name", "Выезд на площадку"));
        assertThat(api.as("manager1").put("/api/tasks/types", Map.of("items", list)).status()).isEqualTo(403);
        assertThat(api.as("head").put("/api/tasks/types", Map.of("items", list)).status()).isEqualTo(403);
        var saved = api.as("admin").put("/api/tasks/types", Map.of("items", list));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        assertThat(saved.json().path("items").findValuesAsString("code")).containsExactly("call", "meeting", "letter", "follow_up", "visit");
        String visit = api.taskOf("manager1", "type", "visit").path("id").asString();

        // taking "visit" off the list: old tasks keep its name, new ones cannot use it
        var shorter = api.as("admin").put("/api/tasks/types", Map.of("items", list.subList(0, 4)));
        assertThat(shorter.status()).isEqualTo(200);
        assertThat(api.as("manager1").get("/api/tasks/" + visit).json().path("typeName").asString()).isEqualTo("Выезд на площадку");
        assertThat(api.as("manager1").post("/api/tasks", Map.of("text", "Т", "type", "visit", "dueAt", TaskApiFixture.tomorrow())).status())
                .isEqualTo(422);
        assertThat(api.as("admin").get("/api/tasks/types?all=true").json().path("items").findValuesAsString("code")).contains("visit");

        var withoutCall = api.as("admin").put("/api/tasks/types", Map.of("items", list.subList(1, 4)));
        assertThat(withoutCall.status()).as("call is used by the stage templates").isEqualTo(422);
        assertThat(api.as("admin").put("/api/tasks/types", Map.of("items", List.of())).status()).isEqualTo(400);
        assertThat(api.as("admin").put("/api/tasks/types", Map.of("items", List.of(Map.of("code", "Звонок", "name", "x")))).status())
                .isEqualTo(400);
    }

    @Test
    void theStageTemplatesAreTheAdminsToEdit() {
        JsonNode templates = api.as("manager1").get("/api/tasks/templates").json().path("items");
        assertThat(templates.size()).isGreaterThanOrEqualTo(8);
        JsonNode lead = templates.get(0);
        assertThat(lead.path("funnel").asString()).isEqualTo("scrap");
        assertThat(lead.path("stageName").asString()).isEqualTo("Лид");
        assertThat(lead.path("text").asString()).startsWith("Квалифицировать по анкете");
        assertThat(lead.path("dueOffsetMinutes").asInt()).isEqualTo(120);
        assertThat(templates.findValuesAsString("text")).anySatisfy(t -> assertThat(t).isEqualTo("Выяснить причину, вернуть клиента"));

        var body = Map.of("text", "Квалифицировать по анкете и отправить прайс", "type", "call", "dueOffsetMinutes", 60);
        assertThat(api.as("head").put("/api/tasks/templates/scrap/lead", body).status()).isEqualTo(403);
        var saved = api.as("admin").put("/api/tasks/templates/scrap/lead", body);
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        assertThat(saved.json().path("dueOffsetMinutes").asInt()).isEqualTo(60);
        try {
            assertThat(api.as("admin").put("/api/tasks/templates/scrap/nowhere", body).status()).isEqualTo(404);
            assertThat(api.as("admin").put("/api/tasks/templates/scrap/won", body).status()).isEqualTo(422);
            assertThat(api.as("admin").put("/api/tasks/templates/scrap/lead", Map.of("text", "x", "type", "nope", "dueOffsetMinutes", 1)).status())
                    .isEqualTo(422);
            assertThat(api.as("admin").put("/api/tasks/templates/scrap/lead", Map.of("text", "x", "type", "call", "dueOffsetMinutes", -1)).status())
                    .isEqualTo(400);
        } finally {
            api.as("admin").put("/api/tasks/templates/scrap/lead", Map.of("text",
                    "Квалифицировать по анкете: позвонить, узнать какой лом, объёмы, где находится, доставка или вывоз, условия оплаты",
                    "type", "call", "dueOffsetMinutes", 120));
        }
    }

}
