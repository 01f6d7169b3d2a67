package ru.lomcrm.analytics.summary;

import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import ru.lomcrm.platform.security.CurrentUser;
import ru.lomcrm.platform.security.Roles;
import ru.lomcrm.platform.web.DomainException;

@RestController
class SummaryController {

    private final JdbcTemplate jdbc;

    SummaryController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Summary(long dealsCreated) {
    }

    @GetMapping("/api/analytics/summary")
    Summary summary(CurrentUser user) {
        if (!user.hasSection(Roles.SECTION_ANALYTICS)) {
            throw DomainException.forbidden("section-analytics-required", "Нет доступа к разделу «Аналитика».");
        }
        Map<String, Long> counters = new HashMap<>();
        jdbc.query("SELECT name, value FROM summary_counter", row -> {
            counters.put(row.getString("name"), row.getLong("value"));
        });
        return new Summary(counters.getOrDefault(SummaryCounter.DEALS_CREATED.column(), 0L));
    }
}
