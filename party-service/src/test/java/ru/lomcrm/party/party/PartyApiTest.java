package ru.lomcrm.party.party;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import ru.lomcrm.contracts.EventEnvelope;
import ru.lomcrm.contracts.Topics;
import ru.lomcrm.contracts.deal.DeliveryCompleted;
import ru.lomcrm.platform.events.EventJson;
import ru.lomcrm.platform.testing.ApiClient;
import ru.lomcrm.platform.testing.CrmServiceTest;
import ru.lomcrm.platform.testing.TestInfrastructure;
import ru.lomcrm.platform.testing.Tokens;
import ru.lomcrm.platform.testing.TopicProbe;
import ru.lomcrm.platform.testing.TopicPublisher;

@CrmServiceTest(database = "crm_party")
class PartyApiTest {

    @LocalServerPort
    int port;

    private ApiClient anonymous;

    @BeforeEach
    void setUp() {
        anonymous = ApiClient.at("http://127.0.0.1:" + port);
    }

    private ApiClient as(String user) {
        return anonymous.withToken(Tokens.of(user));
    }

    /** A fresh mobile number each time, written the way people write it. */
    private static String phone() {
        long n = 1000000 + Math.floorMod(System.nanoTime(), 8999999L);
        return "8 (916) " + String.valueOf(n).substring(0, 3) + "-" + String.valueOf(n).substring(3, 5) + "-" + String.valueOf(n).substring(5);
    }

    private JsonNode contactOf(String user, String phone) {
        var response = as(user).post("/api/contacts", Map.of("name", "Пётр Сидоров", "phones", List.of(phone)));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    @Test
    void aNewContactIsAPotentialClientWithItsPhoneWrittenOneWay() {
        String phone = phone();
        JsonNode contact = contactOf("manager1", phone);

        assertThat(contact.path("card").path("phones").get(0).asString()).isEqualTo("+7" + phone.replaceAll("\\D", "").substring(1));
        assertThat(contact.path("status").asString()).isEqualTo("potential");
        assertThat(contact.path("deliveries").asInt()).isZero();
        assertThat(contact.path("owner").path("username").asString()).isEqualTo("manager1");
    }

    @Test
    void aClientCannotSilentlyMoveToAnotherManager() {
        String phone = phone();
        String existing = contactOf("manager1", phone).path("id").asString();
        String samePhone = "+7 " + phone.replaceAll("\\D", "").substring(1);

        var warned = as("manager2").get("/api/parties/duplicates?phone=" + java.net.URLEncoder.encode(samePhone, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(warned.json().path("items").findValuesAsString("partyId")).containsExactly(existing);

        var refused = as("manager2").post("/api/contacts", Map.of("name", "Петя", "phones", List.of(samePhone)));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("existingId").asString()).isEqualTo(existing);
        assertThat(refused.json().path("existingType").asString()).isEqualTo("contact");
        assertThat(refused.json().path("owner").path("username").asString()).isEqualTo("manager1");
        assertThat(refused.json().path("detail").asString()).contains("Павел Первов");

        assertThat(as("manager2").post("/api/contacts", Map.of("name", "Петя", "phones", List.of(samePhone), "force", true)).status())
                .isEqualTo(403);
        var forced = as("head").post("/api/contacts", Map.of("name", "Петя", "phones", List.of(samePhone), "force", true));
        assertThat(forced.status()).isEqualTo(201);
        JsonNode history = as("head").get("/api/contacts/" + forced.json().path("id").asString() + "/history").json();
        assertThat(history.path("items").get(0).path("change").path("forced").asBoolean()).isTrue();
    }

    @Test
    void companiesAreIdentifiedByAValidInn() {
        var badInn = as("manager1").post("/api/companies", Map.of("name", "ООО Ромашка", "inn", "7707083894"));
        assertThat(badInn.status()).isEqualTo(422);
        assertThat(badInn.json().path("errors").get(0).path("field").asString()).isEqualTo("inn");

        String inn = validInn();
        assertThat(as("manager1").post("/api/companies", Map.of("name", "ООО Ромашка", "inn", inn)).status()).isEqualTo(201);
        var duplicate = as("head2").post("/api/companies", Map.of("name", "Ромашка", "inn", inn));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.json().path("existingType").asString()).isEqualTo("company");
    }

    @Test
    void onlyTheOwnersHeadOrAnAdminReassignsAndOthersDoNotSeeTheClient() {
        String id = contactOf("manager1", phone()).path("id").asString();
        String manager2Id = contactOf("manager2", phone()).path("owner").path("id").asString();

        assertThat(as("manager2").get("/api/contacts/" + id).status()).isEqualTo(404);
        assertThat(as("head2").get("/api/contacts/" + id).status()).isEqualTo(404);
        assertThat(as("head").get("/api/contacts/" + id).status()).isEqualTo(200);
        assertThat(as("manager2").get("/api/contacts?size=500").json().path("items").findValuesAsString("id")).doesNotContain(id);
        assertThat(as("head").get("/api/contacts?size=500").json().path("items").findValuesAsString("id")).contains(id);

        assertThat(as("manager1").post("/api/contacts/" + id + "/owner", Map.of("ownerId", manager2Id, "reason", "сам")).status()).isEqualTo(403);
        var withoutReason = as("head").post("/api/contacts/" + id + "/owner", Map.of("ownerId", manager2Id));
        assertThat(withoutReason.status()).isEqualTo(400);
        assertThat(withoutReason.body()).contains("укажите причину");
        var moved = as("head").post("/api/contacts/" + id + "/owner", Map.of("ownerId", manager2Id, "reason", "уволился"));
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.json().path("owner").path("username").asString()).isEqualTo("manager2");
        assertThat(as("manager2").get("/api/contacts/" + id).status()).isEqualTo(200);
        assertThat(as("manager1").get("/api/contacts/" + id).status()).isEqualTo(404);
    }

