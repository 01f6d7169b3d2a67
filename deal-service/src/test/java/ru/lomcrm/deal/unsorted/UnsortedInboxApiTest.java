package ru.lomcrm.deal.unsorted;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import ru.lomcrm.deal.DealApiFixture;
import ru.lomcrm.platform.testing.CrmServiceTest;

@CrmServiceTest(database = "crm_deal")
class UnsortedInboxApiTest {

    @LocalServerPort
    int port;

    private DealApiFixture api;

    @BeforeEach
    void setUp() {
        api = new DealApiFixture(port);
    }

    @Test
    void withoutTheSectionTheInboxIsClosed() {
        assertThat(api.as("manager2").get("/api/unsorted").status()).isEqualTo(403);
        var post = api.as("manager2").post("/api/unsorted", Map.of("source", "form", "name", "Иван", "phone", "+79161234567"));
        assertThat(post.status()).isEqualTo(403);
        assertThat(post.json().path("detail").asString()).contains("Неразобранн");
    }

    @Test
    void aSecondLeadWithTheSamePhoneInAnotherSpellingIsMarkedAsItsDuplicate() {
        String phone = "9" + (100000000L + System.nanoTime() % 899999999L);
        var first = api.as("manager1").post("/api/unsorted", Map.of("source", "form", "name", "Иван", "phone", "+7 " + phone));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        String firstId = first.json().path("id").asString();
        await().atMost(Duration.ofSeconds(30)).until(() ->
                api.as("manager1").get("/api/unsorted").json().path("items").findValuesAsString("id").contains(firstId));

        var second = api.as("manager1").post("/api/unsorted", Map.of("source", "call", "phone", "8 (" + phone.substring(0, 3) + ") "
                + phone.substring(3, 6) + "-" + phone.substring(6, 8) + "-" + phone.substring(8)));

        assertThat(second.json().path("duplicateOf").asString()).isEqualTo(firstId);
    }

    @Test
    void decliningNeedsAReasonAndTakesTheLeadOutOfPending() {
        String leadId = api.as("manager1").post("/api/unsorted", Map.of("source", "form", "name", "Спам", "phone", "+70000000001"))
                .json().path("id").asString();
        await().atMost(Duration.ofSeconds(30)).until(() ->
                api.as("manager1").get("/api/unsorted").json().path("items").findValuesAsString("id").contains(leadId));

        assertThat(api.as("manager1").post("/api/unsorted/" + leadId + "/decline", Map.of("reason", "")).status()).isEqualTo(400);
        var declined = api.as("manager1").post("/api/unsorted/" + leadId + "/decline", Map.of("reason", "Реклама"));

        assertThat(declined.status()).isEqualTo(200);
        assertThat(declined.json().path("status").asString()).isEqualTo("declined");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                !api.as("manager1").get("/api/unsorted").json().path("items").findValuesAsString("id").contains(leadId));
    }

    @Test
    void aLeadNeedsASourceAndAValidEmail() {
        var bad = api.as("manager1").post("/api/unsorted", Map.of("source", "pigeon", "email", "не почта"));

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("errors").findValuesAsString("field")).contains("source", "email");
    }
}
