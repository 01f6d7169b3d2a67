package ru.lomcrm.deal.permanent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import ru.lomcrm.contracts.EventEnvelope;
import ru.lomcrm.contracts.Topics;
import ru.lomcrm.contracts.party.ClientPromoted;
import ru.lomcrm.deal.DealApiFixture;
import ru.lomcrm.deal.KnownParties;
import ru.lomcrm.platform.events.EventJson;
import ru.lomcrm.platform.testing.CrmServiceTest;
import ru.lomcrm.platform.testing.MovableClock;
import ru.lomcrm.platform.testing.TestInfrastructure;
import ru.lomcrm.platform.testing.TopicProbe;
import ru.lomcrm.platform.testing.TopicPublisher;

/** Rules 1 and 2 on deal-service's side: party-service's ClientPromoted arrives on the party topic (published here as it would be). */
@CrmServiceTest(database = "crm_deal")
class PermanentClientsTest {

    @LocalServerPort
    int port;
    @Autowired
    MovableClock clock;
    @Autowired
    NotDeliveringWatch watch;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    private DealApiFixture api;

    @BeforeEach
    void setUp() {
        api = new DealApiFixture(port);
    }

    @AfterEach
    void putTheClockBack() {
        clock.reset();
    }

    @Test
    void aPromotedSupplierGetsExactlyOnePermanentDealForTheClientDepartmentAndTheScrapDealIsWon() throws Exception {
        UUID contact = new KnownParties(jdbc).contactOf("manager1", "Иван Петров");
        UUID company = new KnownParties(jdbc).companyOf("manager1", "ООО Втормет");
        String scrapDeal = scrapDealWithFiveDeliveries(contact, company);

        try (var dealTopic = TopicProbe.open(TestInfrastructure.endpoints().kafkaBootstrap(), TestInfrastructure.topic(Topics.DEAL))) {
            // the company's promotion, redelivered, and the contact's promotion by the same delivery
            String companyPromoted = promoted(company, "company", scrapDeal);
            publish(company, companyPromoted, companyPromoted);
            publish(contact, promoted(contact, "contact", scrapDeal));

            JsonNode permanent = awaitPermanentDealOf(company);
            assertThat(permanent.path("stage").asString()).isEqualTo("handed_over");
            assertThat(permanent.path("owner").path("username").asString()).isEqualTo("head2");
            assertThat(permanent.path("contact").path("id").asString()).isEqualTo(contact.toString());
            assertThat(permanent.path("promotedFrom").asString()).isEqualTo(scrapDeal);
            JsonNode won = api.as("manager1").get("/api/deals/" + scrapDeal).json();
            assertThat(won.path("stage").asString()).isEqualTo("won");
            assertThat(won.path("closed").asBoolean()).isTrue();

            // the previous owner still reads the won deal; the new deal is not theirs
            assertThat(api.as("manager1").get("/api/deals/" + scrapDeal).status()).isEqualTo(200);
            assertThat(api.as("manager1").get("/api/deals/" + permanent.path("id").asString()).status()).isEqualTo(404);

            dealTopic.await(r -> r.value().contains("\"PermanentDealOpened\"") && r.value().contains(scrapDeal), Duration.ofSeconds(60));
            publish(company, companyPromoted);
            publish(contact, promoted(contact, "contact", scrapDeal));
            await().atMost(Duration.ofSeconds(60)).until(() -> consumed(companyPromoted));
            long opened = dealTopic.seen().stream().filter(r -> r.value().contains("\"PermanentDealOpened\"") && r.value().contains(scrapDeal))
                    .count();
            assertThat(opened).isEqualTo(1);
            assertThat(api.as("admin").get("/api/deals?funnel=permanent&companyId=" + company).json().path("total").asInt()).isEqualTo(1);
        }
    }

