package ru.lomcrm.task.view;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import ru.lomcrm.contracts.EventEnvelope;
import ru.lomcrm.contracts.task.TaskLink;
import ru.lomcrm.platform.events.ReadModels;
import ru.lomcrm.platform.security.CurrentUser;
import ru.lomcrm.platform.security.Ownership;
import ru.lomcrm.platform.users.DirectoryUser;
import ru.lomcrm.platform.users.UserDirectory;
import ru.lomcrm.platform.web.DomainException;
import ru.lomcrm.platform.web.InvalidRequestException;
import ru.lomcrm.platform.web.SearchText;
import ru.lomcrm.task.history.TaskHistory;
import ru.lomcrm.task.task.TaskAccess;
import ru.lomcrm.task.types.TaskTypes;

/** The task list, the calendar, the card and the deals without a task; always filtered by rule 10. */
@Component
public class TaskQueries {

    public static final Set<String> STATUSES = Set.of("open", "overdue", "done");
    /** The longest calendar range: six weeks, the most a month grid shows. */
    static final int MAX_CALENDAR_DAYS = 42;
    private static final String NOT_FOUND = "Задача не найдена.";
    private static final String COLUMNS = """
            t.id, t.text, t.type, t.due_at, t.due_date, t.time_zone, t.due_sort, t.deadline, t.assignee_id, t.link_type, t.link_id,
            t.status, t.result, t.completed_at, t.completed_by, t.created_by, t.created_at, t.source, t.funnel, t.stage, t.deleted,
            t.updated_at, t.version, coalesce(d.title, p.name) AS link_name""";
    private static final String FROM = """
            FROM task_view t
            LEFT JOIN deal_ref d ON t.link_type = 'deal' AND d.id = t.link_id
            LEFT JOIN party_ref p ON t.link_type IN ('contact', 'company') AND p.id = t.link_id""";
    private static final Map<String, String> SORTABLE = Map.of(
            "dueAt", "t.due_sort", "createdAt", "t.created_at", "updatedAt", "t.updated_at", "completedAt", "t.completed_at",
            "type", "t.type", "status", "t.status");

    private final NamedParameterJdbcTemplate jdbc;
    private final Ownership ownership;
    private final TaskAccess access;
    private final UserDirectory users;
    private final TaskTypes types;

    TaskQueries(NamedParameterJdbcTemplate jdbc, Ownership ownership, TaskAccess access, UserDirectory users, TaskTypes types) {
        this.jdbc = jdbc;
        this.ownership = ownership;
        this.access = access;
        this.users = users;
        this.types = types;
    }

    /** What a task is about, with the deal's title or the party's name when known. */
    public record LinkRef(String type, UUID id, String name) {
    }

    /**
     * A task as the list, the calendar and the card show it. {@code history} (newest first) only
     * in the card.
     */
    public record TaskItem(UUID id, String text, String type, String typeName, Instant dueAt, LocalDate dueDate, String timeZone,
                           boolean allDay, Instant deadline, String status, DirectoryUser.Ref assignee, LinkRef link, String result,
                           Instant completedAt, DirectoryUser.Ref completedBy, DirectoryUser.Ref createdBy, Instant createdAt,
                           String source, String funnel, String stage, Instant updatedAt, long version,
                           List<TaskHistory.Entry> history) {

        public TaskItem withHistory(List<TaskHistory.Entry> entries) {
            return new TaskItem(id, text, type, typeName, dueAt, dueDate, timeZone, allDay, deadline, status, assignee, link, result,
                    completedAt, completedBy, createdBy, createdAt, source, funnel, stage, updatedAt, version, entries);
        }
    }

    public record Page<T>(List<T> items, long total) {
    }

