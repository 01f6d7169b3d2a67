package ru.lomcrm.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ru.lomcrm.platform.testing.ApiClient;
import ru.lomcrm.platform.testing.Tokens;

/**
 * The pipe end to end through the gateway: a manager creates a deal; deal-service stores the
 * event and publishes it to Kafka; analytics-service consumes it and the summary grows.
 */
class DealReachesAnalyticsTest {

    private final ApiClient gateway = ApiClient.at(java.lang.System.getProperty("crm.gateway-url", "http://localhost:8080"));

    @Test
    void aDealCreatedByAManagerShowsInTheAnalyticsSummaryWithinFiveSeconds() {
        ApiClient admin = gateway.withToken(Tokens.of(KeycloakUrl.get(), "admin", "demo-admin"));
        long before = admin.get("/api/analytics/summary").json().path("dealsCreated").asLong(-1);
        assertThat(before).isGreaterThanOrEqualTo(0);

        var created = gateway.withToken(Tokens.of(KeycloakUrl.get(), "manager1", "demo-manager1"))
                .post("/api/deals", Map.of("title", "ООО Чермет-Юг"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().path("owner").path("username").asString()).isEqualTo("manager1");

        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertThat(admin.get("/api/analytics/summary").json().path("dealsCreated").asLong()).isGreaterThan(before));
    }

    @Test
    void withoutATokenTheGatewayAnswers401() {
        var response = gateway.post("/api/deals", Map.of("title", "Аноним"));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.isProblem()).isTrue();
    }

    @Test
    void aForgedTokenIsRefusedAtTheGateway() {
        String forged = Tokens.forged(Tokens.of(KeycloakUrl.get(), "manager1", "demo-manager1"));

        var response = gateway.withToken(forged).post("/api/deals", Map.of("title", "Подделка"));

        assertThat(response.status()).isEqualTo(401);
    }

    @Test
    void aManagerCannotReadTheAnalyticsSection() {
        var response = gateway.withToken(Tokens.of(KeycloakUrl.get(), "manager2", "demo-manager2")).get("/api/analytics/summary");

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.isProblem()).isTrue();
    }
}
