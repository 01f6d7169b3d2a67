package ru.lomcrm.deal.deal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import ru.lomcrm.contracts.Topics;
import ru.lomcrm.platform.testing.ApiClient;
import ru.lomcrm.platform.testing.CrmServiceTest;
import ru.lomcrm.platform.testing.TestInfrastructure;
import ru.lomcrm.platform.testing.Tokens;
import ru.lomcrm.platform.testing.TopicProbe;

@CrmServiceTest(database = "crm_deal")
class CreatingADealTest {

    private static TopicProbe dealTopic;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    private ApiClient anonymous;
    private ApiClient manager1;

    @BeforeAll
    static void watchTopic() {
        dealTopic = TopicProbe.open(TestInfrastructure.endpoints().kafkaBootstrap(), TestInfrastructure.topic(Topics.DEAL));
    }

    @AfterAll
    static void closeTopic() {
        dealTopic.close();
    }

    @BeforeEach
    void clients() {
        anonymous = ApiClient.at("http://127.0.0.1:" + port);
        manager1 = anonymous.withToken(Tokens.of("manager1"));
    }

    @Test
    void aCreatedDealIsStoredAsAnEventAndPublishedInTheEnvelope() {
        Instant before = Instant.now();
        var response = manager1.post("/api/deals", Map.of("title", "Втормет Подольск"));

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        JsonNode deal = response.json();
        String id = deal.path("id").asString();
        assertThat(response.location()).contains("/api/deals/" + id);
        assertThat(deal.path("title").asString()).isEqualTo("Втормет Подольск");
        assertThat(deal.path("funnel").asString()).isEqualTo("scrap");
        assertThat(deal.path("stage").asString()).isEqualTo("lead");
        assertThat(deal.path("owner").path("username").asString()).isEqualTo("manager1");
        String managerId = deal.path("owner").path("id").asString();

        var stored = jdbc.queryForMap("""
                SELECT payload_type, convert_from(meta_data, 'UTF8') AS meta_data, sequence_number
                FROM domain_event_entry WHERE aggregate_identifier = ?""", id);
        assertThat(stored.get("payload_type")).isEqualTo("ru.lomcrm.contracts.deal.DealCreated");
        assertThat(stored.get("sequence_number")).isEqualTo(0L);
        assertThat((String) stored.get("meta_data")).contains("\"actor\":\"" + managerId + "\"");

        var record = dealTopic.await(r -> id.equals(r.key()), Duration.ofSeconds(30));
        JsonNode envelope = JsonMapper.builder().build().readTree(record.value());
        assertThat(UUID.fromString(envelope.path("eventId").asString())).isNotNull();
        assertThat(envelope.path("eventType").asString()).isEqualTo("DealCreated");
        assertThat(envelope.path("aggregateId").asString()).isEqualTo(id);
        assertThat(envelope.path("aggregateVersion").asLong(-1)).isZero();
        assertThat(Instant.parse(envelope.path("occurredAt").asString())).isAfterOrEqualTo(before.minusSeconds(1));
        assertThat(envelope.path("actor").asString()).isEqualTo(managerId);
        assertThat(envelope.path("payload").path("title").asString()).isEqualTo("Втормет Подольск");
        assertThat(envelope.path("payload").path("ownerId").asString()).isEqualTo(managerId);
    }

    @Test
    void withoutATokenTheApiAnswers401Problem() {
        var response = anonymous.post("/api/deals", Map.of("title", "Без входа"));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.isProblem()).as(response.toString()).isTrue();
        assertThat(response.json().path("detail").asString()).contains("вход");
    }

    @Test
    void aForgedTokenIsRefused() {
        var response = anonymous.withToken(Tokens.forged(Tokens.of("manager1"))).post("/api/deals", Map.of("title", "Подделка"));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.isProblem()).isTrue();
    }

    @Test
    void aBlankTitleIsRefusedNamingTheFieldAndNothingIsStored() {
        long eventsBefore = eventCount();

        var response = manager1.post("/api/deals", Map.of("title", "  "));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("title");
        assertThat(eventCount()).isEqualTo(eventsBefore);
    }

    @Test
    void anOversizedTitleIsRefused() {
        long eventsBefore = eventCount();

        var response = manager1.post("/api/deals", Map.of("title", "я".repeat(201)));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("title");
        assertThat(eventCount()).isEqualTo(eventsBefore);
    }

    @Test
    void malformedJsonIsABadRequestNotAServerError() {
        var response = manager1.postRaw("/api/deals", "{\"title\": ");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().path("code").asString()).isEqualTo("malformed-body");
    }

    private long eventCount() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }
}