    /**
     * Every field optional; {@code statuses} any of open, overdue, done; {@code from}/{@code to}: due range [from, to);
     * {@code allDay}: only tasks due on a whole day (true) or at a moment (false).
     */
    public record Filter(String assigneeId, List<String> statuses, String type, UUID dealId, UUID contactId, UUID companyId,
                         Instant from, Instant to, String text, Boolean allDay) {

        public Filter(String assigneeId, List<String> statuses, String type, UUID dealId, UUID contactId, UUID companyId,
                      Instant from, Instant to, String text) {
            this(assigneeId, statuses, type, dealId, contactId, companyId, from, to, text, null);
        }
    }

    /**
     * One day of the calendar: {@code total} tasks in all, {@code items} the first of each slot,
     * and for each slot that holds more than it shows, how many more and the period to list them.
     */
    public record CalendarDay(LocalDate date, long total, List<TaskItem> items, List<MoreInSlot> more) {
    }

    /**
     * Tasks of one slot left out of the calendar: {@code count} of them due in [start, end) — all-day ones
     * ({@code allDay} true), timed ones (false) or both (null: a whole day of the month view); the list
     * with the same from, to and allDay shows exactly them and the ones the slot shows.
     */
    public record MoreInSlot(Instant start, Instant end, Boolean allDay, long count) {
    }

    /** What a calendar cell is: an hour of a day (day and week views) or the whole day (month view). */
    public enum Slot { HOUR, DAY }

    public record Calendar(LocalDate from, LocalDate to, String timeZone, String slot, int perSlot, List<CalendarDay> days) {
    }

    public record DealWithoutTask(UUID dealId, String title, String funnel, String stage, DirectoryUser.Ref owner, Instant since) {
    }

    public TaskItem card(UUID id, CurrentUser caller) {
        var names = types.names();
        var rows = jdbc.query("SELECT " + COLUMNS + " " + FROM + " WHERE t.id = :id", Map.of("id", id), (rs, n) -> row(rs, names));
        if (rows.isEmpty()) {
            throw DomainException.notFound("not-found", NOT_FOUND);
        }
        Row row = rows.get(0);
        access.requireVisible(caller, row.item().assignee().id(), row.link());
        if (row.deleted()) {
            throw DomainException.notFound("task-deleted", "Задача удалена.");
        }
        return row.item();
    }

    /** The card once the read model shows {@code version} of the task, so that an answer to a change shows the change. */
    public TaskItem awaitCard(UUID id, long version, CurrentUser caller) {
        awaitVersion(id, version);
        return card(id, caller);
    }

    public boolean awaitVersion(UUID id, long version) {
        return ReadModels.awaitVersion(() -> jdbc.queryForList("SELECT version FROM task_view WHERE id = :id", Map.of("id", id), Long.class)
                .stream().findFirst().orElse(-1L), version, Duration.ofSeconds(10));
    }

    public Page<TaskItem> list(Filter filter, String sort, boolean descending, int page, int size, CurrentUser caller) {
        String column = SORTABLE.get(sort);
        if (column == null) {
            throw invalid("sort", "можно: " + String.join(", ", SORTABLE.keySet().stream().sorted().toList()));
        }
        var params = new MapSqlParameterSource();
        List<String> conditions = visibility(caller, params);
        filters(filter, conditions, params);
        String where = " WHERE " + String.join(" AND ", conditions);
        params.addValue("limit", size).addValue("offset", (long) page * size);
        var names = types.names();
        List<TaskItem> items = jdbc.query("SELECT " + COLUMNS + " " + FROM + where + " ORDER BY " + column
                        + (descending ? " DESC NULLS LAST" : " ASC NULLS FIRST") + ", t.id LIMIT :limit OFFSET :offset", params,
                (rs, n) -> row(rs, names).item());
        Long total = jdbc.queryForObject("SELECT count(*) " + FROM + where, params, Long.class);
        return new Page<>(items, total == null ? 0 : total);
    }

