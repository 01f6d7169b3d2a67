package ru.lomcrm.task.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import ru.lomcrm.platform.testing.CrmServiceTest;
import ru.lomcrm.task.TaskApiFixture;

/**
 * The calendar's day, week and month in the user's time zone: a timed task lands on the day its
 * moment falls on there; an all-day task lands on its date whatever the viewer's zone.
 * (December 2031 belongs to this test alone.)
 */
@CrmServiceTest(database = "crm_task")
class CalendarApiTest {

    /** 23:59:59 on 1 December in Moscow (20:59:59 UTC). */
    static String lastSecondOfDec1Moscow;
    /** 00:00 on 2 December in Moscow (21:00 UTC on the 1st). */
    static String midnightDec2Moscow;
    /** 00:00 on 1 December in Moscow (21:00 UTC on 30 November). */
    static String midnightDec1Moscow;
    /** 00:00 on 1 January 2032 in Moscow (21:00 UTC on 31 December). */
    static String newYearMoscow;
    /** All day on 31 December. */
    static String allDayDec31;

    private static TaskApiFixture api;

    @LocalServerPort
    int port;

    @BeforeAll
    static void tasksAroundTheBoundaries(@LocalServerPort int port) {
        api = new TaskApiFixture(port);
        lastSecondOfDec1Moscow = api.taskOf("manager2", "dueAt", "2031-12-01T20:59:59Z").path("id").asString();
        midnightDec2Moscow = api.taskOf("manager2", "dueAt", "2031-12-01T21:00:00Z").path("id").asString();
        midnightDec1Moscow = api.taskOf("manager2", "dueAt", "2031-11-30T21:00:00Z").path("id").asString();
        newYearMoscow = api.taskOf("manager2", "dueAt", "2031-12-31T21:00:00Z").path("id").asString();
        allDayDec31 = api.taskOf("manager2", "dueAt", null, "dueDate", "2031-12-31").path("id").asString();
    }

    private JsonNode calendar(String query) {
        var response = api.as("manager2").get("/api/tasks/calendar?" + query);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static List<String> all(JsonNode calendar) {
        List<String> ids = new java.util.ArrayList<>();
        calendar.path("days").forEach(day -> ids.addAll(TaskApiFixture.each(day.path("items"), "id")));
        return ids;
    }

    private static List<String> on(JsonNode calendar, String date) {
        for (JsonNode day : calendar.path("days")) {
            if (day.path("date").asString().equals(date)) {
                return TaskApiFixture.each(day.path("items"), "id");
            }
        }
        throw new AssertionError(date + " is not in " + calendar);
    }

    @Test
    void aDayInMoscowRunsFromItsMidnightToTheNextInMoscow() {
        JsonNode day = calendar("view=day&date=2031-12-01");
        assertThat(day.path("timeZone").asString()).isEqualTo("Europe/Moscow");
        assertThat(day.path("days").size()).isEqualTo(1);
        assertThat(all(day)).containsExactly(midnightDec1Moscow, lastSecondOfDec1Moscow);
    }

    @Test
    void theSameDayInUtcHoldsOtherTasks() {
        assertThat(all(calendar("view=day&date=2031-12-01&tz=UTC"))).containsExactly(lastSecondOfDec1Moscow, midnightDec2Moscow);
        assertThat(all(calendar("from=2031-11-30&to=2031-11-30&tz=UTC"))).containsExactly(midnightDec1Moscow);
    }

    @Test
    void aWeekRunsMondayToSundayWithEveryDayListed() {
        JsonNode week = calendar("view=week&date=2031-12-03");
        assertThat(TaskApiFixture.each(week.path("days"), "date")).containsExactly("2031-12-01", "2031-12-02", "2031-12-03", "2031-12-04",
                "2031-12-05", "2031-12-06", "2031-12-07");
        assertThat(on(week, "2031-12-01")).containsExactly(midnightDec1Moscow, lastSecondOfDec1Moscow);
        assertThat(on(week, "2031-12-02")).containsExactly(midnightDec2Moscow);
        assertThat(on(week, "2031-12-03")).isEmpty();
    }

    @Test
    void aMonthInMoscowAndInUtcDifferAtTheirEdgesButAnAllDayTaskStaysOnItsDate() {
        JsonNode moscow = calendar("view=month&date=2031-12-15");
        assertThat(moscow.path("days").size()).isEqualTo(31);
        assertThat(all(moscow)).containsExactlyInAnyOrder(midnightDec1Moscow, lastSecondOfDec1Moscow, midnightDec2Moscow, allDayDec31);
        assertThat(on(moscow, "2031-12-31")).containsExactly(allDayDec31);

        JsonNode utc = calendar("view=month&date=2031-12-15&tz=UTC");
        assertThat(all(utc)).containsExactlyInAnyOrder(lastSecondOfDec1Moscow, midnightDec2Moscow, newYearMoscow, allDayDec31);
        assertThat(on(utc, "2031-12-31")).containsExactly(allDayDec31, newYearMoscow);

        assertThat(on(calendar("view=day&date=2031-12-31&tz=Asia/Vladivostok"), "2031-12-31")).containsExactly(allDayDec31);
        JsonNode allDay = calendar("view=day&date=2031-12-31").path("days").get(0).path("items").get(0);
        assertThat(allDay.path("allDay").asBoolean()).isTrue();
        assertThat(allDay.path("dueDate").asString()).isEqualTo("2031-12-31");
    }

    @Test
    void theCalendarShowsOnlyWhatTheCallerMaySee() {
        assertThat(all(api.as("manager1").get("/api/tasks/calendar?view=month&date=2031-12-15").json())).isEmpty();
        assertThat(all(api.as("head").get("/api/tasks/calendar?view=month&date=2031-12-15").json())).contains(allDayDec31);
        assertThat(all(api.as("head2").get("/api/tasks/calendar?view=month&date=2031-12-15").json())).isEmpty();
        String manager2 = TaskApiFixture.idOf("manager2");
        assertThat(all(api.as("admin").get("/api/tasks/calendar?view=month&date=2031-12-15&assigneeId=" + manager2).json()))
                .hasSize(4);
    }
}
