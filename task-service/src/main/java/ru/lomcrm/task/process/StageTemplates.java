package ru.lomcrm.task.process;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The business-process template of each funnel stage, as the admin keeps them. */
@Component
public class StageTemplates {

    /** What a deal entering {@code funnel}/{@code stage} gets as its task: text, type, due {@code dueOffset} after entering. */
    public record Template(String funnel, String stage, String text, String type, Duration dueOffset) {
    }

    private final JdbcTemplate jdbc;

    public StageTemplates(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Template> find(String funnel, String stage) {
        List<Template> found = jdbc.query("SELECT funnel, stage, text, type, due_offset_minutes FROM stage_template WHERE funnel = ? AND stage = ?",
                (rs, n) -> new Template(rs.getString("funnel"), rs.getString("stage"), rs.getString("text"), rs.getString("type"),
                        Duration.ofMinutes(rs.getInt("due_offset_minutes"))), funnel, stage);
        return found.stream().findFirst();
    }
}
