package ru.lomcrm.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static ru.lomcrm.e2e.SystemUnderTest.as;
import static ru.lomcrm.e2e.SystemUnderTest.created;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import ru.lomcrm.platform.testing.ApiClient;

/**
 * Rule 10 for every operation on a record, generated from the OpenAPI documents: each operation
 * under a deal, contact, company or task id, called on manager1's record by someone who may not
 * see it (a manager of the same group, a manager and the head of another group), never succeeds
 * and leaves the record as it was; the owner, the group's head and an admin read it.
 */
class RightsFromOpenApiTest {

    private static final JsonMapper json = JsonMapper.shared();
    private static final List<String> OUTSIDERS = List.of("manager2", "client1", "head2");
    private static final List<String> INSIDERS = List.of("manager1", "head", "admin");
    private static final Map<String, Integer> SERVICES = Map.of("deal-service", 8081, "party-service", 8082, "task-service", 8083);

    private record Operation(String method, String template, JsonNode body) {
    }

    @Test
    void nobodyOutsideTheOwnersReachReadsOrChangesARecordThroughAnyOperation() {
        String company = created(as("manager1").post("/api/companies", Map.of("name", "ООО Права " + System.nanoTime(),
                "inn", SystemUnderTest.freshInn())));
        String contact = created(as("manager1").post("/api/contacts", Map.of("name", "Права Проверкин", "companyId", company)));
        String deal = created(as("manager1").post("/api/deals", Map.of("title", "Права " + System.nanoTime(), "contactId", contact,
                "companyId", company)));
        String due = Instant.now().plus(Duration.ofDays(2)).toString();
        String task = await().atMost(Duration.ofSeconds(60)).until(() -> as("manager1").post("/api/tasks", Map.of("text", "Права",
                "dueAt", due, "link", Map.of("type", "deal", "id", deal))), r -> r.status() == 201).json().path("id").asString();
        Map<String, String> records = Map.of("deals", deal, "contacts", contact, "companies", company, "tasks", task);

        List<Operation> operations = operations();
        List<String> broken = new ArrayList<>();
        int calls = 0;
        for (Operation operation : operations) {
            String kind = operation.template().split("/")[2];
            String id = records.get(kind);
            String path = operation.template().replace("{id}", id).replace("{companyId}", company)
                    .replace("{tag}", "%23%D0%BF%D1%80%D0%B0%D0%B2%D0%B0");
            long before = version(kind, id);
            for (String outsider : OUTSIDERS) {
                calls++;
                var answer = as(outsider).raw(operation.method(), path, "application/json",
                        operation.method().equals("GET") || operation.method().equals("DELETE") ? null : sample(operation.body()));
                if (answer.status() < 400 || answer.status() >= 500) {
                    broken.add(outsider + " " + operation.method() + " " + operation.template() + " → " + answer.status());
                }
                if (operation.method().equals("GET") && answer.status() != 403 && answer.status() != 404) {
                    broken.add(outsider + " read " + operation.template() + " → " + answer.status() + " (expected 403/404)");
                }
            }
            if (version(kind, id) != before) {
                broken.add(operation.method() + " " + operation.template() + " changed manager1's record");
            }
            if (operation.method().equals("GET")) {
                for (String insider : INSIDERS) {
                    calls++;
                    int status = as(insider).get(path).status();
                    if (status != 200) {
                        broken.add(insider + " GET " + operation.template() + " → " + status + " (expected 200)");
                    }
                }
            }
        }
        System.out.printf("Rights from OpenAPI: %d operations on a record × %d outsiders (+ %d insiders on reads), %d calls%n",
                operations.size(), OUTSIDERS.size(), INSIDERS.size(), calls);
        assertThat(operations.size()).as("operations found in the documents").isGreaterThan(30);
        assertThat(broken).isEmpty();
    }

    private static long version(String kind, String id) {
        return as("admin").get("/api/" + kind + "/" + id).json().path("version").asLong(-1);
    }

    /** Every operation of deal-, party- and task-service on one deal, contact, company or task (settings and lists aside). */
    private static List<Operation> operations() {
        List<Operation> found = new ArrayList<>();
        for (int port : SERVICES.values()) {
            JsonNode doc = ApiClient.at("http://127.0.0.1:" + port).get("/v3/api-docs").json();
            for (var path : doc.path("paths").properties()) {
                String template = path.getKey();
                if (!template.matches("/api/(deals|contacts|companies|tasks)/\\{id}.*")) {
                    continue;
                }
                for (var operation : path.getValue().properties()) {
                    JsonNode schema = operation.getValue().path("requestBody").path("content").path("application/json").path("schema");
                    found.add(new Operation(operation.getKey().toUpperCase(), template, resolve(doc, schema)));
                }
            }
        }
        return found;
    }

    /** A body of the operation's shape with plausible values, so a refusal is about rights, not only about the body. */
    private static String sample(JsonNode schema) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (var property : schema.path("properties").properties()) {
            String type = property.getValue().path("type").asString("string");
            body.put(property.getKey(), switch (property.getKey()) {
                case "stage" -> "qualified";
                case "ownerId", "assigneeId" -> "00000000-0000-0000-0000-000000000000";
                case "dueAt" -> Instant.now().plus(Duration.ofDays(3)).toString();
                case "tags" -> List.of("#права");
                default -> switch (type) {
                    case "integer", "number" -> 1;
                    case "boolean" -> false;
                    case "array" -> List.of();
                    case "object" -> Map.of();
                    default -> "Проверка прав";
                };
            });
        }
        return json.writeValueAsString(body);
    }

    private static JsonNode resolve(JsonNode doc, JsonNode schema) {
        JsonNode current = schema;
        for (int hop = 0; hop < 10 && current.has("$ref"); hop++) {
            current = doc.at(current.path("$ref").asString().substring(1));
        }
        return current;
    }
}