    @Test
    void aQuietPermanentClientMovesToNotDeliveringOnceAndTheNextDeliveryBringsItBack() throws Exception {
        UUID company = new KnownParties(jdbc).companyOf("manager1", "ООО Тихий");
        String scrapDeal = scrapDealWithFiveDeliveries(null, company);
        publish(company, promoted(company, "company", scrapDeal));
        String permanent = awaitPermanentDealOf(company).path("id").asString();

        clock.advance(Duration.ofDays(29));
        watch.sweep();
        assertThat(api.as("head2").get("/api/deals/" + permanent).json().path("stage").asString()).isEqualTo("handed_over");

        try (var dealTopic = TopicProbe.open(TestInfrastructure.endpoints().kafkaBootstrap(), TestInfrastructure.topic(Topics.DEAL))) {
            clock.advance(Duration.ofDays(2));
            watch.sweep();
            watch.sweep();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(api.as("head2").get("/api/deals/" + permanent).json().path("stage").asString()).isEqualTo("not_delivering"));
            dealTopic.await(r -> permanent.equals(r.key()) && r.value().contains("\"not_delivering\""), Duration.ofSeconds(60));
            watch.sweep();
            clock.reset();

            var delivered = api.as("head2").post("/api/deals/" + permanent + "/deliveries", DealApiFixture.delivery("П-1", "800"));
            assertThat(delivered.status()).as(delivered.toString()).isEqualTo(201);
            assertThat(api.as("head2").get("/api/deals/" + permanent).json().path("stage").asString()).isEqualTo("delivering");
            long quietMoves = dealTopic.seen().stream()
                    .filter(r -> permanent.equals(r.key()) && r.value().contains("\"DealStageChanged\"") && r.value().contains("\"toStage\":\"not_delivering\""))
                    .count();
            assertThat(quietMoves).isEqualTo(1);
        }

        var closing = api.as("head2").post("/api/deals/" + permanent + "/stage", Map.of("stage", "lost", "lossReason", "ушёл"));
        assertThat(closing.status()).isEqualTo(409);
        assertThat(closing.json().path("detail").asString()).contains("не закрываются");
    }

    @Test
    void onlyAnAdminChangesTheQuietPeriod() {
        assertThat(api.as("manager1").get("/api/funnels/permanent/quiet-period").json().path("days").asInt()).isEqualTo(30);
        assertThat(api.as("head").put("/api/funnels/permanent/quiet-period", Map.of("days", 45)).status()).isEqualTo(403);
        assertThat(api.as("admin").put("/api/funnels/permanent/quiet-period", Map.of("days", 0)).status()).isEqualTo(400);
        try {
            var changed = api.as("admin").put("/api/funnels/permanent/quiet-period", Map.of("days", 45));
            assertThat(changed.status()).isEqualTo(200);
            assertThat(api.as("manager1").get("/api/funnels/permanent/quiet-period").json().path("days").asInt()).isEqualTo(45);
        } finally {
            api.as("admin").put("/api/funnels/permanent/quiet-period", Map.of("days", 30));
        }
    }

    private String scrapDealWithFiveDeliveries(UUID contact, UUID company) {
        String id = (contact == null ? api.dealOf("manager1", "companyId", company) : api.dealOf("manager1", "contactId", contact, "companyId", company))
                .path("id").asString();
        for (int i = 1; i <= 5; i++) {
            var response = api.as("manager1").post("/api/deals/" + id + "/deliveries", DealApiFixture.delivery("Т-" + i, "1000"));
            assertThat(response.status()).as(response.toString()).isEqualTo(201);
        }
        return id;
    }

    private JsonNode awaitPermanentDealOf(UUID company) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode items = api.as("admin").get("/api/deals?funnel=permanent&companyId=" + company).json().path("items");
            return items.isEmpty() ? null : api.as("admin").get("/api/deals/" + items.get(0).path("id").asString()).json();
        }, node -> node != null);
    }

    private boolean consumed(String envelope) {
        return jdbc.queryForObject("SELECT count(*) FROM processed_event WHERE consumer = ? AND event_id = ?", Long.class,
                ClientPromotion.CONSUMER, EventJson.read(envelope).eventId()) > 0;
    }

    private static String promoted(UUID party, String type, String dealId) {
        var event = new ClientPromoted(party, type, UUID.fromString(dealId), 5, Instant.now());
        return EventJson.write(new EventEnvelope<>(UUID.randomUUID(), "ClientPromoted", party.toString(), 7, Instant.now(), "u", event));
    }

    private static void publish(UUID key, String... values) {
        TopicPublisher.publish(Topics.PARTY, key, values);
    }
}
