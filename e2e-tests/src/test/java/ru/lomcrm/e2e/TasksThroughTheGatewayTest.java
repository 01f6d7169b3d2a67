package ru.lomcrm.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import ru.lomcrm.platform.testing.ApiClient;
import ru.lomcrm.platform.testing.Tokens;

/**
 * Rule 3 across the running system, through the gateway with real tokens: a new deal gets its
 * Лид task for its owner (deal-service → Kafka → task-service); completing the deal's last task
 * lists the deal among the deals without a task at once, and the board learns it
 * (task-service → Kafka → deal-service).
 */
class TasksThroughTheGatewayTest {

    /** Generous: on a first start task-service may still be catching up with every earlier deal. */
    private static final Duration PATIENCE = Duration.ofSeconds(180);
    private final ApiClient gateway = ApiClient.at(System.getProperty("crm.gateway-url", "http://localhost:8080"));

    private ApiClient as(String user) {
        return gateway.withToken(Tokens.of(KeycloakUrl.get(), user, "demo-" + user));
    }

    private static List<String> ids(JsonNode items, String field) {
        List<String> values = new ArrayList<>();
        items.forEach(item -> values.add(item.path(field).asString()));
        return values;
    }

    @Test
    void aNewDealGetsItsLeadTaskAndWithoutItIsListedAndFlagged() {
        String title = "Задачи e2e " + UUID.randomUUID().toString().substring(0, 8);
        var created = as("manager1").post("/api/deals", Map.of("title", title, "expectedMonthlyVolumeT", 15));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String dealId = created.json().path("id").asString();

        await().atMost(PATIENCE).until(() -> as("manager1").get("/api/tasks?dealId=" + dealId).json().path("total").asInt() > 0);
        JsonNode tasks = as("manager1").get("/api/tasks?dealId=" + dealId).json();
        assertThat(tasks.path("total").asInt()).isEqualTo(1);
        JsonNode task = tasks.path("items").get(0);
        String taskId = task.path("id").asString();
        assertThat(task.path("text").asString()).startsWith("Квалифицировать по анкете");
        assertThat(task.path("status").asString()).isEqualTo("open");
        assertThat(task.path("source").asString()).isEqualTo("business-process");
        assertThat(task.path("assignee").path("username").asString()).isEqualTo("manager1");
        assertThat(task.path("link").path("name").asString()).isEqualTo(title);
        await().atMost(PATIENCE).until(() -> as("manager1").get("/api/deals/" + dealId).json().path("hasOpenTask").asBoolean(false));

        assertThat(as("head").get("/api/tasks/" + taskId).status()).isEqualTo(200);
        assertThat(as("manager2").get("/api/tasks/" + taskId).status()).isEqualTo(404);
        assertThat(as("head2").get("/api/tasks/" + taskId).status()).isEqualTo(404);

        var noResult = as("manager1").post("/api/tasks/" + taskId + "/complete", Map.of("result", ""));
        assertThat(noResult.status()).isEqualTo(400);
        assertThat(noResult.isProblem()).isTrue();
        var done = as("manager1").post("/api/tasks/" + taskId + "/complete", Map.of("result", "Квалифицирован: стружка, 15 т в месяц, вывоз"));
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        assertThat(done.json().path("status").asString()).isEqualTo("done");

        var withoutTask = as("manager1").get("/api/tasks/deals-without-task?q=" + title.replace(" ", "%20")).json();
        assertThat(ids(withoutTask.path("items"), "dealId")).as("listed at once").containsExactly(dealId);
        assertThat(ids(as("head").get("/api/tasks/deals-without-task?size=500&q=" + title.replace(" ", "%20")).json().path("items"), "dealId"))
                .containsExactly(dealId);
        assertThat(as("manager2").get("/api/tasks/deals-without-task?q=" + title.replace(" ", "%20")).json().path("total").asInt()).isZero();
        await().atMost(PATIENCE).until(() -> !as("manager1").get("/api/deals/" + dealId).json().path("hasOpenTask").asBoolean(true));

        // a new task about the deal takes it off the list again
        var next = as("manager1").post("/api/tasks", Map.of("text", "Сделать предложение по цене", "type", "call",
                "dueAt", Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString(),
                "link", Map.of("type", "deal", "id", dealId)));
        assertThat(next.status()).as(next.toString()).isEqualTo(201);
        assertThat(as("manager1").get("/api/tasks/deals-without-task?q=" + title.replace(" ", "%20")).json().path("total").asInt()).isZero();
        await().atMost(PATIENCE).until(() -> as("manager1").get("/api/deals/" + dealId).json().path("hasOpenTask").asBoolean(false));
    }

