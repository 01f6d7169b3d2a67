package ru.lomcrm.task.task;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import ru.lomcrm.contracts.task.TaskLink;

/** Request bodies of the task API, with the limits a person is told about field by field. */
public final class TaskRequests {

    private TaskRequests() {
    }

    /** What the task is about: {@code {type: deal|contact|company, id}}. */
    public record LinkBody(
            @NotBlank(message = "укажите deal, contact или company") @Pattern(regexp = "deal|contact|company", message = "deal, contact или company")
            String type,
            @NotNull(message = "укажите id") UUID id) {

        TaskLink toLink() {
            return new TaskLink(type, id);
        }
    }

    /** A new task. Due: {@code dueAt} (a moment) or {@code dueDate} (a whole day, in {@code timeZone}, default Europe/Moscow). */
    public record CreateTaskBody(
            @NotBlank(message = "укажите, что нужно сделать") @Size(max = 2000, message = "не длиннее 2000 символов") String text,
            @Size(max = 40, message = "не длиннее 40 символов") String type,
            Instant dueAt,
            LocalDate dueDate,
            @Size(max = 64, message = "не длиннее 64 символов") String timeZone,
            @Size(max = 64, message = "некорректный пользователь") String assigneeId,
            @Valid LinkBody link) {
    }

    /** PATCH body: the same fields, all optional; {@code "link": null} unlinks the task. */
    public record PatchTaskBody(
            @Size(min = 1, max = 2000, message = "от 1 до 2000 символов") String text,
            @Size(min = 1, max = 40, message = "от 1 до 40 символов") String type,
            Instant dueAt,
            LocalDate dueDate,
            @Size(max = 64, message = "не длиннее 64 символов") String timeZone,
            @Size(min = 1, max = 64, message = "некорректный пользователь") String assigneeId,
            @Valid LinkBody link) {
    }

    public record RescheduleBody(Instant dueAt, LocalDate dueDate, @Size(max = 64, message = "не длиннее 64 символов") String timeZone) {
    }

    public record AssigneeBody(@NotBlank(message = "укажите исполнителя") @Size(max = 64, message = "некорректный пользователь") String assigneeId) {
    }

    public record CompleteBody(
            @NotBlank(message = "укажите результат: что сделано по задаче") @Size(max = 2000, message = "не длиннее 2000 символов")
            String result) {
    }
}
