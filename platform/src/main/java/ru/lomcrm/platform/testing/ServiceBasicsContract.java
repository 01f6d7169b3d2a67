package ru.lomcrm.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What every LomCRM service promises operators and clients, checked on the running service:
 * its schema migrated, health and metrics up, an OpenAPI document, and no API without a valid
 * token. A service's test extends this and is annotated {@code @CrmServiceTest}.
 */
public abstract class ServiceBasicsContract {

    @LocalServerPort
    protected int port;
    @Autowired
    protected JdbcTemplate jdbc;

    protected ApiClient api;

    @BeforeEach
    void basicsClient() {
        api = ApiClient.at("http://127.0.0.1:" + port);
    }

    /** A path under the service's own API, e.g. {@code /api/tasks}. */
    protected abstract String apiPath();

    @Test
    void itsSchemaIsMigratedByFlyway() {
        Integer failed = jdbc.queryForObject("SELECT count(*) FROM flyway_schema_history WHERE NOT success", Integer.class);
        Integer applied = jdbc.queryForObject("SELECT count(*) FROM flyway_schema_history WHERE success", Integer.class);
        assertThat(failed).isZero();
        assertThat(applied).isPositive();
    }

    @Test
    void healthMetricsAndApiDocsAreServed() {
        var health = api.get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("status").asString()).isEqualTo("UP");

        var metrics = api.get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");

        var docs = api.get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().path("openapi").asString()).startsWith("3.");
        assertThat(docs.json().path("components").path("securitySchemes").path("bearer").path("scheme").asString()).isEqualTo("bearer");
        assertThat(docs.body()).as("the caller comes from the token, not from the request").doesNotContain("\"caller\"");
    }

    @Test
    void theApiRefusesCallsWithoutAValidToken() {
        var anonymous = api.get(apiPath());
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.isProblem()).as(anonymous.toString()).isTrue();

        var forged = api.withToken(Tokens.forged(Tokens.of("admin"))).get(apiPath());
        assertThat(forged.status()).isEqualTo(401);

        var foreign = api.withToken(Tokens.ofForeignClient("admin")).get(apiPath());
        assertThat(foreign.status()).as("a genuine token, but issued to another client of the realm").isEqualTo(401);
        assertThat(api.withToken(Tokens.of("admin")).get(apiPath()).status()).isNotEqualTo(401);
    }

    @Test
    void whatIsRefusedBeforeAnyControllerIsProblemJsonInRussian() {
        ApiClient admin = api.withToken(Tokens.of("admin"));
        var answers = java.util.List.of(
                admin.get("/api/no-such-section"),
                admin.raw("DELETE", apiPath(), null, null),
                admin.raw("POST", apiPath(), "text/plain", "hello"),
                admin.raw("POST", apiPath(), "application/json", "{\"text\": \"a\\u202Eb\"}"));
        for (var answer : answers) {
            assertThat(answer.status()).as(answer.toString()).isBetween(400, 499);
            assertThat(answer.isProblem()).as(answer.toString()).isTrue();
            assertThat(answer.json().path("code").asString()).as(answer.toString()).isNotBlank();
            assertThat(answer.json().path("detail").asString()).as(answer.toString()).containsPattern("[А-Яа-яЁё]");
        }
    }
}
