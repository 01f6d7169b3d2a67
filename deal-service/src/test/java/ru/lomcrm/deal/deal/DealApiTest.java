package ru.lomcrm.deal.deal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import ru.lomcrm.contracts.Topics;
import ru.lomcrm.deal.DealApiFixture;
import ru.lomcrm.platform.testing.CrmServiceTest;
import ru.lomcrm.platform.testing.TestInfrastructure;
import ru.lomcrm.platform.testing.TopicProbe;

@CrmServiceTest(database = "crm_deal")
class DealApiTest {

    private static TopicProbe dealTopic;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    private DealApiFixture api;

    @BeforeAll
    static void watchTopic() {
        dealTopic = TopicProbe.open(TestInfrastructure.endpoints().kafkaBootstrap(), TestInfrastructure.topic(Topics.DEAL));
    }

    @AfterAll
    static void closeTopic() {
        dealTopic.close();
    }

    @BeforeEach
    void setUp() {
        api = new DealApiFixture(port);
    }

    @Test
    void theCardShowsEverythingFilledInOnCreation() {
        JsonNode created = api.dealOf("manager1", "title", "ООО Вторчермет", "metalGrades", List.of("3А", "медь"),
                "priceTerms", "безнал, 5 дней", "address", "Подольск, Рабочая 1",
                "questionnaire", Map.of("scrapType", "стружка", "delivery", "pickup", "frequency", "раз в неделю"));

        var card = api.as("manager1").get("/api/deals/" + created.path("id").asString());

        assertThat(card.status()).isEqualTo(200);
        assertThat(card.etag()).contains("\"0\"");
        JsonNode deal = card.json();
        assertThat(deal.path("funnel").asString()).isEqualTo("scrap");
        assertThat(deal.path("stage").asString()).isEqualTo("lead");
        assertThat(deal.path("owner").path("username").asString()).isEqualTo("manager1");
        assertThat(deal.path("details").path("expectedMonthlyVolumeT").decimalValue()).isEqualByComparingTo("20");
        assertThat(deal.path("details").path("metalGrades").toString()).isEqualTo("[\"3А\",\"медь\"]");
        assertThat(deal.path("details").path("questionnaire").path("delivery").asString()).isEqualTo("pickup");
        assertThat(deal.path("source").asString()).isEqualTo("manual");
    }

