package ru.lomcrm.party;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import ru.lomcrm.contracts.EventEnvelope;
import ru.lomcrm.contracts.Topics;
import ru.lomcrm.contracts.deal.DeliveryCompleted;
import ru.lomcrm.platform.events.EventJson;
import ru.lomcrm.platform.testing.ApiClient;
import ru.lomcrm.platform.testing.Tokens;
import ru.lomcrm.platform.testing.TopicPublisher;

/** Test data for party-service's API tests: callers with real tokens, fresh phones, contacts, deliveries on the deal topic. */
public final class PartyApiFixture {

    private final ApiClient anonymous;

    public PartyApiFixture(int port) {
        this.anonymous = ApiClient.at("http://127.0.0.1:" + port);
    }

    public ApiClient as(String user) {
        return anonymous.withToken(Tokens.of(user));
    }

    /** A fresh mobile number each time, written the way people write it. */
    public static String phone() {
        long n = 1000000 + Math.floorMod(System.nanoTime(), 8999999L);
        return "8 (916) " + String.valueOf(n).substring(0, 3) + "-" + String.valueOf(n).substring(3, 5) + "-" + String.valueOf(n).substring(5);
    }

    public JsonNode contactOf(String user) {
        return contactOf(user, "Пётр Сидоров", phone());
    }

    public JsonNode contactOf(String user, String name, String phone) {
        var response = as(user).post("/api/contacts", Map.of("name", name, "phones", List.of(phone)));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    public JsonNode companyOf(String user, String name) {
        var response = as(user).post("/api/companies", Map.of("name", name));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    /** deal-service's record of a delivery, as it would appear on the deal topic. */
    public static String delivery(UUID dealId, UUID contactId, UUID companyId, int ordinal) {
        var delivery = new DeliveryCompleted(dealId, "scrap", contactId, companyId, ordinal, Instant.now(), new BigDecimal("1000"), "3А",
                new BigDecimal("20000"), new BigDecimal("20000.00"), "Т-" + ordinal, "u");
        return EventJson.write(new EventEnvelope<>(UUID.randomUUID(), "DeliveryCompleted", dealId.toString(), ordinal, Instant.now(), "u",
                delivery));
    }

    /** The Keycloak id of a demo user (the subject of their token). */
    public static String userId(String username) {
        String payload = Tokens.of(username).split("\\.")[1];
        return tools.jackson.databind.json.JsonMapper.builder().build()
                .readTree(new String(java.util.Base64.getUrlDecoder().decode(payload), java.nio.charset.StandardCharsets.UTF_8))
                .path("sub").asString();
    }

    public static void publishToDealTopic(UUID key, String... values) {
        TopicPublisher.publish(Topics.DEAL, key, values);
    }
}
