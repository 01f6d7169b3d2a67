package ru.lomcrm.task.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import ru.lomcrm.platform.testing.CrmServiceTest;
import ru.lomcrm.task.TaskApiFixture;

/**
 * The calendar's day, week and month in the user's time zone: a timed task lands on the day its
 * moment falls on there; an all-day task lands on its date whatever the viewer's zone.
 * (December 2031 and February 2032 belong to this test alone.)
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
    @Autowired
    JdbcTemplate jdbc;

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

    @Test
    void aWeekWithMoreThanFiveThousandTasksLosesNoneEveryHourShowsItsFirstAndCountsTheRest() {
        String manager2 = TaskApiFixture.idOf("manager2");
        // the read model of a very busy Tuesday, 3 February 2032: 5,100 calls from 08:00 to 17:59 Moscow
        // (written straight into the projection: creating them one by one would only test the write path)
        jdbc.update("""
                INSERT INTO task_view (id, text, type, due_at, due_sort, deadline, assignee_id, status, created_by, created_at, source,
                                       updated_at, version)
                SELECT gen_random_uuid(), 'Обзвон ' || n, 'call', at, at, at, ?, 'open', ?, now(), 'manual', now(), 0
                FROM (SELECT n, timestamptz '2032-02-03 08:00:00+03' + (n % 600) * interval '1 minute' AS at
                      FROM generate_series(1, 5100) n) calls""", manager2, manager2);
        String meeting = api.taskOf("manager2", "text", "Встреча на площадке", "type", "meeting", "dueAt", "2032-02-04T07:00:00Z")
                .path("id").asString(); // Wednesday 10:00 Moscow

        JsonNode week = calendar("view=week&date=2032-02-04");

        assertThat(week.path("slot").asString()).isEqualTo("hour");
        assertThat(on(week, "2032-02-04")).containsExactly(meeting);
        JsonNode tuesday = week.path("days").get(1);
        assertThat(tuesday.path("date").asString()).isEqualTo("2032-02-03");
        assertThat(tuesday.path("total").asLong()).isEqualTo(5100);
        assertThat(tuesday.path("items").size()).as("3 per hour, 10 hours").isEqualTo(30);
        long shown = tuesday.path("items").size();
        long hidden = 0;
        for (JsonNode more : tuesday.path("more")) {
            hidden += more.path("count").asLong();
        }
        assertThat(tuesday.path("more").size()).isEqualTo(10);
        assertThat(shown + hidden).as("nothing vanishes: shown + 'ещё N' = the day's total").isEqualTo(5100);
        JsonNode tenOClock = tuesday.path("more").get(2);
        assertThat(tenOClock.path("start").asString()).isEqualTo("2032-02-03T07:00:00Z");
        assertThat(tenOClock.path("end").asString()).isEqualTo("2032-02-03T08:00:00Z");
        // the "ещё N" of an hour opens the list of that hour, where they all are, page by page
        assertThat(tenOClock.path("allDay").asBoolean(true)).isFalse();
        var hour = api.as("manager2").get("/api/tasks?from=2032-02-03T07:00:00Z&to=2032-02-03T08:00:00Z&allDay=false&size=500").json();
        assertThat(hour.path("total").asLong()).isEqualTo(tenOClock.path("count").asLong() + 3);

        JsonNode month = calendar("view=month&date=2032-02-15");
        assertThat(month.path("slot").asString()).isEqualTo("day");
        JsonNode tuesdayInMonth = month.path("days").get(2);
        assertThat(tuesdayInMonth.path("items").size()).isEqualTo(3);
        assertThat(tuesdayInMonth.path("more").get(0).path("count").asLong()).isEqualTo(5097);
        assertThat(on(month, "2032-02-04")).containsExactly(meeting);
        assertThat(calendar("view=day&date=2032-02-03&perSlot=50").path("days").get(0).path("items").size()).isEqualTo(500);
        assertThat(api.as("manager2").get("/api/tasks/calendar?view=week&date=2032-02-04&perSlot=0").status()).isEqualTo(400);
        assertThat(all(calendar("view=week&date=2032-02-04&q=" + java.net.URLEncoder.encode("на площадке", java.nio.charset.StandardCharsets.UTF_8))))
                .as("the search narrows the calendar too").containsExactly(meeting);
    }
}
