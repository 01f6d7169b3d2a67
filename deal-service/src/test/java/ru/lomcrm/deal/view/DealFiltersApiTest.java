package ru.lomcrm.deal.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import ru.lomcrm.contracts.EventEnvelope;
import ru.lomcrm.contracts.Topics;
import ru.lomcrm.contracts.task.DealTaskStatusChanged;
import ru.lomcrm.deal.DealApiFixture;
import ru.lomcrm.platform.events.EventJson;
import ru.lomcrm.platform.testing.CrmServiceTest;
import ru.lomcrm.platform.testing.TopicPublisher;

/**
 * The filter of Сделки as amoCRM's users use it: stage, dates, deals without a task or with an
 * overdue one, source, metal grade delivered, delivered tonnage — on the list and on the board
 * alike — and saved filters, one's own and the admin's shared ones.
 */
@CrmServiceTest(database = "crm_deal")
class DealFiltersApiTest {

    @LocalServerPort
    int port;

    private DealApiFixture api;

    @BeforeEach
    void setUp() {
        api = new DealApiFixture(port);
    }

    private List<String> ids(String query) {
        var response = api.as("manager1").get("/api/deals?size=500&" + query);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<String> ids = new java.util.ArrayList<>();
        response.json().path("items").forEach(deal -> ids.add(deal.path("id").asString()));
        return ids;
    }

    private List<String> boardIds(String query) {
        var response = api.as("manager1").get("/api/funnels/scrap/board?limit=200&" + query);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<String> ids = new java.util.ArrayList<>();
        response.json().path("stages").forEach(stage -> stage.path("deals").forEach(deal -> ids.add(deal.path("id").asString())));
        return ids;
    }

    private static void taskStatus(String dealId, boolean open, Instant nearest) {
        UUID id = UUID.fromString(dealId);
        TopicPublisher.publish(Topics.TASK, id, EventJson.write(new EventEnvelope<>(UUID.randomUUID(), "DealTaskStatusChanged", dealId,
                System.nanoTime(), Instant.now(), "u", new DealTaskStatusChanged(id, open, open ? 1 : 0, nearest))));
    }

