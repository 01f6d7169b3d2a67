package ru.lomcrm.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static ru.lomcrm.e2e.SystemUnderTest.as;
import static ru.lomcrm.e2e.SystemUnderTest.created;
import static ru.lomcrm.e2e.SystemUnderTest.delivery;
import static ru.lomcrm.e2e.SystemUnderTest.items;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import ru.lomcrm.contracts.Topics;
import ru.lomcrm.platform.testing.TopicProbe;

/**
 * Rule 1 across deal-, party- and task-service (the design card's headline flow): the 5th
 * delivery makes the supplier a permanent client — its ЛОМ deal won, one deal on Постоянные
 * клиенты (лом) / Передан for the client department with its stage task — exactly once, also
 * with redelivered records, a crashed deal-service and concurrent deliveries.
 */
class PromotionAcrossServicesTest {

    private record Supplier(String companyId, String contactId, String dealId) {
    }

    private static Supplier supplierWithADeal(String name) {
        String company = created(as("manager1").post("/api/companies", Map.of("name", name, "inn", SystemUnderTest.freshInn())));
        String contact = created(as("manager1").post("/api/contacts", Map.of("name", "Иван Петров", "companyId", company)));
        String deal = created(as("manager1").post("/api/deals", Map.of("title", name, "contactId", contact, "companyId", company)));
        return new Supplier(company, contact, deal);
    }

    private static void deliveries(Supplier supplier, int from, int to) {
        for (int i = from; i <= to; i++) {
            var response = as("manager1").post("/api/deals/" + supplier.dealId() + "/deliveries", delivery("Т-" + i));
            assertThat(response.status()).as(response.toString()).isEqualTo(201);
        }
    }

    private static JsonNode permanentDealOf(Supplier supplier) {
        return permanentDealOf(supplier, Duration.ofSeconds(60));
    }

    private static JsonNode permanentDealOf(Supplier supplier, Duration ceiling) {
        return await().atMost(ceiling).pollInterval(Duration.ofMillis(100)).until(
                () -> items(as("admin").get("/api/deals?funnel=permanent&companyId=" + supplier.companyId())), deals -> deals.size() > 0);
    }

    private static void assertPromotedOnce(Supplier supplier) {
        JsonNode deals = items(as("admin").get("/api/deals?funnel=permanent&companyId=" + supplier.companyId()));
        assertThat(deals).hasSize(1);
        JsonNode permanent = deals.get(0);
        assertThat(permanent.path("stage").asString()).isEqualTo("handed_over");
        assertThat(permanent.path("owner").path("username").asString()).isEqualTo("head2");

        JsonNode won = as("manager1").get("/api/deals/" + supplier.dealId()).json();
        assertThat(won.path("stage").asString()).isEqualTo("won");

        JsonNode company = as("admin").get("/api/companies/" + supplier.companyId()).json();
        assertThat(company.path("status").asString()).isEqualTo("permanent");
        assertThat(company.path("deliveries").asInt()).isEqualTo(5);
        // handed over: the client department opens the client's card
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(as("head2").get("/api/companies/" + supplier.companyId()).json().path("owner").path("username").asString())
                        .isEqualTo("head2"));

