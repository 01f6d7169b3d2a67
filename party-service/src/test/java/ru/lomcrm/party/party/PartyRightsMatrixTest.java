package ru.lomcrm.party.party;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import ru.lomcrm.party.PartyApiFixture;
import ru.lomcrm.platform.testing.ApiClient;
import ru.lomcrm.platform.testing.CrmServiceTest;

/**
 * Rule 10 on every endpoint that takes a contact id, for a contact of manager1 ("Активные
 * продажи"): manager1 owns it, head heads its group, admin sees all; manager2 (same group, not a
 * head) and head2 (another group's head) must not even learn it exists (404).
 */
@CrmServiceTest(database = "crm_party")
class PartyRightsMatrixTest {

    @LocalServerPort
    int port;

    private PartyApiFixture api;

    @BeforeEach
    void setUp() {
        api = new PartyApiFixture(port);
    }

    private static final Map<String, BiFunction<ApiClient, String, ApiClient.Response>> ACTIONS = Map.of(
            "read", (client, id) -> client.get("/api/contacts/" + id),
            "edit", (client, id) -> client.patch("/api/contacts/" + id, Map.of("notes", "заметка")),
            "tag", (client, id) -> client.post("/api/contacts/" + id + "/tags", Map.of("tags", List.of("#долгая оплата"))),
            "untag", (client, id) -> client.delete("/api/contacts/" + id + "/tags?tag="
                    + java.net.URLEncoder.encode("#долгая оплата", java.nio.charset.StandardCharsets.UTF_8)),
            "archive", (client, id) -> client.post("/api/contacts/" + id + "/archive", Map.of("reason", "не работает")),
            "history", (client, id) -> client.get("/api/contacts/" + id + "/history"));

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource({
            "manager1, read, 200", "manager1, edit, 200", "manager1, tag, 200", "manager1, untag, 200", "manager1, archive, 200",
            "manager1, history, 200",
            "head, read, 200", "head, edit, 200", "head, tag, 200", "head, untag, 200", "head, archive, 200", "head, history, 200",
            "admin, read, 200", "admin, edit, 200", "admin, tag, 200", "admin, untag, 200", "admin, archive, 200", "admin, history, 200",
            "manager2, read, 404", "manager2, edit, 404", "manager2, tag, 404", "manager2, untag, 404", "manager2, archive, 404",
            "manager2, history, 404",
            "head2, read, 404", "head2, edit, 404", "head2, tag, 404", "head2, untag, 404", "head2, archive, 404", "head2, history, 404"})
    void whoMayDoWhatWithManager1sContact(String user, String action, int expected) {
        String id = api.contactOf("manager1").path("id").asString();

        var response = ACTIONS.get(action).apply(api.as(user), id);

        assertThat(response.status()).as(response.toString()).isEqualTo(expected);
        if (expected == 404) {
            assertThat(response.isProblem()).isTrue();
        }
    }

    @ParameterizedTest(name = "{0} gives manager1''s contact to manager2: {1}")
    @CsvSource({"manager1, 403", "manager2, 404", "head, 200", "admin, 200", "head2, 404"})
    void onlyTheHeadOfTheOwnersGroupOrAnAdminChangesTheOwner(String user, int expected) {
        String id = api.contactOf("manager1").path("id").asString();
        String manager2Id = api.contactOf("manager2").path("owner").path("id").asString();

        var response = api.as(user).post("/api/contacts/" + id + "/owner", Map.of("ownerId", manager2Id, "reason", "отпуск"));

        assertThat(response.status()).as(response.toString()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} lists contacts: sees manager1''s = {1}")
    @CsvSource({"manager1, true", "head, true", "admin, true", "manager2, false", "head2, false"})
    void theListShowsOnlyWhatTheCallerMaySee(String user, boolean sees) {
        String id = api.contactOf("manager1").path("id").asString();

        List<String> listed = api.as(user).get("/api/contacts?size=500").json().path("items").findValuesAsString("id");

        assertThat(listed.contains(id)).isEqualTo(sees);
    }

    @ParameterizedTest(name = "{0} merges two of manager1''s contacts: {1}")
    @CsvSource({"manager1, 403", "manager2, 404", "head, 200", "admin, 200", "head2, 404"})
    void onlyAHeadWhoSeesBothOrAnAdminMergesDuplicates(String user, int expected) {
        String survivor = api.contactOf("manager1").path("id").asString();
        String duplicate = api.contactOf("manager1").path("id").asString();

        var response = api.as(user).post("/api/contacts/" + survivor + "/merge", Map.of("duplicateId", duplicate, "reason", "дубль"));

        assertThat(response.status()).as(response.toString()).isEqualTo(expected);
    }
}
