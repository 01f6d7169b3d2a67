package ru.lomcrm.task.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import ru.lomcrm.contracts.deal.DealOwnerChanged;
import ru.lomcrm.platform.testing.ApiClient;
import ru.lomcrm.platform.testing.CrmServiceTest;
import ru.lomcrm.task.TaskApiFixture;

/**
 * Rule 10 on every endpoint that takes a task id. manager1, manager2 and head are in «Активные
 * продажи» (head is its head), head2 heads «Клиентский отдел» with client1; admin sees all.
 * <ul>
 *   <li>{@code own}: manager1's task;</li>
 *   <li>{@code department}: client1's task (the other department);</li>
 *   <li>{@code hidden-deal}: manager1's done task about a deal that has since gone to client1 —
 *       not even manager1 sees it any more, because nobody sees a task about a deal they may not see.</li>
 * </ul>
 * Not visible → 404 (its existence is not revealed); visible but not allowed → 403.
 */
@CrmServiceTest(database = "crm_task")
class TaskRightsMatrixTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    private TaskApiFixture api;

    @BeforeEach
    void setUp() {
        api = new TaskApiFixture(port);
    }

    private static final Map<String, BiFunction<ApiClient, String, ApiClient.Response>> ACTIONS = Map.of(
            "read", (client, id) -> client.get("/api/tasks/" + id),
            "history", (client, id) -> client.get("/api/tasks/" + id + "/history"),
            "edit", (client, id) -> client.patch("/api/tasks/" + id, Map.of("text", "Уточнить объёмы")),
            "reschedule", (client, id) -> client.post("/api/tasks/" + id + "/reschedule", Map.of("dueDate", "2030-06-01")),
            "complete", (client, id) -> client.post("/api/tasks/" + id + "/complete", Map.of("result", "Договорились")),
            "reopen", (client, id) -> client.post("/api/tasks/" + id + "/reopen", Map.of()),
            "delete", (client, id) -> client.delete("/api/tasks/" + id));

    private String task(String kind) {
        return switch (kind) {
            case "own" -> api.taskOf("manager1").path("id").asString();
            case "department" -> api.taskOf("client1").path("id").asString();
            case "hidden-deal" -> taskAboutADealThatWentToAnotherDepartment();
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private String taskAboutADealThatWentToAnotherDepartment() {
        UUID deal = TaskApiFixture.dealOf("manager1", "Ушла в клиентский отдел");
        await().atMost(PATIENCE).until(() -> !jdbc.queryForList("SELECT id FROM deal_ref WHERE id = ? AND known", UUID.class, deal).isEmpty());
        String id = api.taskOf("manager1", "link", Map.of("type", "deal", "id", deal.toString())).path("id").asString();
        assertThat(api.as("manager1").post("/api/tasks/" + id + "/complete", Map.of("result", "Передаём")).status()).isEqualTo(200);
        TaskApiFixture.publishDeal(deal, 1, new DealOwnerChanged(deal, TaskApiFixture.idOf("manager1"), TaskApiFixture.idOf("client1")));
        String client1 = TaskApiFixture.idOf("client1");
        await().atMost(PATIENCE).until(() -> jdbc.queryForList("SELECT owner_id FROM deal_ref WHERE id = ?", String.class, deal).contains(client1));
        return id;
    }

    @ParameterizedTest(name = "{0} {2} {1}: {3}")
    @CsvSource({
            "manager1, own, read, 200", "manager1, own, history, 200", "manager1, own, edit, 200", "manager1, own, reschedule, 200",
            "manager1, own, complete, 200", "manager1, own, delete, 204",
            "head, own, read, 200", "head, own, history, 200", "head, own, edit, 200", "head, own, reschedule, 200",
            "head, own, complete, 200", "head, own, delete, 204",
            "admin, own, read, 200", "admin, own, edit, 200", "admin, own, complete, 200", "admin, own, delete, 204",
            "manager2, own, read, 404", "manager2, own, history, 404", "manager2, own, edit, 404", "manager2, own, reschedule, 404",
            "manager2, own, complete, 404", "manager2, own, delete, 404",
            "head2, own, read, 404", "head2, own, history, 404", "head2, own, edit, 404", "head2, own, complete, 404",
            "head2, own, delete, 404",

            "head2, department, read, 200", "head2, department, edit, 200", "head2, department, complete, 200",
            "head2, department, delete, 204", "admin, department, read, 200",
            "manager1, department, read, 404", "manager1, department, complete, 404", "manager2, department, read, 404",
            "head, department, read, 404", "head, department, edit, 404", "head, department, delete, 404",

            "admin, hidden-deal, read, 200", "admin, hidden-deal, history, 200", "admin, hidden-deal, reopen, 200",
            "manager1, hidden-deal, read, 404", "manager1, hidden-deal, history, 404", "manager1, hidden-deal, reopen, 404",
            "manager1, hidden-deal, delete, 404", "head, hidden-deal, read, 404", "head, hidden-deal, reopen, 404",
            "head2, hidden-deal, read, 404", "manager2, hidden-deal, read, 404"})
    void whoMayDoWhatWithWhichTask(String user, String kind, String action, int expected) {
        String id = task(kind);

        var response = ACTIONS.get(action).apply(api.as(user), id);

        assertThat(response.status()).as(response.toString()).isEqualTo(expected);
        if (expected >= 400) {
            assertThat(response.isProblem()).isTrue();
            assertThat(response.json().path("detail").asString()).isEqualTo("Задача не найдена.");
        }
    }

    @ParameterizedTest(name = "{0} lists and sees the {1} task: {2}")
    @CsvSource({
            "manager1, own, true", "head, own, true", "admin, own, true", "manager2, own, false", "head2, own, false",
            "head2, department, true", "admin, department, true", "manager1, department, false", "head, department, false",
            "admin, hidden-deal, true", "manager1, hidden-deal, false", "head, hidden-deal, false", "head2, hidden-deal, false"})
    void theListShowsOnlyWhatTheCallerMaySee(String user, String kind, boolean sees) {
        String id = task(kind);

        var listed = TaskApiFixture.ids(api.as(user).get("/api/tasks?size=500&sort=createdAt&direction=desc"));

        assertThat(listed.contains(id)).isEqualTo(sees);
    }

    @ParameterizedTest(name = "{0} gives manager1''s task to {1}: {2}")
    @CsvSource({"manager1, manager2, 403", "manager2, manager2, 404", "head, manager2, 200", "head, client1, 403", "head2, client1, 404",
            "admin, client1, 200", "manager1, manager1, 200"})
    void reassigningFollowsTheAssignmentRule(String user, String to, int expected) {
        String id = api.taskOf("manager1").path("id").asString();

        var response = api.as(user).post("/api/tasks/" + id + "/assignee", Map.of("assigneeId", TaskApiFixture.idOf(to)));

        assertThat(response.status()).as(response.toString()).isEqualTo(expected);
        if (expected == 200) {
            assertThat(response.json().path("assignee").path("username").asString()).isEqualTo(to);
        }
        if (expected == 403) {
            assertThat(response.json().path("detail").asString()).startsWith("Назначить ответственным можно себя");
        }
    }

    @ParameterizedTest(name = "{0} sets a task for {1}: {2}")
    @CsvSource({"manager1, manager2, 403", "head, manager2, 201", "head, client1, 403", "head2, client1, 201", "admin, client1, 201",
            "manager2, manager2, 201"})
    void aTaskIsSetForOneselfByAHeadForTheGroupByAnAdminForAnyone(String user, String assignee, int expected) {
        var response = api.as(user).post("/api/tasks", Map.of("text", "Позвонить", "dueAt", TaskApiFixture.tomorrow(),
                "assigneeId", TaskApiFixture.idOf(assignee)));

        assertThat(response.status()).as(response.toString()).isEqualTo(expected);
        if (expected == 201) {
            assertThat(response.json().path("assignee").path("username").asString()).isEqualTo(assignee);
        }
    }
}