    /**
     * The days {@code from}..{@code to} (inclusive) of {@code zone}, each with its tasks: a timed
     * task on the day its moment falls on in that zone, an all-day task on its date.
     */
    public Calendar calendar(LocalDate from, LocalDate to, ZoneId zone, Slot slot, int perSlot, Filter filter, CurrentUser caller) {
        if (to.isBefore(from)) {
            throw invalid("to", "конец периода раньше начала");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_CALENDAR_DAYS) {
            throw invalid("to", "не больше " + MAX_CALENDAR_DAYS + " дней");
        }
        var params = new MapSqlParameterSource();
        List<String> conditions = visibility(caller, params);
        filters(new Filter(filter.assigneeId(), filter.statuses(), filter.type(), filter.dealId(), filter.contactId(), filter.companyId(),
                null, null, filter.text()), conditions, params);
        conditions.add("((t.due_at >= :start AND t.due_at < :end) OR (t.due_date >= :fromDate AND t.due_date <= :toDate))");
        params.addValue("start", from.atStartOfDay(zone).toInstant().atOffset(ZoneOffset.UTC))
                .addValue("end", to.plusDays(1).atStartOfDay(zone).toInstant().atOffset(ZoneOffset.UTC))
                .addValue("fromDate", from).addValue("toDate", to)
                .addValue("zone", sqlZone(zone)).addValue("perSlot", perSlot);
        // a slot: the day (in the caller's zone; an all-day task on its own date) and, by the hour, the hour (-1: all day)
        String day = "coalesce(t.due_date, CAST(t.due_at AT TIME ZONE :zone AS date))";
        String hour = slot == Slot.HOUR ? "CASE WHEN t.due_date IS NULL THEN CAST(extract(hour FROM t.due_at AT TIME ZONE :zone) AS int) ELSE -1 END"
                : "0";
        var names = types.names();
        Map<LocalDate, List<TaskItem>> byDay = new LinkedHashMap<>();
        Map<LocalDate, List<MoreInSlot>> moreByDay = new LinkedHashMap<>();
        Map<LocalDate, Long> totals = new LinkedHashMap<>();
        for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
            byDay.put(date, new ArrayList<>());
            moreByDay.put(date, new ArrayList<>());
            totals.put(date, 0L);
        }
        jdbc.query("SELECT * FROM (SELECT " + COLUMNS + ", " + day + " AS slot_day, " + hour + " AS slot_hour,"
                + " row_number() OVER (PARTITION BY " + day + ", " + hour + " ORDER BY t.due_sort, t.id) AS slot_rank,"
                + " count(*) OVER (PARTITION BY " + day + ", " + hour + ") AS slot_count "
                + FROM + " WHERE " + String.join(" AND ", conditions) + ") slotted WHERE slot_rank <= :perSlot"
                + " ORDER BY due_sort, id", params, rs -> {
                    LocalDate date = rs.getObject("slot_day", LocalDate.class);
                    List<TaskItem> items = byDay.get(date);
                    if (items == null) {
                        return;
                    }
                    items.add(row(rs, names).item());
                    long count = rs.getLong("slot_count");
                    int rank = rs.getInt("slot_rank");
                    if (rank == 1) {
                        totals.merge(date, count, Long::sum);
                    }
                    if (rank == perSlot && count > perSlot) {
                        moreByDay.get(date).add(more(date, rs.getInt("slot_hour"), slot, zone, count - perSlot));
                    }
                });
        Comparator<TaskItem> allDayFirst = Comparator.comparing((TaskItem i) -> !i.allDay());
        Comparator<MoreInSlot> byStart = Comparator.comparing(MoreInSlot::start);
        List<CalendarDay> days = byDay.entrySet().stream()
                .map(e -> new CalendarDay(e.getKey(), totals.get(e.getKey()), e.getValue().stream().sorted(allDayFirst).toList(),
                        moreByDay.get(e.getKey()).stream().sorted(byStart).toList()))
                .toList();
        return new Calendar(from, to, zone.getId(), slot.name().toLowerCase(java.util.Locale.ROOT), perSlot, days);
    }

    /**
     * The zone as PostgreSQL's AT TIME ZONE reads it. A region (Europe/Moscow) is the same name; a fixed
     * offset is not — PostgreSQL takes "+03:00" as POSIX, sign reversed — so it is named Etc/GMT-3, which
     * means +03:00 (the Etc names count the other way). An offset of part of an hour has no such name.
     */
    static String sqlZone(ZoneId zone) {
        if (!zone.getRules().isFixedOffset()) {
            return zone.getId();
        }
        int seconds = zone.getRules().getOffset(Instant.EPOCH).getTotalSeconds();
        if (seconds == 0) {
            return "UTC";
        }
        if (seconds % 3600 != 0) {
            throw invalid("tz", "часовой пояс с неполным часом — укажите его по названию, например Asia/Kolkata");
        }
        int hours = seconds / 3600;
        return "Etc/GMT" + (hours > 0 ? "-" : "+") + Math.abs(hours);
    }

    private static MoreInSlot more(LocalDate date, int hour, Slot slot, ZoneId zone, long count) {
        Instant dayStart = date.atStartOfDay(zone).toInstant();
        Instant nextDay = date.plusDays(1).atStartOfDay(zone).toInstant();
        if (slot == Slot.DAY) {
            return new MoreInSlot(dayStart, nextDay, null, count);
        }
        if (hour < 0) {
            return new MoreInSlot(dayStart, nextDay, true, count);
        }
        var start = date.atTime(hour, 0).atZone(zone);
        return new MoreInSlot(start.toInstant(), start.plusHours(1).toInstant(), false, count);
    }

    /** The period a calendar view shows around {@code date}: the day, its week (Monday to Sunday) or its month. */
    public static LocalDate[] range(String view, LocalDate date) {
        return switch (view) {
            case "day" -> new LocalDate[] {date, date};
            case "week" -> new LocalDate[] {date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
                    date.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY))};
            case "month" -> new LocalDate[] {date.withDayOfMonth(1), date.with(TemporalAdjusters.lastDayOfMonth())};
            default -> throw invalid("view", "day, week или month");
        };
    }

    /** Rule 3: open deals the caller may see that have no open task, longest without one first. */
    public Page<DealWithoutTask> dealsWithoutTask(String ownerId, String funnel, String stage, String text, int page, int size,
                                                  CurrentUser caller) {
        var params = new MapSqlParameterSource();
        List<String> conditions = new ArrayList<>(List.of("d.known", "NOT d.closed", "d.open_tasks = 0"));
        ownership.visibleOwners(caller).ifPresent(owners -> {
            conditions.add("d.owner_id IN (:visible)");
            params.addValue("visible", owners);
        });
        if (ownerId != null) {
            conditions.add("d.owner_id = :ownerId");
            params.addValue("ownerId", ownerId);
        }
        if (funnel != null) {
            conditions.add("d.funnel = :funnel");
            params.addValue("funnel", funnel);
        }
        if (stage != null) {
            conditions.add("d.stage = :stage");
            params.addValue("stage", stage);
        }
        if (text != null && !text.isBlank()) {
            conditions.add("d.title ILIKE :text");
            params.addValue("text", SearchText.contains(text.strip()));
        }
        String where = " FROM deal_ref d WHERE " + String.join(" AND ", conditions);
        params.addValue("limit", size).addValue("offset", (long) page * size);
        List<DealWithoutTask> items = jdbc.query("SELECT d.id, d.title, d.funnel, d.stage, d.owner_id, d.without_task_since" + where
                        + " ORDER BY d.without_task_since NULLS LAST, d.id LIMIT :limit OFFSET :offset", params,
                (rs, n) -> new DealWithoutTask(rs.getObject("id", UUID.class), rs.getString("title"), rs.getString("funnel"),
                        rs.getString("stage"), ref(rs.getString("owner_id")), instant(rs, "without_task_since")));
        Long total = jdbc.queryForObject("SELECT count(*)" + where, params, Long.class);
        return new Page<>(items, total == null ? 0 : total);
    }

    private List<String> visibility(CurrentUser caller, MapSqlParameterSource params) {
        List<String> conditions = new ArrayList<>(List.of("NOT t.deleted"));
        ownership.visibleOwners(caller).ifPresent(owners -> {
            conditions.add("t.assignee_id IN (:visible)");
            conditions.add("(t.link_type IS DISTINCT FROM 'deal' OR d.owner_id IN (:visible))");
            params.addValue("visible", owners);
        });
        return conditions;
    }

    private static void filters(Filter filter, List<String> conditions, MapSqlParameterSource params) {
        if (filter.assigneeId() != null) {
            conditions.add("t.assignee_id = :assigneeId");
            params.addValue("assigneeId", filter.assigneeId());
        }
        if (filter.statuses() != null && !filter.statuses().isEmpty()) {
            for (String status : filter.statuses()) {
                if (!STATUSES.contains(status)) {
                    throw invalid("status", "open, overdue или done");
                }
            }
            conditions.add("t.status IN (:statuses)");
            params.addValue("statuses", filter.statuses());
        }
        if (filter.type() != null) {
            conditions.add("t.type = :type");
            params.addValue("type", filter.type());
        }
        link(conditions, params, TaskLink.DEAL, filter.dealId());
        link(conditions, params, TaskLink.CONTACT, filter.contactId());
        link(conditions, params, TaskLink.COMPANY, filter.companyId());
        if (filter.from() != null) {
            conditions.add("t.due_sort >= :from");
            params.addValue("from", filter.from().atOffset(ZoneOffset.UTC));
        }
        if (filter.to() != null) {
            conditions.add("t.due_sort < :to");
            params.addValue("to", filter.to().atOffset(ZoneOffset.UTC));
        }
        if (filter.allDay() != null) {
            conditions.add(filter.allDay() ? "t.due_date IS NOT NULL" : "t.due_date IS NULL");
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            conditions.add("(t.text ILIKE :text OR d.title ILIKE :text OR p.name ILIKE :text)");
            params.addValue("text", SearchText.contains(filter.text().strip()));
        }
    }

    private static void link(List<String> conditions, MapSqlParameterSource params, String type, UUID id) {
        if (id != null) {
            conditions.add("(t.link_type = '" + type + "' AND t.link_id = :" + type + "Id)");
            params.addValue(type + "Id", id);
        }
    }

    private record Row(TaskItem item, TaskLink link, boolean deleted) {
    }

    private Row row(ResultSet rs, Map<String, String> typeNames) throws SQLException {
        String linkType = rs.getString("link_type");
        UUID linkId = rs.getObject("link_id", UUID.class);
        String type = rs.getString("type");
        LocalDate dueDate = rs.getObject("due_date", LocalDate.class);
        TaskItem item = new TaskItem(rs.getObject("id", UUID.class), rs.getString("text"), type, typeNames.getOrDefault(type, type),
                instant(rs, "due_at"), dueDate, rs.getString("time_zone"), dueDate != null, instant(rs, "deadline"),
                rs.getString("status"), ref(rs.getString("assignee_id")),
                linkType == null ? null : new LinkRef(linkType, linkId, rs.getString("link_name")), rs.getString("result"),
                instant(rs, "completed_at"), rs.getString("completed_by") == null ? null : ref(rs.getString("completed_by")),
                ref(rs.getString("created_by")), instant(rs, "created_at"), rs.getString("source"), rs.getString("funnel"),
                rs.getString("stage"), instant(rs, "updated_at"), rs.getLong("version"), null);
        return new Row(item, linkType == null ? null : new TaskLink(linkType, linkId), rs.getBoolean("deleted"));
    }

    DirectoryUser.Ref ref(String userId) {
        if (EventEnvelope.SYSTEM_ACTOR.equals(userId)) {
            return new DirectoryUser.Ref(EventEnvelope.SYSTEM_ACTOR, EventEnvelope.SYSTEM_ACTOR, "Система");
        }
        return users.find(userId).map(DirectoryUser::ref).orElse(new DirectoryUser.Ref(userId, null, null));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static InvalidRequestException invalid(String field, String message) {
        return new InvalidRequestException(List.of(new InvalidRequestException.FieldError(field, message)));
    }
}
