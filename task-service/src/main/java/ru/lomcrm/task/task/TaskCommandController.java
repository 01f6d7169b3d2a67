package ru.lomcrm.task.task;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import ru.lomcrm.contracts.task.TaskLink;
import ru.lomcrm.platform.events.Actors;
import ru.lomcrm.platform.events.ReadModels;
import ru.lomcrm.platform.security.CurrentUser;
import ru.lomcrm.platform.web.IfMatch;
import ru.lomcrm.platform.web.InvalidRequestException;
import ru.lomcrm.task.task.TaskCommands.CompleteTask;
import ru.lomcrm.task.task.TaskCommands.CreateTask;
import ru.lomcrm.task.task.TaskCommands.DeleteTask;
import ru.lomcrm.task.task.TaskCommands.EditTask;
import ru.lomcrm.task.task.TaskCommands.ReassignTask;
import ru.lomcrm.task.task.TaskCommands.ReopenTask;
import ru.lomcrm.task.task.TaskCommands.RescheduleTask;
import ru.lomcrm.task.task.TaskRequests.AssigneeBody;
import ru.lomcrm.task.task.TaskRequests.CompleteBody;
import ru.lomcrm.task.task.TaskRequests.CreateTaskBody;
import ru.lomcrm.task.task.TaskRequests.PatchTaskBody;
import ru.lomcrm.task.task.TaskRequests.RescheduleBody;
import ru.lomcrm.task.view.TaskQueries;
import ru.lomcrm.task.view.TaskQueries.TaskItem;

/** Everything that changes a task. Each answer is the task as it is after the change. */
@RestController
@RequestMapping("/api/tasks")
@Tag(name = "Задачи", description = "Постановка, изменение, перенос, выполнение, удаление задач")
public class TaskCommandController {

    /** How long a new link may wait for the deal or party to arrive from its service's topic. */
    private static final Duration LINK_WAIT = Duration.ofSeconds(5);

    private final CommandGateway commands;
    private final TaskQueries tasks;
    private final LinkTargets links;
    private final JsonMapper json;
    private final Validator validator;
    private final String defaultZone;

    TaskCommandController(CommandGateway commands, TaskQueries tasks, LinkTargets links, JsonMapper json, Validator validator,
                          @Value("${crm.tasks.time-zone:" + Due.DEFAULT_ZONE + "}") String defaultZone) {
        this.commands = commands;
        this.tasks = tasks;
        this.links = links;
        this.json = json;
        this.validator = validator;
        this.defaultZone = defaultZone;
    }

    @PostMapping
    @Operation(summary = "Поставить задачу", description = "Исполнитель по умолчанию — автор. Срок: dueAt (время) или dueDate (весь день).")
    public ResponseEntity<TaskItem> create(@Valid @RequestBody CreateTaskBody body, CurrentUser caller) {
        TaskLink link = body.link() == null ? null : body.link().toLink();
        awaitLinkTarget(link);
        UUID id = UUID.randomUUID();
        send(new CreateTask(id, caller, body.text(), body.type(), body.dueAt(), body.dueDate(), zone(body.timeZone()), body.assigneeId(),
                link), caller);
        return ResponseEntity.created(URI.create("/api/tasks/" + id)).body(tasks.awaitCard(id, 0, caller));
    }

    /** Merge-patch of the card; {@code If-Match: <version>} makes a concurrent edit fail with 409 instead of overwriting it. */
    @PatchMapping("/{id}")
    @Operation(summary = "Изменить задачу", description = "Поля, которых нет в теле, не меняются; \"link\": null отвязывает задачу.")
    public TaskItem edit(@PathVariable UUID id, @RequestBody JsonNode body, @RequestHeader(name = "If-Match", required = false) String ifMatch,
                         CurrentUser caller) {
        if (!body.isObject()) {
            throw new InvalidRequestException(List.of(new InvalidRequestException.FieldError("body", "ожидается объект JSON")));
        }
        PatchTaskBody patch;
        try {
            patch = InvalidRequestException.check(validator, json.treeToValue(body, PatchTaskBody.class));
        } catch (tools.jackson.core.JacksonException e) {
            throw new InvalidRequestException(List.of(new InvalidRequestException.FieldError(
                    e.getPath().isEmpty() ? "body" : e.getPath().get(0).getPropertyName(), "некорректное значение")));
        }
        boolean clearLink = body.has("link") && body.get("link").isNull();
        TaskLink link = patch.link() == null ? null : patch.link().toLink();
        awaitLinkTarget(link);
        long version = send(new EditTask(id, IfMatch.version(ifMatch), caller, patch.text(), patch.type(), link, clearLink, patch.dueAt(),
                patch.dueDate(), zone(patch.timeZone()), patch.assigneeId()), caller);
        return tasks.awaitCard(id, version, caller);
    }

    @PostMapping("/{id}/reschedule")
    @Operation(summary = "Перенести задачу", description = "Новый срок: dueAt или dueDate.")
    public TaskItem reschedule(@PathVariable UUID id, @Valid @RequestBody RescheduleBody body, CurrentUser caller) {
        long version = send(new RescheduleTask(id, caller, body.dueAt(), body.dueDate(), zone(body.timeZone())), caller);
        return tasks.awaitCard(id, version, caller);
    }

    @PostMapping("/{id}/assignee")
    @Operation(summary = "Передать задачу другому исполнителю",
            description = "Менеджер — только себе; руководитель — участнику своей группы; администратор — любому.")
    public TaskItem reassign(@PathVariable UUID id, @Valid @RequestBody AssigneeBody body, CurrentUser caller) {
        long version = send(new ReassignTask(id, caller, body.assigneeId()), caller);
        return tasks.awaitCard(id, version, caller);
    }

    @PostMapping("/{id}/complete")
    @Operation(summary = "Выполнить задачу", description = "Результат обязателен.")
    public TaskItem complete(@PathVariable UUID id, @Valid @RequestBody CompleteBody body, CurrentUser caller) {
        long version = send(new CompleteTask(id, caller, body.result()), caller);
        return tasks.awaitCard(id, version, caller);
    }

    @PostMapping("/{id}/reopen")
    @Operation(summary = "Вернуть выполненную задачу в работу")
    public TaskItem reopen(@PathVariable UUID id, CurrentUser caller) {
        long version = send(new ReopenTask(id, caller), caller);
        return tasks.awaitCard(id, version, caller);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Удалить задачу", description = "Задача пропадает из списков и календаря; её история сохраняется.")
    public ResponseEntity<Void> delete(@PathVariable UUID id, CurrentUser caller) {
        long version = send(new DeleteTask(id, caller), caller);
        tasks.awaitVersion(id, version);
        return ResponseEntity.noContent().build();
    }

    /** A deal or party just created elsewhere may not have reached this service yet: wait a little for it. */
    private void awaitLinkTarget(TaskLink link) {
        if (link != null && link.id() != null && link.type() != null) {
            ReadModels.awaitVersion(() -> links.knows(link) ? 1 : -1, 1, LINK_WAIT);
        }
    }

    private String zone(String requested) {
        return requested == null || requested.isBlank() ? defaultZone : requested;
    }

    @SuppressWarnings("unchecked")
    private <R> R send(Object command, CurrentUser caller) {
        return (R) commands.sendAndWait(Actors.command(command, caller.id()));
    }
}
