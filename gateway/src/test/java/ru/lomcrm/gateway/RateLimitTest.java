package ru.lomcrm.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Small limits (3 a minute) so the test meets them; per user for signed-in callers, per IP otherwise. Runs without Keycloak. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "crm.gateway.rate-limit.user.limit=3", "crm.gateway.rate-limit.user.period=1m",
        "crm.gateway.rate-limit.anonymous.limit=3", "crm.gateway.rate-limit.anonymous.period=1m"})
class RateLimitTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @DynamicPropertySource
    static void offline(DynamicPropertyRegistry registry) {
        TestJwts.register(registry);
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Accept", "application/json");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void tooMany(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(429);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isBetween(1L, 60L));
        JsonNode problem = JsonMapper.builder().build().readTree(response.body());
        assertThat(problem.path("code").asString()).isEqualTo("too-many-requests");
        assertThat(problem.path("status").asInt()).isEqualTo(429);
        assertThat(problem.path("detail").asString()).startsWith("Слишком много запросов");
    }

    @Test
    void aSignedInUserOverTheLimitGets429AndOthersDoNot() throws Exception {
        String busy = TestJwts.token("7c1d0000-0000-4000-8000-00000000aaaa", "manager2", "crm-manager");
        String other = TestJwts.token("7c1d0000-0000-4000-8000-00000000bbbb", "head", "crm-head");
        for (int i = 0; i < 3; i++) {
            assertThat(get("/api/me", "Authorization", "Bearer " + busy).statusCode()).isEqualTo(200);
        }

        tooMany(get("/api/me", "Authorization", "Bearer " + busy));
        assertThat(get("/api/me", "Authorization", "Bearer " + other).statusCode()).isEqualTo(200);
    }

    @Test
    void anonymousRequestsAreLimitedPerClientIp() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(get("/actuator/health", "X-Forwarded-For", "203.0.113.7").statusCode()).isEqualTo(200);
        }

        tooMany(get("/actuator/health", "X-Forwarded-For", "203.0.113.7"));
        tooMany(get("/api/deals", "X-Forwarded-For", "203.0.113.7"));
        assertThat(get("/actuator/health", "X-Forwarded-For", "203.0.113.8").statusCode()).isEqualTo(200);
    }
}
