package ru.lomcrm.deal.funnel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import ru.lomcrm.contracts.deal.FunnelDefined;
import ru.lomcrm.contracts.deal.FunnelRemoved;
import ru.lomcrm.contracts.deal.Stage;
import ru.lomcrm.platform.web.DomainException;

/**
 * The funnels as they are now. Projected by a <em>subscribing</em> processor, in the same
 * transaction as the funnel's events, because deal commands validate stages against it and
 * must never see a funnel the event store does not (or miss one it does).
 */
@Component
@ProcessingGroup(FunnelCatalog.PROCESSING_GROUP)
public class FunnelCatalog {

    public static final String PROCESSING_GROUP = "funnel-catalog";

    private final JdbcTemplate jdbc;

    protected FunnelCatalog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record FunnelView(String code, String name, boolean closable, int position, List<Stage> stages) {

        public Optional<Stage> stage(String code) {
            return stages.stream().filter(s -> s.code().equals(code)).findFirst();
        }

        public Stage firstStage() {
            return stages.get(0);
        }

        /** @param field the request field that named the stage, for the error */
        public Stage requireStage(String code, String field) {
            return stage(code).orElseThrow(() -> DomainException.invalid("unknown-stage",
                    "В воронке «" + name + "» нет этапа «" + code + "».").about(field));
        }
    }

    public List<FunnelView> all() {
        Map<String, FunnelView> funnels = new LinkedHashMap<>();
        jdbc.query("SELECT code, name, closable, position FROM funnel ORDER BY position, code", row -> {
            funnels.put(row.getString("code"), new FunnelView(row.getString("code"), row.getString("name"),
                    row.getBoolean("closable"), row.getInt("position"), new ArrayList<>()));
        });
        jdbc.query("SELECT funnel, code, name, kind FROM funnel_stage ORDER BY funnel, position", row -> {
            FunnelView funnel = funnels.get(row.getString("funnel"));
            if (funnel != null) {
                funnel.stages().add(new Stage(row.getString("code"), row.getString("name"), row.getString("kind")));
            }
        });
        return List.copyOf(funnels.values());
    }

    public Optional<FunnelView> find(String code) {
        return all().stream().filter(f -> f.code().equals(code)).findFirst();
    }

    public FunnelView require(String code, String field) {
        return find(code).orElseThrow(() -> DomainException.invalid("unknown-funnel", "Воронки «" + code + "» нет.").about(field));
    }

    @EventHandler
    void on(FunnelDefined event) {
        jdbc.update("""
                INSERT INTO funnel (code, name, closable, position) VALUES (?, ?, ?, ?)
                ON CONFLICT (code) DO UPDATE SET name = excluded.name, closable = excluded.closable, position = excluded.position""",
                event.code(), event.name(), event.closable(), event.position());
        jdbc.update("DELETE FROM funnel_stage WHERE funnel = ?", event.code());
        int position = 0;
        for (Stage stage : event.stages()) {
            jdbc.update("INSERT INTO funnel_stage (funnel, code, name, kind, position) VALUES (?, ?, ?, ?, ?)",
                    event.code(), stage.code(), stage.name(), stage.kind(), position++);
        }
    }

    @EventHandler
    void on(FunnelRemoved event) {
        jdbc.update("DELETE FROM funnel_stage WHERE funnel = ?", event.code());
        jdbc.update("DELETE FROM funnel WHERE code = ?", event.code());
    }
}
