package ru.lomcrm.task.process;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import ru.lomcrm.platform.security.CurrentUser;
import ru.lomcrm.platform.web.DomainException;
import ru.lomcrm.task.types.TaskTypes;

/**
 * Business-process templates (what must be done to move a deal on from each stage); the admin
 * edits them. A stage without a template gives its deals no task.
 */
@RestController
@Tag(name = "Задачи: настройки")
class StageTemplateController {

    private final JdbcTemplate jdbc;
    private final TaskTypes types;
    private final Clock clock;

    StageTemplateController(JdbcTemplate jdbc, TaskTypes types, Clock clock) {
        this.jdbc = jdbc;
        this.types = types;
        this.clock = clock;
    }

    /** Every open stage of every funnel, with its template if it has one ({@code text} null: none). */
    public record StageTemplate(String funnel, String funnelName, String stage, String stageName, String text, String type,
                                String typeName, Integer dueOffsetMinutes) {
    }

    public record Templates(List<StageTemplate> items) {
    }

    public record TemplateBody(
            @NotBlank(message = "укажите, что нужно сделать") @Size(max = 2000, message = "не длиннее 2000 символов") String text,
            @NotBlank(message = "укажите тип задачи") @Size(max = 40, message = "не длиннее 40 символов") String type,
            @NotNull(message = "укажите срок в минутах от входа на этап") @Min(value = 0, message = "не меньше 0")
            @Max(value = 525600, message = "не больше года (525600 минут)") Integer dueOffsetMinutes) {
    }

    @GetMapping("/api/tasks/templates")
    @Operation(summary = "Бизнес-процессы этапов", description = "Каждый открытый этап каждой воронки и его шаблон задачи (если есть).")
    Templates list() {
        var names = types.names();
        return new Templates(jdbc.query("""
                SELECT f.code AS funnel, f.name AS funnel_name, s.code AS stage, s.name AS stage_name, t.text, t.type, t.due_offset_minutes
                FROM funnel_ref f JOIN funnel_stage_ref s ON s.funnel = f.code
                LEFT JOIN stage_template t ON t.funnel = f.code AND t.stage = s.code
                WHERE s.kind = 'open'
                ORDER BY f.position, f.code, s.position""", (rs, n) -> new StageTemplate(rs.getString("funnel"), rs.getString("funnel_name"),
                rs.getString("stage"), rs.getString("stage_name"), rs.getString("text"), rs.getString("type"),
                rs.getString("type") == null ? null : names.getOrDefault(rs.getString("type"), rs.getString("type")),
                (Integer) rs.getObject("due_offset_minutes"))));
    }

    @PutMapping("/api/tasks/templates/{funnel}/{stage}")
    @Transactional
    @Operation(summary = "Задать бизнес-процесс этапа (администратор)")
    StageTemplate put(@PathVariable String funnel, @PathVariable String stage, @Valid @RequestBody TemplateBody body, CurrentUser caller) {
        requireAdmin(caller);
        requireOpenStage(funnel, stage);
        if (!types.isActive(body.type().strip())) {
            throw DomainException.invalid("unknown-task-type", "Нет такого типа задачи: «" + body.type().strip() + "».").about("type");
        }
        jdbc.update("""
                INSERT INTO stage_template (funnel, stage, text, type, due_offset_minutes, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (funnel, stage) DO UPDATE SET text = excluded.text, type = excluded.type,
                    due_offset_minutes = excluded.due_offset_minutes, updated_at = excluded.updated_at, updated_by = excluded.updated_by""",
                funnel, stage, body.text().strip(), body.type().strip(), body.dueOffsetMinutes(), clock.instant().atOffset(ZoneOffset.UTC),
                caller.id());
        return list().items().stream().filter(t -> t.funnel().equals(funnel) && t.stage().equals(stage)).findFirst().orElseThrow();
    }

    @DeleteMapping("/api/tasks/templates/{funnel}/{stage}")
    @Transactional
    @Operation(summary = "Убрать бизнес-процесс этапа (администратор)", description = "Сделки, входящие на этап, больше не получают задачу.")
    ResponseEntity<Void> delete(@PathVariable String funnel, @PathVariable String stage, CurrentUser caller) {
        requireAdmin(caller);
        if (jdbc.update("DELETE FROM stage_template WHERE funnel = ? AND stage = ?", funnel, stage) == 0) {
            throw DomainException.notFound("not-found", "У этого этапа нет бизнес-процесса.");
        }
        return ResponseEntity.noContent().build();
    }

    private void requireOpenStage(String funnel, String stage) {
        List<String> kind = jdbc.queryForList("SELECT kind FROM funnel_stage_ref WHERE funnel = ? AND code = ?", String.class, funnel, stage);
        if (kind.isEmpty()) {
            throw DomainException.notFound("unknown-stage", "Нет этапа «" + stage + "» в воронке «" + funnel + "».");
        }
        if (!"open".equals(kind.get(0))) {
            throw DomainException.invalid("stage-closed", "Закрытому этапу бизнес-процесс не нужен: по закрытой сделке новых задач не ставят.");
        }
    }

    private static void requireAdmin(CurrentUser caller) {
        if (!caller.isAdmin()) {
            throw DomainException.forbidden("admin-only", "Бизнес-процессы этапов настраивает администратор.");
        }
    }
}