    @Test
    void theBoardMarksADealWhoseNearestTaskIsOverdueAndClearsTheMarkWhenItIsMoved() {
        String title = "Просрочка e2e " + UUID.randomUUID().toString().substring(0, 8);
        var created = as("manager1").post("/api/deals", Map.of("title", title));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String dealId = created.json().path("id").asString();
        await().atMost(PATIENCE).until(() -> as("manager1").get("/api/tasks?dealId=" + dealId).json().path("total").asInt() > 0);
        String taskId = as("manager1").get("/api/tasks?dealId=" + dealId).json().path("items").get(0).path("id").asString();
        await().atMost(PATIENCE).until(() -> as("manager1").get("/api/deals/" + dealId).json().path("hasOpenTask").asBoolean(false));
        assertThat(as("manager1").get("/api/deals/" + dealId).json().path("taskOverdue").asBoolean(true)).isFalse();

        Instant yesterday = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        var late = as("manager1").post("/api/tasks/" + taskId + "/reschedule", Map.of("dueAt", yesterday.toString()));
        assertThat(late.status()).as(late.toString()).isEqualTo(200);
        await().atMost(PATIENCE).until(() -> boardCard(dealId).path("taskOverdue").asBoolean(false));
        assertThat(Instant.parse(boardCard(dealId).path("nearestTaskDue").asString())).isEqualTo(yesterday);

        Instant tomorrow = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        as("manager1").post("/api/tasks/" + taskId + "/reschedule", Map.of("dueAt", tomorrow.toString()));
        await().atMost(PATIENCE).until(() -> !boardCard(dealId).path("taskOverdue").asBoolean(true));
    }

    private JsonNode boardCard(String dealId) {
        for (JsonNode stage : as("manager1").get("/api/funnels/scrap/board?stage=lead&limit=500").json().path("stages")) {
            for (JsonNode deal : stage.path("deals")) {
                if (deal.path("id").asString().equals(dealId)) {
                    return deal;
                }
            }
        }
        return as("manager1").get("/api/deals/" + dealId).json();
    }

    @Test
    void aManagerPlansADayInTheCalendar() {
        LocalDate day = LocalDate.now(ZoneId.of("Europe/Moscow")).plusDays(3);
        var allDay = as("manager2").post("/api/tasks", Map.of("text", "Сверка с бухгалтерией", "type", "letter", "dueDate", day.toString()));
        assertThat(allDay.status()).as(allDay.toString()).isEqualTo(201);
        var timed = as("manager2").post("/api/tasks", Map.of("text", "Встреча на площадке", "type", "meeting",
                "dueAt", day.atTime(10, 0).atZone(ZoneId.of("Europe/Moscow")).toInstant().toString()));
        assertThat(timed.status()).as(timed.toString()).isEqualTo(201);

        JsonNode calendar = as("manager2").get("/api/tasks/calendar?view=day&date=" + day).json();
        List<String> onTheDay = ids(calendar.path("days").get(0).path("items"), "id");
        assertThat(onTheDay).contains(allDay.json().path("id").asString(), timed.json().path("id").asString());
        assertThat(onTheDay.indexOf(allDay.json().path("id").asString())).isLessThan(onTheDay.indexOf(timed.json().path("id").asString()));
        assertThat(as("manager1").get("/api/tasks/" + timed.json().path("id").asString()).status()).isEqualTo(404);
    }
}