    @Test
    void theFifthDeliveryMakesAPermanentClientOnceEvenWithARedeliveredRecord() throws Exception {
        String id = contactOf("manager1", phone()).path("id").asString();
        UUID contactId = UUID.fromString(id);
        UUID dealId = UUID.randomUUID();
        List<String> envelopes = new ArrayList<>();
        for (int ordinal = 1; ordinal <= 6; ordinal++) {
            envelopes.add(envelope(dealId, contactId, ordinal));
        }
        try (var partyTopic = TopicProbe.open(TestInfrastructure.endpoints().kafkaBootstrap(), TestInfrastructure.topic(Topics.PARTY))) {
            publish(dealId, envelopes.get(0), envelopes.get(1), envelopes.get(2), envelopes.get(2), envelopes.get(3), envelopes.get(4));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                JsonNode contact = as("manager1").get("/api/contacts/" + id).json();
                assertThat(contact.path("status").asString()).isEqualTo("permanent");
                assertThat(contact.path("deliveries").asInt()).isEqualTo(5);
            });
            publish(dealId, envelopes.get(5), envelopes.get(4));
            partyTopic.await(r -> id.equals(r.key()) && r.value().contains("\"PartyDeliveryCounted\"") && r.value().contains("\"deliveries\":6"),
                    Duration.ofSeconds(60));
            assertThat(as("manager1").get("/api/contacts/" + id).json().path("deliveries").asInt()).isEqualTo(6);
            long promotions = partyTopic.seen().stream().filter(r -> id.equals(r.key()) && r.value().contains("\"ClientPromoted\"")).count();
            assertThat(promotions).isEqualTo(1);
        }
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        var badPhone = as("manager1").post("/api/contacts", Map.of("name", "Иван", "phones", List.of("+7 916 12")));
        assertThat(badPhone.status()).isEqualTo(422);
        assertThat(badPhone.json().path("errors").get(0).path("field").asString()).isEqualTo("phones[0]");

        var noName = as("manager1").post("/api/contacts", Map.of("phones", List.of(phone())));
        assertThat(noName.status()).isEqualTo(422);
        assertThat(noName.json().path("errors").get(0).path("field").asString()).isEqualTo("name");

        var longName = as("manager1").post("/api/contacts", Map.of("name", "я".repeat(301)));
        assertThat(longName.status()).isEqualTo(400);

        var malformed = as("manager1").postRaw("/api/companies", "{\"name\": [}");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.isProblem()).isTrue();
    }

    private static String envelope(UUID dealId, UUID contactId, int ordinal) {
        var delivery = new DeliveryCompleted(dealId, "scrap", contactId, null, ordinal, Instant.now(), new BigDecimal("1000"), "3А",
                new BigDecimal("20000"), new BigDecimal("20000.00"), "Т-" + ordinal, "u");
        return EventJson.write(new EventEnvelope<>(UUID.randomUUID(), "DeliveryCompleted", dealId.toString(), ordinal, Instant.now(), "u", delivery));
    }

    private static void publish(UUID key, String... values) {
        TopicPublisher.publish(Topics.DEAL, key, values);
    }

    /** A valid 10-digit INN that no other test run used. */
    private static String validInn() {
        int[] weights = {2, 4, 10, 3, 5, 9, 4, 6, 8};
        String body = String.format("%09d", Math.floorMod(System.nanoTime(), 1_000_000_000L));
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += weights[i] * (body.charAt(i) - '0');
        }
        return body + (sum % 11 % 10);
    }
}
