package ru.lomcrm.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static ru.lomcrm.e2e.SystemUnderTest.as;
import static ru.lomcrm.e2e.SystemUnderTest.created;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Rule 10 for what a request refers to, not only for the record it changes: a manager cannot put
 * another manager's client into a task of theirs or a contact into another manager's company.
 */
class ReferencesThroughTheGatewayTest {

    private static final String TOMORROW = java.time.Instant.now().plus(java.time.Duration.ofDays(1)).toString();

    private static Map<String, Object> task(String text, Object... more) {
        var body = new java.util.HashMap<String, Object>(Map.of("text", text, "dueAt", TOMORROW));
        for (int i = 0; i + 1 < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        return body;
    }

    private static String companyOfManager1() {
        String company = created(as("manager1").post("/api/companies", Map.of("name", "ООО Чужой лом " + System.nanoTime(),
                "inn", SystemUnderTest.freshInn())));
        // task-service learns of it (and of its owner) from party-service's topic
        await().atMost(Duration.ofSeconds(60)).until(() -> as("manager1").post("/api/tasks", task("Проверка связи",
                "link", Map.of("type", "company", "id", company))).status() == 201);
        return company;
    }

    @Test
    void aTaskCannotBeLinkedToAnotherManagersCompanyNeitherOnCreateNorByEditing() {
        String company = companyOfManager1();

        var created = as("manager2").post("/api/tasks", task("Позвонить конкуренту", "link", Map.of("type", "company", "id", company)));
        assertThat(created.status()).as(created.toString()).isEqualTo(422);
        assertThat(created.json().path("errors").findValuesAsString("field")).contains("link.id");

        var own = as("manager2").post("/api/tasks", task("Своя задача"));
        assertThat(own.status()).isEqualTo(201);
        var relinked = as("manager2").patch("/api/tasks/" + own.json().path("id").asString(),
                Map.of("link", Map.of("type", "company", "id", company)));
        assertThat(relinked.status()).as(relinked.toString()).isEqualTo(422);
        assertThat(as("manager2").get("/api/tasks/" + own.json().path("id").asString()).json().path("link").isMissingNode()
                || as("manager2").get("/api/tasks/" + own.json().path("id").asString()).json().path("link").isNull()).isTrue();

        // the head of manager1's group may
        assertThat(as("head").post("/api/tasks", task("Созвон с клиентом группы", "link", Map.of("type", "company", "id", company)))
                .status()).isEqualTo(201);
    }

    @Test
    void aContactCannotBePutIntoAnotherManagersCompany() {
        String company = companyOfManager1();

        var refused = as("manager2").post("/api/contacts", Map.of("name", "Пётр Чужой", "companyId", company));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.json().path("errors").findValuesAsString("field")).contains("companyId");
        assertThat(as("manager1").post("/api/contacts", Map.of("name", "Пётр Свой", "companyId", company)).status()).isEqualTo(201);
    }

    @Test
    void writesThatWouldAcceptNonsenseAreRefused() {
        var wipe = as("admin").put("/api/deals/tags", Map.of());
        assertThat(wipe.status()).as("{} must not wipe the objection tags").isEqualTo(400);
        assertThat(as("manager1").get("/api/deals/tags").json().path("items").size()).isPositive();

        String task = created(as("manager1").post("/api/tasks", task("Тип результата")));
        var numeric = as("manager1").post("/api/tasks/" + task + "/complete", Map.of("result", 12345));
        assertThat(numeric.status()).as(numeric.toString()).isEqualTo(400);
        assertThat(numeric.json().path("detail").asString()).contains("result");

        String deal = created(as("manager1").post("/api/deals", Map.of("title", "Невидимки " + System.nanoTime())));
        var rtl = as("manager1").post("/api/deals/" + deal + "/tags", Map.of("tags", List.of("#abc\u202Edcba")));
        assertThat(rtl.status()).isBetween(400, 422);
        var zeroWidth = as("manager1").post("/api/deals/" + deal + "/tags", Map.of("tags", List.of("#склад\u200bПодольск")));
        assertThat(zeroWidth.status()).isEqualTo(422);
        assertThat(as("manager1").get("/api/deals/" + deal).json().path("tags").size()).isZero();
        var name = as("manager1").post("/api/contacts", Map.of("name", "Иван\u200d Иванов"));
        assertThat(name.status()).isEqualTo(422);
    }
}
