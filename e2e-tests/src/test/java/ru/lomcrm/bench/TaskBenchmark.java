package ru.lomcrm.bench;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
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
 * Rule 3's latency across the running system: from a deal's creation answered by deal-service
 * (DealCreated committed) to its Лид task being visible in task-service's list, through the
 * gateway — deal-service's outbox, Kafka, task-service's inbox and stage task, its read model.
 * Not part of ./crm test (tag "benchmark"); run:
 * mvn -Pe2e -pl e2e-tests verify -Dgroups=benchmark -Dcrm.excluded-groups= -Dtest=TaskBenchmark
 * ({@code -Dbench.deals=1000 -Dbench.threads=2}). Prints its numbers; asserts only that every task appeared.
 */
@Tag("benchmark")
class TaskBenchmark {

    private static final String KEYCLOAK = System.getenv().getOrDefault("CRM_KEYCLOAK_URL", "http://127.0.0.1:8180");
    private static final Duration CEILING = Duration.ofSeconds(60);
    private final ApiClient gateway = ApiClient.at(System.getProperty("crm.gateway-url", "http://localhost:8080"));

    private ApiClient manager() {
        return gateway.withToken(Tokens.of(KEYCLOAK, "manager1", "demo-manager1"));
    }

    @Test
    void dealCreatedToStageTaskVisible() throws Exception {
        int deals = Integer.getInteger("bench.deals", 1000);
        int threads = Integer.getInteger("bench.threads", 2);
        warmUp();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> work = new ArrayList<>();
        for (int i = 0; i < deals; i++) {
            int n = i;
            work.add(pool.submit(() -> latencies.add(oneDeal("Бенч задач " + n))));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("DealCreated -> stage task visible, %d deals, %d client threads, %.0f s: p50 %d ms, p90 %d ms, p99 %d ms, max %d ms%n",
                sorted.size(), threads, seconds, percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99),
                sorted.get(sorted.size() - 1));
    }

    private void warmUp() {
        for (int i = 0; i < 5; i++) {
            oneDeal("Бенч задач (разогрев) " + i);
        }
    }

    /** Milliseconds from the deal's 201 to its task in GET /api/tasks?dealId=, polled every 10 ms. */
    private long oneDeal(String title) {
        var created = manager().post("/api/deals", Map.of("title", title, "expectedMonthlyVolumeT", 5));
        if (created.status() != 201) {
            throw new AssertionError(created.toString());
        }
        long answered = System.nanoTime();
        String path = "/api/tasks?size=1&dealId=" + created.json().path("id").asString();
        long[] seen = new long[1];
        await().atMost(CEILING).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10)).until(() -> {
            var tasks = manager().get(path);
            seen[0] = System.nanoTime();
            return tasks.status() == 200 && tasks.json().path("total").asInt() > 0;
        });
        return (seen[0] - answered) / 1_000_000;
    }

    private static long percentile(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
