package ru.lomcrm.deal.permanent;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import ru.lomcrm.platform.security.CurrentUser;
import ru.lomcrm.platform.web.DomainException;

/** Rule 2's quiet period (default 30 days): everyone reads it, an admin changes it. */
@RestController
class PermanentFunnelSettings {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    PermanentFunnelSettings(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record QuietPeriod(@NotNull(message = "укажите число дней") @Min(value = 1, message = "не меньше 1 дня")
                              @Max(value = 365, message = "не больше 365 дней") Integer days) {
    }

    Duration quietPeriod() {
        return Duration.ofDays(read().days());
    }

    @Operation(summary = "Days without a delivery after which a permanent client's deal moves to Не везет")
    @GetMapping("/api/funnels/permanent/quiet-period")
    QuietPeriod read() {
        return new QuietPeriod(jdbc.queryForObject("SELECT quiet_days FROM permanent_funnel_settings WHERE id = 1", Integer.class));
    }

    @PutMapping("/api/funnels/permanent/quiet-period")
    QuietPeriod change(@Valid @RequestBody QuietPeriod body, CurrentUser caller) {
        if (!caller.isAdmin()) {
            throw DomainException.forbidden("settings-forbidden", "Настройки воронок меняет администратор.");
        }
        jdbc.update("UPDATE permanent_funnel_settings SET quiet_days = ?, updated_by = ?, updated_at = ? WHERE id = 1", body.days(),
                caller.id(), clock.instant().atOffset(ZoneOffset.UTC));
        return read();
    }
}
