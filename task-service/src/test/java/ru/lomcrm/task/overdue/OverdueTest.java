package ru.lomcrm.task.overdue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import ru.lomcrm.contracts.Topics;
import ru.lomcrm.platform.events.EventJson;
import ru.lomcrm.platform.testing.CrmServiceTest;
import ru.lomcrm.platform.testing.MovableClock;
import ru.lomcrm.platform.testing.TestInfrastructure;
import ru.lomcrm.platform.testing.TopicProbe;
import ru.lomcrm.task.TaskApiFixture;
import ru.lomcrm.task.TaskServiceApplication;

/**
 * Overdue: marked once its due time has passed (time moved, not waited for), with what the
 * e-mail needs; once per task even across a restart; one instance sweeping at a time.
 */
@CrmServiceTest(database = "crm_task")
class OverdueTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static TopicProbe taskTopic;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MovableClock clock;
    @Autowired
    OverdueSweep sweep;
    @Autowired
    DataSource dataSource;

    private TaskApiFixture api;

    @BeforeAll
    static void watchTopic() {
        taskTopic = TopicProbe.open(TestInfrastructure.endpoints().kafkaBootstrap(), TestInfrastructure.topic(Topics.TASK));
    }

    @AfterAll
    static void closeTopic() {
        taskTopic.close();
    }

    @BeforeEach
    void setUp() {
        api = new TaskApiFixture(port);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private String taskDueIn(Duration in, String text) {
        return api.taskOf("manager1", "text", text, "dueAt", Instant.now().plus(in).truncatedTo(ChronoUnit.SECONDS).toString())
                .path("id").asString();
    }

    private int overdueEvents(String taskId) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type = ?",
                Integer.class, taskId, ru.lomcrm.contracts.task.TaskOverdue.class.getName());
    }

    private String status(String taskId) {
        return api.as("manager1").get("/api/tasks/" + taskId).json().path("status").asString();
    }

    @Test
    void anOpenTaskPastItsDueTimeIsMarkedOverdueOnceWithWhatTheEmailNeeds() {
        UUID deal = TaskApiFixture.dealOf("manager1", "Просрочка");
        await().atMost(PATIENCE).until(() -> !jdbc.queryForList("SELECT id FROM deal_ref WHERE id = ? AND known", UUID.class, deal).isEmpty());
        Instant due = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        String task = api.taskOf("manager1", "text", "Перезвонить по цене", "dueAt", due.toString(),
                "link", Map.of("type", "deal", "id", deal.toString())).path("id").asString();

        sweep.sweep();
        assertThat(overdueEvents(task)).as("not yet due").isZero();

        clock.advance(Duration.ofHours(2));
        sweep.sweep(); // (the scheduled sweep may get there first: either way once)
        sweep.sweep();

        var record = taskTopic.await(r -> r.key().equals(task) && r.value().contains("\"TaskOverdue\""), PATIENCE);
        JsonNode notice = EventJson.read(record.value()).payload();
        assertThat(notice.path("assigneeId").asString()).isEqualTo(TaskApiFixture.idOf("manager1"));
        assertThat(notice.path("text").asString()).isEqualTo("Перезвонить по цене");
        assertThat(Instant.parse(notice.path("dueAt").asString())).isEqualTo(due);
        assertThat(Instant.parse(notice.path("deadline").asString())).isEqualTo(due);
        assertThat(notice.path("link").path("type").asString()).isEqualTo("deal");
        assertThat(notice.path("link").path("id").asString()).isEqualTo(deal.toString());
        await().atMost(PATIENCE).until(() -> "overdue".equals(status(task)));
        assertThat(overdueEvents(task)).isEqualTo(1);
        assertThat(api.as("manager1").get("/api/tasks?status=overdue&size=500").json().path("items").toString()).contains(task);

        var moved = api.as("manager1").post("/api/tasks/" + task + "/reschedule",
                Map.of("dueAt", Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS).toString()));
        assertThat(moved.json().path("status").asString()).isEqualTo("open");
        sweep.sweep();
        assertThat(overdueEvents(task)).isEqualTo(1);
    }

    @Test
    void aTaskIsMarkedOverdueOnceEvenAcrossARestartAndOneMissedWhileDownIsMarkedAfter() {
        String early = taskDueIn(Duration.ofHours(1), "До перезапуска");
        String late = taskDueIn(Duration.ofHours(3), "Во время простоя");
        clock.advance(Duration.ofHours(2));
        sweep.sweep();
        assertThat(overdueEvents(early)).isEqualTo(1);
        assertThat(overdueEvents(late)).isZero();

        // a second instance of the service on the same database, started fresh (nothing in memory),
        // its clock four hours on; its own scheduler sweeps every half second
        try (ConfigurableApplicationContext restarted = new SpringApplicationBuilder(TaskServiceApplication.class, MovableClock.Config.class)
                .run("--server.port=0", "--spring.kafka.listener.auto-startup=false", "--crm.tasks.overdue.initial-delay-ms=0",
                        "--crm.tasks.overdue.interval-ms=500", "--spring.jmx.enabled=false")) {
            restarted.getBean(MovableClock.class).advance(Duration.ofHours(4));
            await().atMost(PATIENCE).until(() -> overdueEvents(late) == 1);
            OverdueSweep restartedSweep = restarted.getBean(OverdueSweep.class);
            assertThat(restartedSweep.sweep()).isIn(-1, 0);
            assertThat(restartedSweep.sweep()).isIn(-1, 0);
        }
        clock.advance(Duration.ofHours(2));
        sweep.sweep();

        assertThat(overdueEvents(early)).isEqualTo(1);
        assertThat(overdueEvents(late)).isEqualTo(1);
        await().atMost(PATIENCE).until(() -> "overdue".equals(status(late)));
    }

    @Test
    void onlyOneInstanceSweepsAtATime() throws Exception {
        String task = taskDueIn(Duration.ofMinutes(30), "Одна очередь");
        try (Connection other = dataSource.getConnection()) {
            // another instance is sweeping: it holds the lock
            try (PreparedStatement lock = other.prepareStatement("SELECT pg_advisory_lock(?)")) {
                lock.setLong(1, OverdueSweep.LOCK_KEY);
                lock.execute();
            }
            clock.advance(Duration.ofHours(1));
            assertThat(sweep.sweep()).isEqualTo(-1);
            assertThat(overdueEvents(task)).isZero();
            try (PreparedStatement unlock = other.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                unlock.setLong(1, OverdueSweep.LOCK_KEY);
                unlock.execute();
            }
        }
        sweep.sweep();
        assertThat(overdueEvents(task)).isEqualTo(1);
    }

    @Test
    void aDoneOrDeletedTaskIsNeverOverdue() {
        String done = taskDueIn(Duration.ofMinutes(30), "Сделано вовремя");
        String deleted = taskDueIn(Duration.ofMinutes(30), "Удалено");
        api.as("manager1").post("/api/tasks/" + done + "/complete", Map.of("result", "Сделано"));
        api.as("manager1").delete("/api/tasks/" + deleted);
        clock.advance(Duration.ofHours(1));
        sweep.sweep();
        assertThat(overdueEvents(done)).isZero();
        assertThat(overdueEvents(deleted)).isZero();
    }
}