    @Test
    void aLeadMovedStraightToOfferShowsInThatColumnOfTheBoard() {
        JsonNode deal = api.dealOf("manager2", "expectedMonthlyVolumeT", 12.5);
        String id = deal.path("id").asString();

        var moved = api.as("manager2").post("/api/deals/" + id + "/stage", Map.of("stage", "offer"));

        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moved.json().path("stage").asString()).isEqualTo("offer");
        JsonNode board = api.as("manager2").get("/api/funnels/scrap/board").json();
        List<String> columns = new ArrayList<>();
        board.path("stages").forEach(stage -> columns.add(stage.path("code").asString()));
        assertThat(columns).containsExactly("lead", "qualified", "offer", "first_delivery", "repeat_deliveries", "won", "lost");
        JsonNode offer = board.path("stages").get(2);
        assertThat(offer.path("deals").findValuesAsString("id")).contains(id);
        assertThat(offer.path("count").asLong()).isEqualTo(offer.path("deals").size());
        assertThat(offer.path("volume").decimalValue()).isGreaterThanOrEqualTo(new java.math.BigDecimal("12.5"));
    }

    @Test
    void closingAsLostNeedsAReasonAndAClosedDealStaysPut() {
        String id = api.dealOf("manager1").path("id").asString();
        var manager1 = api.as("manager1");

        var noReason = manager1.post("/api/deals/" + id + "/stage", Map.of("stage", "lost"));
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.json().path("errors").get(0).path("field").asString()).isEqualTo("lossReason");

        var lost = manager1.post("/api/deals/" + id + "/stage", Map.of("stage", "lost", "lossReason", "Сдаёт конкуренту"));
        assertThat(lost.status()).isEqualTo(200);
        assertThat(lost.json().path("closed").asBoolean()).isTrue();
        assertThat(lost.json().path("lossReason").asString()).isEqualTo("Сдаёт конкуренту");

        var again = manager1.post("/api/deals/" + id + "/stage", Map.of("stage", "offer"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("detail").asString()).contains("закрыта");
    }

    @Test
    void tagsKeepTheirSpellingAreFoundWhateverTheCaseAndComeOffAgain() {
        String tagged = api.dealOf("manager1").path("id").asString();
        String both = api.dealOf("manager1").path("id").asString();
        var manager1 = api.as("manager1");

        assertThat(manager1.post("/api/deals/" + tagged + "/tags", Map.of("tags", List.of("Склад   Подольск"))).json()
                .path("tags").toString()).isEqualTo("[\"#Склад Подольск\"]");
        manager1.post("/api/deals/" + both + "/tags", Map.of("tags", List.of("#склад подольск", "#низкая цена")));

        var any = manager1.get("/api/deals?tags=%23СКЛАД%20подольск&tags=%23низкая%20цена&size=500").json();
        var all = manager1.get("/api/deals?tags=%23склад%20Подольск&tags=%23Низкая%20цена&tagsMode=all&size=500").json();
        assertThat(any.path("items").findValuesAsString("id")).contains(tagged, both);
        assertThat(all.path("items").findValuesAsString("id")).contains(both).doesNotContain(tagged);

        var removed = manager1.delete("/api/deals/" + both + "/tags/" + java.net.URLEncoder.encode("#низкая цена", java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
        assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
        assertThat(removed.json().path("tags").toString()).as("each deal keeps its own spelling").isEqualTo("[\"#склад подольск\"]");
        var removedInOtherCase = manager1.delete("/api/deals/" + both + "/tags/%23%D0%A1%D0%9A%D0%9B%D0%90%D0%94%20%D0%BF%D0%BE%D0%B4%D0%BE%D0%BB%D1%8C%D1%81%D0%BA");
        assertThat(removedInOtherCase.json().path("tags").toString()).isEqualTo("[]");
    }

    @Test
    void deliveriesAreNumberedPricedExactlyAndMoveTheDealForward() {
        String id = api.dealOf("manager1").path("id").asString();
        var manager1 = api.as("manager1");

        var first = manager1.post("/api/deals/" + id + "/deliveries", DealApiFixture.delivery("В-101", "1234.5"));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.json().path("ordinal").asInt()).isEqualTo(1);
        assertThat(first.json().path("amount").decimalValue()).isEqualByComparingTo("30862.50");
        assertThat(manager1.get("/api/deals/" + id).json().path("stage").asString()).isEqualTo("first_delivery");

        manager1.post("/api/deals/" + id + "/deliveries", DealApiFixture.delivery("В-102", "800"));
        JsonNode card = manager1.get("/api/deals/" + id).json();
        assertThat(card.path("stage").asString()).isEqualTo("repeat_deliveries");
        assertThat(card.path("deliveries").size()).isEqualTo(2);
        assertThat(manager1.get("/api/deals/" + id + "/deliveries").json().get(1).path("ticketNo").asString()).isEqualTo("В-102");

        var sameTicket = manager1.post("/api/deals/" + id + "/deliveries", DealApiFixture.delivery("В-102", "500"));
        assertThat(sameTicket.status()).isEqualTo(409);
        assertThat(sameTicket.json().path("errors").get(0).path("field").asString()).isEqualTo("ticketNo");

        var record = dealTopic.await(r -> id.equals(r.key()) && r.value().contains("\"DeliveryCompleted\""), Duration.ofSeconds(30));
        JsonNode envelope = JsonMapper.builder().build().readTree(record.value());
        assertThat(envelope.path("payload").path("ordinal").asInt()).isEqualTo(1);
        assertThat(envelope.path("payload").path("weightKg").decimalValue()).isEqualByComparingTo("1234.5");
        assertThat(envelope.path("payload").path("amount").decimalValue()).isEqualByComparingTo("30862.50");
    }

    @Test
    void badDeliveriesAreRefusedNamingTheFieldAndNothingIsStored() {
        String id = api.dealOf("manager1").path("id").asString();
        long events = eventCount();

        var negative = api.as("manager1").post("/api/deals/" + id + "/deliveries", DealApiFixture.delivery("В-1", "-10"));
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.isProblem()).isTrue();
        assertThat(negative.json().path("errors").findValuesAsString("field")).contains("weightKg");

        var missing = api.as("manager1").post("/api/deals/" + id + "/deliveries", Map.of("weightKg", 100));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().path("errors").findValuesAsString("field")).contains("deliveredAt", "grade", "pricePerTonne", "ticketNo");

        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void badDealInputGets4xxProblemsAndStoresNothing() {
        long events = eventCount();
        var manager1 = api.as("manager1");

        var unknownStage = manager1.post("/api/deals", Map.of("title", "Т", "stage", "nowhere"));
        assertThat(unknownStage.status()).isEqualTo(422);
        assertThat(unknownStage.json().path("errors").get(0).path("field").asString()).isEqualTo("stage");

        var unknownFunnel = manager1.post("/api/deals", Map.of("title", "Т", "funnel", "nowhere"));
        assertThat(unknownFunnel.status()).isEqualTo(422);

        var tooLong = manager1.post("/api/deals", Map.of("title", "Т", "notes", "я".repeat(5001)));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().path("errors").get(0).path("field").asString()).isEqualTo("notes");

        var badVolume = manager1.post("/api/deals", Map.of("title", "Т", "expectedMonthlyVolumeT", -1));
        assertThat(badVolume.status()).isEqualTo(400);

        var wrongType = manager1.postRaw("/api/deals", "{\"title\": \"Т\", \"contactId\": \"не-uuid\"}");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.isProblem()).isTrue();

        var unknownId = manager1.get("/api/deals/not-a-uuid");
        assertThat(unknownId.status()).isEqualTo(400);

        var nul = manager1.postRaw("/api/deals", "{\"title\": \"Лом\\u0000\"}");
        assertThat(nul.status()).as(nul.toString()).isEqualTo(400);
        assertThat(manager1.get("/api/deals?q=%00").status()).isEqualTo(400);
        assertThat(manager1.get("/api/deals?tags=%23a%5C&tags=%23b%22").status()).isEqualTo(200);

        String id = api.dealOf("manager1").path("id").asString();
        long afterOne = eventCount();
        var wrongPatch = manager1.patch("/api/deals/" + id, Map.of("metalGrades", "3А"));
        assertThat(wrongPatch.status()).isEqualTo(400);
        assertThat(wrongPatch.json().path("errors").get(0).path("field").asString()).isEqualTo("metalGrades");
        var future = manager1.post("/api/deals/" + id + "/deliveries", Map.of("deliveredAt", "+300000-01-01T00:00:00Z", "weightKg", "10",
                "grade", "3А", "pricePerTonne", "100", "ticketNo", "Б-1"));
        assertThat(future.status()).isIn(400, 422);
        assertThat(eventCount()).isEqualTo(afterOne);
        events = afterOne;

        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void aHeadAssignsNewDealsOnlyWithinTheirGroupsAndAManagerOnlyToThemself() {
        String manager1Id = api.dealOf("manager1").path("owner").path("id").asString();

        assertThat(api.as("head2").post("/api/deals", Map.of("title", "Чужой", "ownerId", manager1Id)).status()).isEqualTo(403);
        assertThat(api.as("manager2").post("/api/deals", Map.of("title", "Чужой", "ownerId", manager1Id)).status()).isEqualTo(403);
        var byHead = api.as("head").post("/api/deals", Map.of("title", "Для Павла", "ownerId", manager1Id));
        assertThat(byHead.status()).isEqualTo(201);
        assertThat(byHead.json().path("owner").path("username").asString()).isEqualTo("manager1");
    }

    @Test
    void twoEditorsOfTheSameVersionOneWinsTheOtherGets409() throws Exception {
        String id = api.dealOf("manager1").path("id").asString();
        var manager1 = api.as("manager1");
        String version = manager1.get("/api/deals/" + id).etag().orElseThrow();

        var start = new CountDownLatch(1);
        var first = CompletableFuture.supplyAsync(() -> await(start, () -> manager1.patch("/api/deals/" + id, Map.of("notes", "первый"), "If-Match", version)));
        var second = CompletableFuture.supplyAsync(() -> await(start, () -> manager1.patch("/api/deals/" + id, Map.of("notes", "второй"), "If-Match", version)));
        start.countDown();

        List<Integer> statuses = List.of(first.get().status(), second.get().status());
        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        String kept = manager1.get("/api/deals/" + id).json().path("details").path("notes").asString();
        String winner = first.get().status() == 200 ? "первый" : "второй";
        assertThat(kept).isEqualTo(winner);
    }

    @Test
    void anEditKeepsWhatIsNotSentAndClearsWhatIsSentEmpty() {
        String id = api.dealOf("manager1", "address", "Подольск", "notes", "звонить утром").path("id").asString();

        var edited = api.as("manager1").patch("/api/deals/" + id, Map.of("expectedMonthlyVolumeT", 35, "notes", ""));

        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        JsonNode details = edited.json().path("details");
        assertThat(details.path("expectedMonthlyVolumeT").decimalValue()).isEqualByComparingTo("35");
        assertThat(details.path("address").asString()).isEqualTo("Подольск");
        assertThat(details.has("notes")).isFalse();
    }

    @Test
    void historyTellsWhoChangedWhatNewestFirst() {
        String id = api.dealOf("manager1").path("id").asString();
        api.as("manager1").post("/api/deals/" + id + "/stage", Map.of("stage", "qualified"));
        api.as("head").post("/api/deals/" + id + "/tags", Map.of("tags", List.of("#далеко везти")));

        JsonNode items = api.as("manager1").get("/api/deals/" + id + "/history").json().path("items");

        assertThat(items.size()).isEqualTo(3);
        assertThat(items.get(0).path("type").asString()).isEqualTo("DealTagged");
        assertThat(items.get(0).path("actor").path("username").asString()).isEqualTo("head");
        assertThat(items.get(0).path("changes").path("tags").path("to").asString()).isEqualTo("#далеко везти");
        assertThat(items.get(1).path("changes").path("stage").path("from").asString()).isEqualTo("lead");
        assertThat(items.get(1).path("changes").path("stage").path("to").asString()).isEqualTo("qualified");
        assertThat(items.get(2).path("type").asString()).isEqualTo("DealCreated");
        assertThat(items.get(2).path("actor").path("username").asString()).isEqualTo("manager1");
    }

    @Test
    void aNoteWrittenOnTheCardJoinsItsHistoryOnceAndMovesItsVersion() {
        String id = api.dealOf("manager1").path("id").asString();
        String noteId = java.util.UUID.randomUUID().toString();

        var added = api.as("manager1").post("/api/deals/" + id + "/notes", Map.of("noteId", noteId, "text", "  Перезвонить после обеда  "));
        var again = api.as("manager1").post("/api/deals/" + id + "/notes", Map.of("noteId", noteId, "text", "Перезвонить после обеда"));

        assertThat(added.status()).isEqualTo(201);
        assertThat(added.json().path("type").asString()).isEqualTo("DealNoteAdded");
        assertThat(added.json().path("actor").path("username").asString()).isEqualTo("manager1");
        assertThat(added.json().path("changes").path("text").path("to").asString()).isEqualTo("Перезвонить после обеда");
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().path("at").asString()).isEqualTo(added.json().path("at").asString());
        JsonNode items = api.as("head").get("/api/deals/" + id + "/history").json().path("items");
        assertThat(items.size()).isEqualTo(2);
        assertThat(items.get(0).path("changes").path("text").path("to").asString()).isEqualTo("Перезвонить после обеда");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(api.as("manager1").get("/api/deals/" + id).etag()).contains("\"1\""));
        var published = dealTopic.await(r -> id.equals(r.key()) && r.value().contains("\"DealNoteAdded\""), Duration.ofSeconds(30));
        assertThat(published.value()).contains("Перезвонить после обеда");
    }

    @Test
    void aNoteMustSaySomethingAndOnlyThoseWhoSeeTheDealWriteOne() {
        String id = api.dealOf("manager1").path("id").asString();

        var blank = api.as("manager1").post("/api/deals/" + id + "/notes", Map.of("text", "   "));
        var tooLong = api.as("manager1").post("/api/deals/" + id + "/notes", Map.of("text", "х".repeat(4001)));
        var stranger = api.as("manager2").post("/api/deals/" + id + "/notes", Map.of("text", "чужая сделка"));

        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.isProblem()).isTrue();
        assertThat(blank.json().toString()).contains("напишите текст примечания");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(stranger.status()).isEqualTo(404);
        assertThat(api.as("manager1").get("/api/deals/" + id + "/history").json().path("items").size()).isEqualTo(1);
    }

    @Test
    void bulkActionsReportPerDealAndOneRefusalDoesNotStopTheOthers() {
        String own1 = api.dealOf("manager1").path("id").asString();
        String own2 = api.dealOf("manager1").path("id").asString();
        String foreign = api.dealOf("manager2").path("id").asString();

        var response = api.as("manager1").post("/api/deals/bulk", Map.of("ids", List.of(own1, foreign, own2), "action", "move", "stage", "offer"));

        assertThat(response.status()).isEqualTo(200);
        JsonNode results = response.json().path("results");
        assertThat(results.get(0).path("ok").asBoolean()).isTrue();
        assertThat(results.get(1).path("ok").asBoolean()).isFalse();
        assertThat(results.get(1).path("error").asString()).isEqualTo("Сделка не найдена.");
        assertThat(results.get(2).path("ok").asBoolean()).isTrue();
        assertThat(api.as("manager1").get("/api/deals/" + own2).json().path("stage").asString()).isEqualTo("offer");
        assertThat(api.as("manager2").get("/api/deals/" + foreign).json().path("stage").asString()).isEqualTo("lead");

        var tagged = api.as("head").post("/api/deals/bulk", Map.of("ids", List.of(own1, foreign), "action", "tag", "tags", List.of("низкая цена")));
        assertThat(tagged.json().path("results").findValuesAsString("ok")).isNotNull();
        assertThat(tagged.json().path("results").get(0).path("ok").asBoolean()).isTrue();
        assertThat(tagged.json().path("results").get(1).path("ok").asBoolean()).isTrue();
    }

    private long eventCount() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }

    private static <T> T await(CountDownLatch start, java.util.function.Supplier<T> action) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return action.get();
    }
}
