package ru.lomcrm.deal.deal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import ru.lomcrm.deal.DealApiFixture;
import ru.lomcrm.platform.testing.ApiClient;
import ru.lomcrm.platform.testing.CrmServiceTest;

/**
 * Rule 10 on every endpoint that takes a deal id, for a deal of manager1 ("Активные продажи"):
 * manager1 owns it, head is the head of its group, admin sees all; manager2 (same group, not a
 * head) and head2 (head of another group) must not even learn it exists (404).
 */
@CrmServiceTest(database = "crm_deal")
class DealRightsMatrixTest {

    @LocalServerPort
    int port;

    private DealApiFixture api;

    @BeforeEach
    void setUp() {
        api = new DealApiFixture(port);
    }

    private static final Map<String, BiFunction<ApiClient, String, ApiClient.Response>> ACTIONS = Map.of(
            "read", (client, id) -> client.get("/api/deals/" + id),
            "move", (client, id) -> client.post("/api/deals/" + id + "/stage", Map.of("stage", "qualified")),
            "edit", (client, id) -> client.patch("/api/deals/" + id, Map.of("notes", "заметка")),
            "tag", (client, id) -> client.post("/api/deals/" + id + "/tags", Map.of("tags", List.of("#низкая цена"))),
            "delivery", (client, id) -> client.post("/api/deals/" + id + "/deliveries",
                    DealApiFixture.delivery("Т-" + System.nanoTime(), "100")),
            "deliveries", (client, id) -> client.get("/api/deals/" + id + "/deliveries"),
            "history", (client, id) -> client.get("/api/deals/" + id + "/history"));

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource({
            "manager1, read, 200", "manager1, move, 200", "manager1, edit, 200", "manager1, tag, 200",
            "manager1, delivery, 201", "manager1, deliveries, 200", "manager1, history, 200",
            "head, read, 200", "head, move, 200", "head, edit, 200", "head, tag, 200",
            "head, delivery, 201", "head, deliveries, 200", "head, history, 200",
            "admin, read, 200", "admin, move, 200", "admin, edit, 200", "admin, tag, 200",
            "admin, delivery, 201", "admin, deliveries, 200", "admin, history, 200",
            "manager2, read, 404", "manager2, move, 404", "manager2, edit, 404", "manager2, tag, 404",
            "manager2, delivery, 404", "manager2, deliveries, 404", "manager2, history, 404",
            "head2, read, 404", "head2, move, 404", "head2, edit, 404", "head2, tag, 404",
            "head2, delivery, 404", "head2, deliveries, 404", "head2, history, 404"})
    void whoMayDoWhatWithManager1sDeal(String user, String action, int expected) {
        String id = api.dealOf("manager1").path("id").asString();

        var response = ACTIONS.get(action).apply(api.as(user), id);

        assertThat(response.status()).as(response.toString()).isEqualTo(expected);
        if (expected == 404) {
            assertThat(response.isProblem()).isTrue();
        }
    }

    @ParameterizedTest(name = "{0} gives manager1''s deal to manager2: {1}")
    @CsvSource({"manager1, 403", "manager2, 404", "head, 200", "admin, 200", "head2, 404"})
    void onlyTheHeadOfTheOwnersGroupOrAnAdminChangesTheOwner(String user, int expected) {
        String id = api.dealOf("manager1").path("id").asString();
        String manager2Id = api.dealOf("manager2").path("owner").path("id").asString();

        var response = api.as(user).post("/api/deals/" + id + "/owner", Map.of("ownerId", manager2Id));

        assertThat(response.status()).as(response.toString()).isEqualTo(expected);
        if (expected == 200) {
            assertThat(response.json().path("owner").path("username").asString()).isEqualTo("manager2");
        }
    }

    @ParameterizedTest(name = "{0} lists and boards: sees manager1''s deal = {1}")
    @CsvSource({"manager1, true", "head, true", "admin, true", "manager2, false", "head2, false"})
    void theListAndTheBoardShowOnlyWhatTheCallerMaySee(String user, boolean sees) {
        String id = api.dealOf("manager1").path("id").asString();

        List<String> listed = api.as(user).get("/api/deals?size=500").json().path("items").findValuesAsString("id");
        List<String> boarded = api.as(user).get("/api/funnels/scrap/board?stage=lead&limit=200").json().findValuesAsString("id");

        assertThat(listed.contains(id)).isEqualTo(sees);
        assertThat(boarded.contains(id)).isEqualTo(sees);
    }

    @ParameterizedTest(name = "{0} bulk-tags manager1''s deal: ok = {1}")
    @CsvSource({"manager1, true", "head, true", "admin, true", "manager2, false", "head2, false"})
    void bulkActionsFollowTheSameRule(String user, boolean ok) {
        String id = api.dealOf("manager1").path("id").asString();

        var response = api.as(user).post("/api/deals/bulk", Map.of("ids", List.of(id), "action", "tag", "tags", List.of("#далеко везти")));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("results").get(0).path("ok").asBoolean()).isEqualTo(ok);
    }
}
