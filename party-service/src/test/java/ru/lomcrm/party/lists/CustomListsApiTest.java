package ru.lomcrm.party.lists;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import ru.lomcrm.platform.testing.ApiClient;
import ru.lomcrm.platform.testing.CrmServiceTest;
import ru.lomcrm.platform.testing.Tokens;

@CrmServiceTest(database = "crm_party")
class CustomListsApiTest {

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

    private String yardsList() {
        var created = as("admin").post("/api/lists", Map.of("name", "Площадки " + System.nanoTime(), "fields", List.of(
                Map.of("code", "city", "name", "Город", "type", "text", "required", true),
                Map.of("code", "capacity", "name", "Мощность, т", "type", "number"),
                Map.of("code", "since", "name", "Работаем с", "type", "date"),
                Map.of("code", "kind", "name", "Тип", "type", "select", "options", List.of("чермет", "цветмет")),
                Map.of("code", "phone", "name", "Телефон", "type", "phone"))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    @Test
    void anAdminDefinesAListAndPeopleKeepTypedRecordsInIt() {
        String list = yardsList();

        var added = as("manager1").post("/api/lists/" + list + "/elements",
                Map.of("city", "Подольск", "capacity", "120,5", "since", "2024-03-01", "kind", "чермет", "phone", "8 (916) 123-45-67"));

        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        JsonNode values = added.json().path("values");
        assertThat(values.path("capacity").decimalValue()).isEqualByComparingTo("120.5");
        assertThat(values.path("phone").asString()).isEqualTo("+79161234567");
        assertThat(added.json().path("owner").path("username").asString()).isEqualTo("manager1");
        assertThat(as("head").get("/api/lists/" + list + "/elements").json().path("total").asLong()).isEqualTo(1);
        assertThat(as("manager2").get("/api/lists/" + list + "/elements").json().path("total").asLong()).isZero();
        assertThat(as("manager2").get("/api/lists/" + list + "/elements/" + added.json().path("id").asString()).status()).isEqualTo(404);
    }

    @Test
    void valuesAreCheckedAgainstTheColumns() {
        String list = yardsList();
        var manager1 = as("manager1");

        assertThat(field(manager1.post("/api/lists/" + list + "/elements", Map.of("capacity", "5")))).isEqualTo("city");
        assertThat(field(manager1.post("/api/lists/" + list + "/elements", Map.of("city", "Тула", "capacity", "много")))).isEqualTo("capacity");
        assertThat(field(manager1.post("/api/lists/" + list + "/elements", Map.of("city", "Тула", "since", "01.03.2024")))).isEqualTo("since");
        assertThat(field(manager1.post("/api/lists/" + list + "/elements", Map.of("city", "Тула", "kind", "пластик")))).isEqualTo("kind");
        assertThat(field(manager1.post("/api/lists/" + list + "/elements", Map.of("city", "Тула", "color", "red")))).isEqualTo("color");
        assertThat(manager1.get("/api/lists/" + list + "/elements").json().path("total").asLong()).isZero();
    }

    @Test
    void aValueNoColumnCanHoldIsRefusedWithTheColumnNamedNeverA500() {
        String list = yardsList();
        ApiClient manager1 = as("manager1");
        String path = "/api/lists/" + list + "/elements";
        var nul = manager1.postRaw(path, "{\"city\": \"Ту\\u0000ла\"}");
        var infinite = manager1.postRaw(path, "{\"city\": \"Тула\", \"capacity\": 1e400}");
        var huge = manager1.postRaw(path, "{\"city\": \"Тула\", \"capacity\": 12345678901234567890123456789}");
        var nested = manager1.postRaw(path, "{\"city\": {\"a\": [1, 2]}}");
        for (var refused : List.of(nul, infinite, huge, nested)) {
            assertThat(refused.status()).as(refused.toString()).isBetween(400, 422);
            assertThat(refused.isProblem()).isTrue();
        }
        assertThat(field(infinite)).isEqualTo("capacity");
        assertThat(field(huge)).isEqualTo("capacity");
        assertThat(manager1.get(path).json().path("total").asLong()).isZero();

        var exact = manager1.postRaw(path, "{\"city\": \"Тула\", \"capacity\": 123456789012345.5}");
        assertThat(exact.status()).as(exact.toString()).isEqualTo(201);
        assertThat(exact.body()).as("as written on the wire, not 1.234567890123455E14").contains("\"capacity\":123456789012345.5");
        var round = manager1.post(path, Map.of("city", "Тула", "capacity", 1000));
        assertThat(round.body()).as("kept as written, not 1E+3").contains("\"capacity\":1000");
        String roundId = round.json().path("id").asString();
        assertThat(manager1.get(path + "/" + roundId).body()).contains("\"capacity\":1000");
    }

    @Test
    void onlyAnAdminShapesListsAndANonEmptyListStays() {
        assertThat(as("head").post("/api/lists", Map.of("name", "Мой", "fields", List.of(Map.of("code", "a", "name", "А", "type", "text"))))
                .status()).isEqualTo(403);
        String list = yardsList();
        as("manager1").post("/api/lists/" + list + "/elements", Map.of("city", "Тула"));

        assertThat(as("admin").delete("/api/lists/" + list).status()).isEqualTo(409);
    }

    private static String field(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        return response.json().path("errors").get(0).path("field").asString();
    }
}
