package ru.lomcrm.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ru.lomcrm.platform.testing.ApiClient;
import ru.lomcrm.platform.testing.Tokens;

/** Identification through the gateway: a client found by one manager cannot be taken by another. */
class ClientsThroughTheGatewayTest {

    private final ApiClient gateway = ApiClient.at(java.lang.System.getProperty("crm.gateway-url", "http://localhost:8080"));

    private ApiClient as(String user) {
        return gateway.withToken(Tokens.of(KeycloakUrl.get(), user, "demo-" + user));
    }

    @Test
    void aSecondManagerIsToldWhoAlreadyOwnsTheClient() {
        long n = 1000000 + Math.floorMod(System.nanoTime(), 8999999L);
        String phone = "+7 926 " + n;
        var created = as("manager1").post("/api/contacts", Map.of("name", "Олег Ломов", "phones", List.of(phone)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);

        var refused = as("client1").post("/api/contacts", Map.of("name", "Олег", "phones", List.of("8 926 " + n)));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("owner").path("username").asString()).isEqualTo("manager1");
        assertThat(as("client1").get("/api/contacts/" + created.json().path("id").asString()).status()).isEqualTo(404);
    }

    @Test
    void whenAHeadMergesADuplicateTheDealsFollowTheSurvivor() {
        long n = 1000000 + Math.floorMod(System.nanoTime(), 8999999L);
        String survivor = as("manager1").post("/api/contacts", Map.of("name", "Олег Ломов", "phones", List.of("+7 927 " + n)))
                .json().path("id").asString();
        var forced = as("head").post("/api/contacts", Map.of("name", "Олег Л.", "phones", List.of("8 927 " + n), "force", true,
                "ownerId", as("manager1").get("/api/contacts/" + survivor).json().path("owner").path("id").asString()));
        assertThat(forced.status()).as(forced.toString()).isEqualTo(201);
        String duplicate = forced.json().path("id").asString();
        var deal = as("manager1").post("/api/deals", Map.of("title", "Лом от Олега", "contactId", duplicate));
        assertThat(deal.status()).as(deal.toString()).isEqualTo(201);
        String dealId = deal.json().path("id").asString();

        assertThat(as("manager1").post("/api/contacts/" + survivor + "/merge", Map.of("duplicateId", duplicate, "reason", "дубль")).status()).isEqualTo(403);
        var merged = as("head").post("/api/contacts/" + survivor + "/merge", Map.of("duplicateId", duplicate, "reason", "один человек"));
        assertThat(merged.status()).as(merged.toString()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(as("manager1").get("/api/deals/" + dealId).json().path("contact").path("id").asString()).isEqualTo(survivor));
        assertThat(as("manager1").get("/api/contacts?size=500").json().path("items").findValuesAsString("id")).doesNotContain(duplicate);
    }
}
