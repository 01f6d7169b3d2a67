package ru.lomcrm.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import ru.lomcrm.platform.testing.ApiClient;
import ru.lomcrm.platform.testing.Tokens;

/**
 * Rule 1's latency: from the response to the 5th POST .../deliveries to the permanent deal being
 * visible in GET /api/deals, through the gateway, one supplier after another. Not part of
 * ./crm test; run: mvn -Pe2e -pl e2e-tests verify -Dgroups=benchmark -Dcrm.excluded-groups= -Dtest=PromotionBenchmark
 */
@Tag("benchmark")
class PromotionBenchmark {

    private static final String KEYCLOAK = "http://127.0.0.1:8180";
    private final ApiClient gateway = ApiClient.at(System.getProperty("crm.gateway-url", "http://localhost:8080"));

    @Test
    void fifthDeliveryToPermanentDealVisible() throws Exception {
        ApiClient manager = gateway.withToken(Tokens.of(KEYCLOAK, "manager1", "demo-manager1"));
        ApiClient admin = gateway.withToken(Tokens.of(KEYCLOAK, "admin", "demo-admin"));
        int runs = Integer.getInteger("bench.promotions", 200);
        List<Long> micros = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            String company = manager.post("/api/companies", Map.of("name", "Бенч " + UUID.randomUUID())).json().path("id").asString();
            String deal = manager.post("/api/deals", Map.of("title", "Бенч", "companyId", company)).json().path("id").asString();
            for (int i = 1; i <= 5; i++) {
                var response = manager.post("/api/deals/" + deal + "/deliveries", Map.of("deliveredAt", java.time.Instant.now().minusSeconds(60)
                        .toString(), "weightKg", "1000", "grade", "3А", "pricePerTonne", "21000", "ticketNo", "Т-" + i));
                if (response.status() != 201) {
                    throw new IllegalStateException(response.toString());
                }
            }
            long start = System.nanoTime();
            while (admin.get("/api/deals?funnel=permanent&size=1&companyId=" + company).json().path("total").asInt() == 0) {
                if (System.nanoTime() - start > 60_000_000_000L) {
                    throw new IllegalStateException("no permanent deal after 60 s for company " + company);
                }
                Thread.sleep(10);
            }
            micros.add((System.nanoTime() - start) / 1000);
        }
        Collections.sort(micros);
        System.out.printf("promotion latency over %d: p50 %d ms, p90 %d ms, p99 %d ms, max %d ms%n", runs, micros.get(runs / 2) / 1000,
                micros.get(runs * 9 / 10) / 1000, micros.get(Math.min(runs - 1, runs * 99 / 100)) / 1000, micros.get(runs - 1) / 1000);
    }
}
