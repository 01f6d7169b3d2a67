package ru.lomcrm.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ru.lomcrm.platform.testing.ApiClient;
import ru.lomcrm.platform.testing.Tokens;

/** A manager's day with deals, through the gateway with real Keycloak tokens. */
class DealsThroughTheGatewayTest {

    private final ApiClient gateway = ApiClient.at(java.lang.System.getProperty("crm.gateway-url", "http://localhost:8080"));

    private ApiClient as(String user) {
        return gateway.withToken(Tokens.of(KeycloakUrl.get(), user, "demo-" + user));
    }

    @Test
    void aManagerWorksADealTheHeadSeesItAColleagueDoesNot() {
        var created = as("manager1").post("/api/deals", Map.of("title", "Металлобаза Юг", "expectedMonthlyVolumeT", 40));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().path("id").asString();

        assertThat(as("manager1").post("/api/deals/" + id + "/stage", Map.of("stage", "offer")).json().path("stage").asString())
                .isEqualTo("offer");
        assertThat(as("manager1").post("/api/deals/" + id + "/tags", Map.of("tags", List.of("#долгая оплата"))).status()).isEqualTo(200);

        var board = as("head").get("/api/funnels/scrap/board?stage=offer&limit=200");
        assertThat(board.status()).isEqualTo(200);
        assertThat(board.json().findValuesAsString("id")).contains(id);
        assertThat(as("head").get("/api/deals/" + id + "/history").json().path("items").size()).isEqualTo(3);

        assertThat(as("manager2").get("/api/deals/" + id).status()).isEqualTo(404);
        assertThat(as("manager2").get("/api/funnels/scrap/board?stage=offer&limit=200").json().findValuesAsString("id")).doesNotContain(id);
        assertThat(as("head2").get("/api/deals/" + id).status()).isEqualTo(404);
    }

    @Test
    void theFunnelsAreThereForEveryone() {
        var funnels = as("client1").get("/api/funnels");

        assertThat(funnels.status()).isEqualTo(200);
        assertThat(funnels.json().path("items").findValuesAsString("code")).contains("scrap", "permanent");
    }
}
