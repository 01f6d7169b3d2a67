package ru.lomcrm.task.view;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ru.lomcrm.platform.security.CurrentUser;
import ru.lomcrm.task.history.TaskHistory;
import ru.lomcrm.task.task.Due;
import ru.lomcrm.task.view.TaskQueries.Calendar;
import ru.lomcrm.task.view.TaskQueries.DealWithoutTask;
import ru.lomcrm.task.view.TaskQueries.Filter;
import ru.lomcrm.task.view.TaskQueries.Page;
import ru.lomcrm.task.view.TaskQueries.Slot;
import ru.lomcrm.task.view.TaskQueries.TaskItem;

/** Reading tasks: the list, the calendar (day, week, month), the card with its history, the deals without a task. */
@RestController
@Tag(name = "Задачи: просмотр", description = "Список, календарь, карточка, история, сделки без задач")
class TaskQueryController {

    private final TaskQueries tasks;
    private final TaskHistory history;
    private final java.time.Clock clock;
    private final String defaultZone;

    TaskQueryController(TaskQueries tasks, TaskHistory history, java.time.Clock clock,
                        @Value("${crm.tasks.time-zone:" + Due.DEFAULT_ZONE + "}") String defaultZone) {
        this.tasks = tasks;
        this.history = history;
        this.clock = clock;
        this.defaultZone = defaultZone;
    }

    @GetMapping("/api/tasks")
    @Operation(summary = "Список задач", description = "Фильтры: исполнитель, статус (open, overdue, done; можно несколько), тип, "
            + "привязка, срок в [from, to), allDay (только на весь день / только ко времени), текст q. "
            + "Сортировка: dueAt, createdAt, updatedAt, completedAt, type, status.")
    Page<TaskItem> list(@RequestParam(required = false) @Size(max = 64) String assigneeId,
                        @RequestParam(required = false) List<@Size(max = 10) String> status,
                        @RequestParam(required = false) @Size(max = 40) String type,
                        @RequestParam(required = false) UUID dealId,
                        @RequestParam(required = false) UUID contactId,
                        @RequestParam(required = false) UUID companyId,
                        @RequestParam(required = false) Instant from,
                        @RequestParam(required = false) Instant to,
                        @RequestParam(required = false) @Size(max = 200) String q,
                        @RequestParam(required = false) Boolean allDay,
                        @RequestParam(defaultValue = "dueAt") String sort,
                        @RequestParam(defaultValue = "asc") String direction,
                        @RequestParam(defaultValue = "0") @Min(0) int page,
                        @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size,
                        CurrentUser caller) {
        var filter = new Filter(assigneeId, status, type, dealId, contactId, companyId, from, to, q, allDay);
        return tasks.list(filter, sort, "desc".equalsIgnoreCase(direction), page, size, caller);
    }

    @GetMapping("/api/tasks/calendar")
    @Operation(summary = "Календарь задач", description = "Дни from..to включительно (не больше 42) в часовом поясе tz (по умолчанию "
            + "Europe/Moscow), или view=day|week|month вокруг date (по умолчанию сегодня). Задача на весь день — в свой день. "
            + "Ячейка (slot) — час дня (hour, задачи на весь день — своя ячейка) или весь день (day; по умолчанию для month); в ячейке "
            + "не больше perSlot задач (по умолчанию 3), остальные — в more дня: сколько и за какой период их показать списком.")
    Calendar calendar(@RequestParam(required = false) LocalDate from,
                      @RequestParam(required = false) LocalDate to,
                      @RequestParam(required = false) @Size(max = 10) String view,
                      @RequestParam(required = false) LocalDate date,
                      @RequestParam(required = false) @Size(max = 64) String tz,
                      @RequestParam(required = false) @Size(max = 64) String assigneeId,
                      @RequestParam(required = false) List<@Size(max = 10) String> status,
                      @RequestParam(required = false) @Size(max = 40) String type,
                      @RequestParam(required = false) @Size(max = 200) String q,
                      @RequestParam(required = false) @Pattern(regexp = "hour|day", message = "hour или day") String slot,
                      @RequestParam(defaultValue = "3") @Min(1) @Max(50) int perSlot,
                      CurrentUser caller) {
        ZoneId zone = Due.zone(tz == null || tz.isBlank() ? defaultZone : tz);
        LocalDate start = from;
        LocalDate end = to;
        if (start == null || end == null) {
            if (start != null || end != null) {
                throw TaskQueries.invalid(start == null ? "from" : "to", "укажите и from, и to (или view и date)");
            }
            LocalDate[] range = TaskQueries.range(view == null ? "week" : view, date == null ? LocalDate.ofInstant(clock.instant(), zone) : date);
            start = range[0];
            end = range[1];
        }
        var filter = new Filter(assigneeId, status, type, null, null, null, null, null, q);
        Slot cell = slot != null ? Slot.valueOf(slot.toUpperCase(java.util.Locale.ROOT))
                : "month".equals(view) ? Slot.DAY : Slot.HOUR;
        return tasks.calendar(start, end, zone, cell, perSlot, filter, caller);
    }

    @GetMapping("/api/tasks/deals-without-task")
    @Operation(summary = "Сделки без задач", description = "Открытые сделки, которые видит пользователь, без единой открытой задачи (правило 3).")
    Page<DealWithoutTask> dealsWithoutTask(@RequestParam(required = false) @Size(max = 64) String ownerId,
                                           @RequestParam(required = false) @Size(max = 40) String funnel,
                                           @RequestParam(required = false) @Size(max = 40) String stage,
                                           @RequestParam(required = false) @Size(max = 200) String q,
                                           @RequestParam(defaultValue = "0") @Min(0) int page,
                                           @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size,
                                           CurrentUser caller) {
        return tasks.dealsWithoutTask(ownerId, funnel, stage, q, page, size, caller);
    }

    @GetMapping("/api/tasks/{id}")
    @Operation(summary = "Карточка задачи с историей", description = "ETag — версия задачи (для If-Match при изменении).")
    ResponseEntity<TaskItem> card(@PathVariable UUID id, CurrentUser caller) {
        TaskItem card = tasks.card(id, caller);
        return ResponseEntity.ok().eTag("\"" + card.version() + "\"").body(card.withHistory(history.of(id, caller)));
    }

    @GetMapping("/api/tasks/{id}/history")
    @Operation(summary = "История задачи", description = "Каждое изменение: когда, кто, что было и что стало; новые сверху. Доступна и у удалённой задачи.")
    Map<String, List<TaskHistory.Entry>> history(@PathVariable UUID id, CurrentUser caller) {
        return Map.of("items", history.of(id, caller));
    }
}