    @Test
    void theListAndTheBoardFilterByTaskStateGradeTonnageStageAndSource() {
        String tag = "#фильтр " + System.nanoTime();
        String copper = api.dealOf("manager1").path("id").asString();
        String steel = api.dealOf("manager1").path("id").asString();
        String idle = api.dealOf("manager1").path("id").asString();
        for (String id : List.of(copper, steel, idle)) {
            api.as("manager1").post("/api/deals/" + id + "/tags", Map.of("tags", List.of(tag)));
        }
        var copperDelivery = new java.util.HashMap<>(DealApiFixture.delivery("М-1", "1500"));
        copperDelivery.put("grade", "медь");
        assertThat(api.as("manager1").post("/api/deals/" + copper + "/deliveries", copperDelivery).status()).isEqualTo(201);
        assertThat(api.as("manager1").post("/api/deals/" + steel + "/deliveries", DealApiFixture.delivery("С-1", "20000")).status())
                .isEqualTo(201);
        taskStatus(copper, true, Instant.now().minus(Duration.ofHours(2)));
        taskStatus(steel, true, Instant.now().plus(Duration.ofDays(2)));
        taskStatus(idle, false, null);
        String mine = "tags=" + java.net.URLEncoder.encode(tag, java.nio.charset.StandardCharsets.UTF_8);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(ids(mine + "&overdueTask=true")).contains(copper);
            assertThat(ids(mine + "&withoutTask=true")).contains(idle);
        });

        assertThat(ids(mine + "&overdueTask=true")).containsExactly(copper);
        assertThat(ids(mine + "&withoutTask=true")).containsExactly(idle);
        assertThat(ids(mine + "&grade=%D0%BC%D0%B5%D0%B4%D1%8C")).containsExactly(copper);
        assertThat(ids(mine + "&grade=3%D0%90&grade=%D0%BC%D0%B5%D0%B4%D1%8C")).containsExactlyInAnyOrder(copper, steel);
        assertThat(ids(mine + "&deliveredFromT=10")).containsExactly(steel);
        assertThat(ids(mine + "&deliveredFromT=1&deliveredToT=1.5")).containsExactly(copper);
        assertThat(ids(mine + "&stage=first_delivery")).containsExactlyInAnyOrder(copper, steel);
        assertThat(ids(mine + "&stage=lead")).containsExactly(idle);
        assertThat(ids(mine + "&source=manual")).hasSize(3);
        assertThat(ids(mine + "&source=unsorted")).isEmpty();
        assertThat(boardIds(mine + "&overdueTask=true")).containsExactly(copper);
        assertThat(boardIds(mine + "&stage=lead")).containsExactly(idle);
        JsonNode board = api.as("manager1").get("/api/funnels/scrap/board?stage=lead&" + mine).json();
        assertThat(board.path("stages").size()).isEqualTo(1);
        assertThat(board.path("stages").get(0).path("code").asString()).isEqualTo("lead");

        var bad = api.as("manager1").get("/api/deals?deliveredFromT=5&deliveredToT=1");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("errors").findValuesAsString("field")).contains("deliveredToT");
        var notADate = api.as("manager1").get("/api/deals?closedFrom=вчера");
        assertThat(notADate.status()).isEqualTo(400);
        assertThat(notADate.json().path("errors").findValuesAsString("message")).containsExactly("некорректное значение");
    }

    @Test
    void aClosedDealIsFoundByTheDayItWasClosed() {
        String lost = api.dealOf("manager1").path("id").asString();
        Instant before = Instant.now().minus(Duration.ofMinutes(1));
        assertThat(api.as("manager1").post("/api/deals/" + lost + "/stage", Map.of("stage", "lost", "lossReason", "Сдаёт конкурентам"))
                .status()).isEqualTo(200);
        Instant after = Instant.now().plus(Duration.ofMinutes(1));

        assertThat(ids("closedFrom=" + before + "&closedTo=" + after)).contains(lost);
        assertThat(ids("closedTo=" + before)).doesNotContain(lost);
    }

    @Test
    void savedFiltersAreOnesOwnAndTheAdminsSharedOnesForEveryone() {
        String name = "Просроченные " + System.nanoTime();
        var saved = api.as("manager1").post("/api/deals/filters",
                Map.of("name", name, "query", Map.of("overdueTask", "true", "stage", List.of("lead", "qualified"))));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(201);
        String id = saved.json().path("id").asString();
        assertThat(api.as("manager1").post("/api/deals/filters", Map.of("name", " " + name.toUpperCase() + " ", "query", Map.of()))
                .status()).as("one name per person").isEqualTo(409);
        assertThat(api.as("manager1").post("/api/deals/filters", Map.of("name", "Общий", "query", Map.of(), "shared", true)).status())
                .isEqualTo(403);
        var unknown = api.as("manager1").post("/api/deals/filters", Map.of("name", "Плохой", "query", Map.of("funnel", "scrap")));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(api.as("manager1").post("/api/deals/filters", Map.of("name", "  ", "query", Map.of())).status()).isEqualTo(400);

        String sharedName = "Все без задач " + System.nanoTime();
        String shared = api.as("admin").post("/api/deals/filters", Map.of("name", sharedName, "query", Map.of("withoutTask", "true"),
                "shared", true)).json().path("id").asString();

        JsonNode manager1 = api.as("manager1").get("/api/deals/filters").json().path("items");
        assertThat(manager1.findValuesAsString("name")).contains(name, sharedName);
        JsonNode own = null;
        for (JsonNode filter : manager1) {
            own = id.equals(filter.path("id").asString()) ? filter : own;
        }
        assertThat(own).isNotNull();
        assertThat(own.path("mine").asBoolean()).isTrue();
        assertThat(own.path("query").path("stage").toString()).isEqualTo("[\"lead\",\"qualified\"]");
        assertThat(api.as("manager2").get("/api/deals/filters").json().path("items").findValuesAsString("name"))
                .contains(sharedName).doesNotContain(name);

        assertThat(api.as("manager2").delete("/api/deals/filters/" + id).status()).isEqualTo(404);
        assertThat(api.as("manager1").delete("/api/deals/filters/" + shared).status()).isEqualTo(404);
        assertThat(api.as("manager1").delete("/api/deals/filters/" + id).status()).isEqualTo(204);
        assertThat(api.as("admin").delete("/api/deals/filters/" + shared).status()).isEqualTo(204);
        assertThat(api.as("manager1").get("/api/deals/filters").json().path("items").findValuesAsString("name"))
                .doesNotContain(name, sharedName);
    }
}
