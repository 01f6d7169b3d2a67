package ru.lomcrm.analytics.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import ru.lomcrm.contracts.EventEnvelope;
import ru.lomcrm.contracts.Topics;
import ru.lomcrm.contracts.deal.DealCreated;
import ru.lomcrm.platform.events.EventJson;
import ru.lomcrm.platform.testing.ApiClient;
import ru.lomcrm.platform.testing.CrmServiceTest;
import ru.lomcrm.platform.testing.Tokens;
import ru.lomcrm.platform.testing.TopicPublisher;

@CrmServiceTest(database = "crm_analytics")
class DealSummaryTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    private ApiClient api;

    @BeforeEach
    void client() {
        api = ApiClient.at("http://127.0.0.1:" + port);
    }

    @Test
    void aRedeliveredDealCreatedIsCountedOnce() throws Exception {
        long before = dealsCreated();
        UUID dealId = UUID.randomUUID();
        UUID secondId = UUID.randomUUID();
        String first = envelope(UUID.randomUUID(), dealId);
        String second = envelope(secondId, dealId);

        // Same key, so one partition and this order: once `second` is applied, the duplicate was seen.
        TopicPublisher.publish(Topics.DEAL, dealId, first, first, second);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> jdbc.queryForObject("SELECT count(*) FROM processed_event WHERE event_id = ?", Long.class, secondId) == 1);
        assertThat(dealsCreated()).isEqualTo(before + 2);
    }

    @Test
    void theSummaryNeedsTheAnalyticsSection() {
        var manager = api.withToken(Tokens.of("manager1")).get("/api/analytics/summary");
        assertThat(manager.status()).isEqualTo(403);
        assertThat(manager.isProblem()).isTrue();
        assertThat(manager.json().path("detail").asString()).contains("Аналитика");

        assertThat(api.withToken(Tokens.of("head")).get("/api/analytics/summary").status()).isEqualTo(200);
    }

    private long dealsCreated() {
        var response = api.withToken(Tokens.of("admin")).get("/api/analytics/summary");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().path("dealsCreated").asLong();
    }

    private static String envelope(UUID eventId, UUID dealId) {
        var payload = new DealCreated(dealId, "Сделка " + dealId, "scrap", "lead", "user-1", "manual", Instant.now(), null, null, null);
        return EventJson.write(new EventEnvelope<>(eventId, "DealCreated", dealId.toString(), 0, Instant.now(), "user-1", payload));
    }
}
