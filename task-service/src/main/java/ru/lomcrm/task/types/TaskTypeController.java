package ru.lomcrm.task.types;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ru.lomcrm.platform.security.CurrentUser;
import ru.lomcrm.platform.web.DomainException;
import ru.lomcrm.task.types.TaskTypes.TaskType;

/** The list of task types; the admin keeps it. A type left out of a new list is archived: old tasks keep its name. */
@RestController
@Tag(name = "Задачи: настройки")
class TaskTypeController {

    private final JdbcTemplate jdbc;
    private final TaskTypes types;

    TaskTypeController(JdbcTemplate jdbc, TaskTypes types) {
        this.jdbc = jdbc;
        this.types = types;
    }

    public record TypeBody(
            @NotBlank(message = "укажите код") @Pattern(regexp = "[a-z][a-z0-9_]{0,39}", message = "латиница в нижнем регистре, цифры и _, до 40 символов")
            String code,
            @NotBlank(message = "укажите название") @Size(max = 60, message = "не длиннее 60 символов") String name) {
    }

    public record TypesBody(@NotNull(message = "укажите список") @NotEmpty(message = "нужен хотя бы один тип")
                            @Size(max = 50, message = "не больше 50 типов") List<@NotNull @Valid TypeBody> items) {
    }

    public record TypeList(List<TaskType> items) {
    }

    @GetMapping("/api/tasks/types")
    @Operation(summary = "Типы задач", description = "Действующие, по порядку; all=true — и снятые с использования.")
    TypeList list(@RequestParam(defaultValue = "false") boolean all) {
        return new TypeList(types.list(all));
    }

    /** Replaces the list, in the order given. */
    @PutMapping("/api/tasks/types")
    @Transactional
    @Operation(summary = "Задать список типов задач (администратор)",
            description = "Порядок — как в списке. Тип, которого нет в новом списке, снимается с использования, но остаётся у старых задач.")
    TypeList replace(@Valid @RequestBody TypesBody body, CurrentUser caller) {
        if (!caller.isAdmin()) {
            throw DomainException.forbidden("admin-only", "Типы задач ведёт администратор.");
        }
        Set<String> codes = new HashSet<>();
        for (TypeBody type : body.items()) {
            if (!codes.add(type.code())) {
                throw DomainException.invalid("duplicate-type", "Тип «" + type.code() + "» указан дважды.").about("items");
            }
        }
        List<String> inTemplates = jdbc.queryForList("SELECT DISTINCT type FROM stage_template", String.class);
        for (String used : inTemplates) {
            if (!codes.contains(used)) {
                throw DomainException.invalid("type-in-use", "Тип «" + types.names().getOrDefault(used, used)
                        + "» задан в бизнес-процессе этапа воронки: сначала смените тип там.").about("items");
            }
        }
        jdbc.update("UPDATE task_type SET active = false");
        for (int i = 0; i < body.items().size(); i++) {
            TypeBody type = body.items().get(i);
            jdbc.update("""
                    INSERT INTO task_type (code, name, position, active) VALUES (?, ?, ?, true)
                    ON CONFLICT (code) DO UPDATE SET name = excluded.name, position = excluded.position, active = true""",
                    type.code(), type.name().strip(), i + 1);
        }
        return new TypeList(types.list(false));
    }
}
