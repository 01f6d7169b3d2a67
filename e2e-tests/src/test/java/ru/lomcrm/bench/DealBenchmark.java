package ru.lomcrm.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import ru.lomcrm.platform.testing.ApiClient;
import ru.lomcrm.platform.testing.Tokens;

/**
 * Throughput and board latency of deal-service through the gateway, against the running system.
 * Not part of ./crm test (tag "benchmark"); run: mvn -Pe2e -pl e2e-tests verify -Dgroups=benchmark
 * Prints its numbers; asserts nothing about speed.
 */
@Tag("benchmark")
class DealBenchmark {

    private static final String KEYCLOAK = "http://127.0.0.1:8180";
    private final ApiClient gateway = ApiClient.at(System.getProperty("crm.gateway-url", "http://localhost:8080"));

    @Test
    void createMoveAndBoard() throws Exception {
        ApiClient manager = gateway.withToken(Tokens.of(KEYCLOAK, "manager1", "demo-manager1"));
        List<String> ids = new ArrayList<>();
        long end = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < end) {
            var response = gateway.withToken(Tokens.of(KEYCLOAK, "manager1", "demo-manager1")).post("/api/deals",
                    Map.of("title", "Бенч " + ids.size(), "expectedMonthlyVolumeT", 10));
            ids.add(response.json().path("id").asString());
        }
        System.out.printf("create-deal: %d in 10 s = %.1f/s (one client)%n", ids.size(), ids.size() / 10.0);

        int moves = 0;
        end = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < end) {
            String id = ids.get(moves % ids.size());
            String stage = (moves / ids.size()) % 2 == 0 ? "qualified" : "offer";
            gateway.withToken(Tokens.of(KEYCLOAK, "manager1", "demo-manager1")).post("/api/deals/" + id + "/stage", Map.of("stage", stage));
            moves++;
        }
        System.out.printf("move-stage: %d in 10 s = %.1f/s (one client)%n", moves, moves / 10.0);

        int target = Integer.getInteger("bench.deals", 10_000);
        long have = manager.get("/api/deals?size=1").json().path("total").asLong();
        if (have < target) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<?>> work = new ArrayList<>();
            for (long i = have; i < target; i++) {
                long n = i;
                work.add(pool.submit(() -> gateway.withToken(Tokens.of(KEYCLOAK, "manager1", "demo-manager1"))
                        .post("/api/deals", Map.of("title", "Заполнение " + n, "expectedMonthlyVolumeT", n % 50))));
            }
            for (Future<?> f : work) {
                f.get();
            }
            pool.shutdown();
        }
        System.out.printf("deals visible to manager1: %d%n", manager.get("/api/deals?size=1").json().path("total").asLong());
        for (String user : List.of("manager1", "admin")) {
            ApiClient client = gateway.withToken(Tokens.of(KEYCLOAK, user, "demo-" + user));
            long[] times = new long[30];
            for (int i = 0; i < times.length; i++) {
                long start = System.nanoTime();
                var board = client.get("/api/funnels/scrap/board?limit=50");
                times[i] = (System.nanoTime() - start) / 1_000;
                if (board.status() != 200) {
                    throw new AssertionError(board.toString());
                }
            }
            Arrays.sort(times);
            System.out.printf("board (%s, 50 cards per stage): p50 %d ms, p95 %d ms, max %d ms%n", user, times[15] / 1000,
                    times[28] / 1000, times[29] / 1000);
        }
    }
}
