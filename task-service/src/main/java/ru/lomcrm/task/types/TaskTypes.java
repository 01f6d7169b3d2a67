package ru.lomcrm.task.types;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The task types (Звонок, Встреча, Письмо, Связаться, ...) as the admin keeps them. */
@Component
public class TaskTypes {

    /** One type; {@code active} false: taken off the list, still named on old tasks. */
    public record TaskType(String code, String name, boolean active) {
    }

    private final JdbcTemplate jdbc;

    public TaskTypes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether new and edited tasks may take this type. */
    public boolean isActive(String code) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM task_type WHERE code = ? AND active)", Boolean.class, code));
    }

    /** The type a task gets when none is chosen: the first of the list. */
    public String defaultType() {
        return jdbc.queryForList("SELECT code FROM task_type WHERE active ORDER BY position, code LIMIT 1", String.class).stream()
                .findFirst().orElse("call");
    }

    public List<TaskType> list(boolean withArchived) {
        return jdbc.query("SELECT code, name, active FROM task_type" + (withArchived ? "" : " WHERE active")
                        + " ORDER BY active DESC, position, code",
                (rs, n) -> new TaskType(rs.getString("code"), rs.getString("name"), rs.getBoolean("active")));
    }

    /** Code → name of every type, archived ones too. */
    public Map<String, String> names() {
        return list(true).stream().collect(Collectors.toMap(TaskType::code, TaskType::name));
    }
}
