package ru.lomcrm.deal.deal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import ru.lomcrm.deal.DealApiFixture;
import ru.lomcrm.platform.testing.ApiClient;
import ru.lomcrm.platform.testing.CrmServiceTest;

/**
 * A client that retries a create (its answer was lost, the service restarted, a double click)
 * sends the same Idempotency-Key and gets the first answer again — one deal, not two.
 */
@CrmServiceTest(database = "crm_deal")
class RetriedCreatesTest {

    @LocalServerPort
    int port;

    private DealApiFixture api;

    @BeforeEach
    void setUp() {
        api = new DealApiFixture(port);
    }

    private List<String> dealsTitled(String title) {
        List<String> ids = new ArrayList<>();
        api.as("manager1").get("/api/deals?size=500&q=" + java.net.URLEncoder.encode(title, java.nio.charset.StandardCharsets.UTF_8))
                .json().path("items").forEach(deal -> ids.add(deal.path("id").asString()));
        return ids;
    }

    @Test
    void aRetriedCreateWithTheSameKeyGetsTheFirstAnswerAndMakesOneDeal() {
        String title = "Повтор " + System.nanoTime();
        String key = UUID.randomUUID().toString();
        var first = api.as("manager1").post("/api/deals", Map.of("title", title), "Idempotency-Key", key);
        var again = api.as("manager1").post("/api/deals", Map.of("title", title), "Idempotency-Key", key);

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().path("id").asString()).isEqualTo(first.json().path("id").asString());
        assertThat(again.location()).isEqualTo(first.location());
        assertThat(again.header("Idempotency-Replayed")).contains("true");
        assertThat(dealsTitled(title)).containsExactly(first.json().path("id").asString());

        var otherBody = api.as("manager1").post("/api/deals", Map.of("title", title + " другое"), "Idempotency-Key", key);
        assertThat(otherBody.status()).isEqualTo(422);
        assertThat(otherBody.isProblem()).isTrue();
        assertThat(otherBody.json().path("code").asString()).isEqualTo("idempotency-key-reused");
        // a key is the caller's own: another manager's same key is a request of theirs
        var someoneElse = api.as("manager2").post("/api/deals", Map.of("title", title), "Idempotency-Key", key);
        assertThat(someoneElse.status()).isEqualTo(201);
        assertThat(someoneElse.json().path("id").asString()).isNotEqualTo(first.json().path("id").asString());
    }

    @Test
    void concurrentRepeatsOfOneCreateMakeOneDeal() {
        String title = "Двойной клик " + System.nanoTime();
        String key = UUID.randomUUID().toString();
        ApiClient manager1 = api.as("manager1");
        List<CompletableFuture<ApiClient.Response>> repeats = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            repeats.add(CompletableFuture.supplyAsync(() -> manager1.post("/api/deals", Map.of("title", title), "Idempotency-Key", key)));
        }
        List<Integer> statuses = repeats.stream().map(CompletableFuture::join).map(ApiClient.Response::status).toList();

        assertThat(statuses).allMatch(status -> status == 201 || status == 409).contains(201);
        assertThat(dealsTitled(title)).hasSize(1);
    }

    @Test
    void aCreateWithoutAKeyIsACreateAndABadKeyIsRefused() {
        String title = "Без ключа " + System.nanoTime();
        api.as("manager1").post("/api/deals", Map.of("title", title));
        api.as("manager1").post("/api/deals", Map.of("title", title));
        assertThat(dealsTitled(title)).hasSize(2);

        var bad = api.as("manager1").post("/api/deals", Map.of("title", title), "Idempotency-Key", "two words");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("code").asString()).isEqualTo("idempotency-key-invalid");
    }
}
