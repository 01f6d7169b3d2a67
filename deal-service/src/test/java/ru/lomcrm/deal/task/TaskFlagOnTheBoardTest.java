package ru.lomcrm.deal.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import org.springframework.boot.test.web.server.LocalServerPort;

import ru.lomcrm.contracts.EventEnvelope;
import ru.lomcrm.contracts.Topics;
import ru.lomcrm.contracts.task.DealTaskStatusChanged;
import ru.lomcrm.deal.DealApiFixture;
import ru.lomcrm.platform.events.EventJson;
import ru.lomcrm.platform.testing.CrmServiceTest;
import ru.lomcrm.platform.testing.TopicPublisher;

/**
 * Rule 3 on the board: task-service tells whether a deal has an open task and when the nearest falls due; the board and
 * the card show it (and whether it is overdue by now) without asking.
 */
@CrmServiceTest(database = "crm_deal")
class TaskFlagOnTheBoardTest {

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    private DealApiFixture api;

    @BeforeEach
    void setUp() {
        api = new DealApiFixture(port);
    }

    @Test
    void theBoardShowsADealWithoutATaskOrWithAnOverdueOneAndIgnoresAnOutdatedStatus() throws Exception {
        String id = api.dealOf("manager1").path("id").asString();
        UUID dealId = UUID.fromString(id);
        assertThat(api.as("manager1").get("/api/deals/" + id).json().path("hasOpenTask").isMissingNode()).isTrue();

        publish(dealId, status(dealId, true, 1, 0), status(dealId, false, 0, 1));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(api.as("manager1").get("/api/deals/" + id).json().path("hasOpenTask").asBoolean(true)).isFalse());

        String outdated = status(dealId, true, 1, 0);
        publish(dealId, outdated);
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM processed_event WHERE consumer = ? AND event_id = ?", Long.class, TaskStatusReplica.CONSUMER,
                EventJson.read(outdated).eventId()) == 1);
        assertThat(api.as("manager1").get("/api/deals/" + id).json().path("hasOpenTask").asBoolean(true)).isFalse();

        Instant tomorrow = Instant.now().plus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        publish(dealId, status(dealId, true, 1, 2, tomorrow));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode card = boardCard(id);
            assertThat(card.path("hasOpenTask").asBoolean()).isTrue();
            assertThat(card.path("taskOverdue").asBoolean(true)).isFalse();
            assertThat(Instant.parse(card.path("nearestTaskDue").asString())).isEqualTo(tomorrow);
        });

        Instant anHourAgo = Instant.now().minus(Duration.ofHours(1));
        publish(dealId, status(dealId, true, 2, 3, anHourAgo));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(boardCard(id).path("taskOverdue").asBoolean()).isTrue());
        assertThat(api.as("manager1").get("/api/deals/" + id).json().path("taskOverdue").asBoolean()).isTrue();
    }

    private JsonNode boardCard(String id) {
        return api.as("manager1").get("/api/funnels/scrap/board?stage=lead&limit=200").json().findParents("id").stream()
                .filter(card -> id.equals(card.path("id").asString())).findFirst().orElseThrow();
    }

    private static String status(UUID dealId, boolean open, int count, long version) {
        return status(dealId, open, count, version, null);
    }

    private static String status(UUID dealId, boolean open, int count, long version, Instant nearestDeadline) {
        return EventJson.write(new EventEnvelope<>(UUID.randomUUID(), "DealTaskStatusChanged", dealId.toString(), version, Instant.now(), "u",
                new DealTaskStatusChanged(dealId, open, count, nearestDeadline)));
    }

    private static void publish(UUID key, String... values) {
        TopicPublisher.publish(Topics.TASK, key, values);
    }
}