        String permanentId = permanent.path("id").asString();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode tasks = items(as("head2").get("/api/tasks?dealId=" + permanentId));
            assertThat(tasks).hasSize(1);
            assertThat(tasks.get(0).path("assignee").path("username").asString()).isEqualTo("head2");
            assertThat(tasks.get(0).path("text").asString()).startsWith("Принять клиента");
        });
    }

    @Test
    void theFifthDeliveryMakesAPermanentClientWithOneDealAndOneTaskForTheClientDepartment() {
        Supplier supplier = supplierWithADeal("ООО Втормет-Е2Е " + System.nanoTime());
        deliveries(supplier, 1, 4);
        assertThat(items(as("admin").get("/api/deals?funnel=permanent&companyId=" + supplier.companyId()))).isEmpty();

        deliveries(supplier, 5, 5);
        permanentDealOf(supplier);

        assertPromotedOnce(supplier);
        assertThat(as("admin").get("/api/contacts/" + supplier.contactId()).json().path("status").asString()).isEqualTo("permanent");
        // the active manager keeps reading the deal they won
        assertThat(as("manager1").get("/api/deals/" + supplier.dealId()).status()).isEqualTo(200);
    }

    @Test
    void redeliveredRecordsChangeNothing() throws Exception {
        Supplier supplier = supplierWithADeal("ООО Повтор " + System.nanoTime());
        deliveries(supplier, 1, 4);
        try (var dealTopic = TopicProbe.open(SystemUnderTest.KAFKA, Topics.DEAL);
             var partyTopic = TopicProbe.open(SystemUnderTest.KAFKA, Topics.PARTY)) {
            deliveries(supplier, 5, 5);
            var fifth = dealTopic.await(r -> supplier.dealId().equals(r.key()) && r.value().contains("\"DeliveryCompleted\"")
                    && r.value().contains("\"ordinal\":5"), Duration.ofSeconds(60));
            var promoted = partyTopic.await(r -> supplier.companyId().equals(r.key()) && r.value().contains("\"ClientPromoted\""),
                    Duration.ofSeconds(60));
            permanentDealOf(supplier);

            var again = SystemUnderTest.republish(fifth);
            var promotedAgain = SystemUnderTest.republish(promoted);
            SystemUnderTest.awaitConsumed("party-service", again);
            SystemUnderTest.awaitConsumed("deal-service.promotion", promotedAgain);
            SystemUnderTest.awaitConsumed("task-service", SystemUnderTest.republish(fifth));
        }
        assertPromotedOnce(supplier);
    }

    @Test
    void aDealServiceCrashBetweenPromotionAndTheNewDealLosesAndDoublesNothing() throws Exception {
        Supplier supplier = supplierWithADeal("ООО Сбой " + System.nanoTime());
        deliveries(supplier, 1, 4);
        try (var dealTopic = TopicProbe.open(SystemUnderTest.KAFKA, Topics.DEAL)) {
            deliveries(supplier, 5, 5);
            dealTopic.await(r -> supplier.dealId().equals(r.key()) && r.value().contains("\"ordinal\":5"), Duration.ofSeconds(60));
        }
        SystemUnderTest.crm("stop", "deal-service", "--kill");
        try {
            await().atMost(Duration.ofSeconds(60)).until(
                    () -> "permanent".equals(as("admin").get("/api/companies/" + supplier.companyId()).json().path("status").asString()));
        } finally {
            SystemUnderTest.crm("start", "deal-service");
        }
        // the restarted consumer may wait for the broker to expire the killed one's session (45 s) before it gets its partitions
        permanentDealOf(supplier, Duration.ofSeconds(180));
        assertPromotedOnce(supplier);
    }

    @Test
    void twoDeliveriesRecordedAtOnceAsTheFifthAndSixthPromoteOnce() {
        Supplier supplier = supplierWithADeal("ООО Гонка " + System.nanoTime());
        deliveries(supplier, 1, 4);

        var fifth = CompletableFuture.supplyAsync(() -> as("manager1").post("/api/deals/" + supplier.dealId() + "/deliveries", delivery("Т-5")));
        var sixth = CompletableFuture.supplyAsync(() -> as("manager1").post("/api/deals/" + supplier.dealId() + "/deliveries", delivery("Т-6")));
        List<Integer> statuses = List.of(fifth.join().status(), sixth.join().status());

        // a concurrent write may be refused as a conflict; what was accepted counts, and promotes once
        assertThat(statuses).contains(201).allMatch(s -> s == 201 || s == 409);
        permanentDealOf(supplier);
        JsonNode deals = items(as("admin").get("/api/deals?funnel=permanent&companyId=" + supplier.companyId()));
        assertThat(deals).hasSize(1);
    }
}
