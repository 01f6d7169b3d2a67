package ru.lomcrm.deal.permanent;

import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import ru.lomcrm.contracts.EventEnvelope;
import ru.lomcrm.deal.deal.DealCommands.MarkDealNotDelivering;
import ru.lomcrm.platform.events.Actors;

/**
 * Rule 2: a permanent client's deal in Передан or Везёт with no delivery for the quiet period
 * moves to Не везет by itself. The state lives in the database (deal_view.activity_at and the
 * aggregates), so a restart loses nothing; a PostgreSQL advisory lock lets one instance sweep at
 * a time, and the aggregate re-checks each deal against its own history, so a stale candidate or
 * a repeated sweep never moves a deal twice.
 */
@Component
public class NotDeliveringWatch {

    /** pg advisory lock key: "LomCRM" permanent-funnel watch. */
    private static final long LOCK_KEY = 0x4c6f6d43524d01L;
    private static final Logger log = LoggerFactory.getLogger(NotDeliveringWatch.class);

    private final JdbcTemplate jdbc;
    private final CommandGateway commands;
    private final PermanentFunnelSettings settings;
    private final Clock clock;

    NotDeliveringWatch(JdbcTemplate jdbc, CommandGateway commands, PermanentFunnelSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.commands = commands;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${crm.permanent.check-interval:PT1M}", initialDelayString = "${crm.permanent.check-initial-delay:PT30S}")
    void scheduled() {
        sweep();
    }

    /** Moves every due deal; answers how many were moved, or -1 when another instance holds the sweep. */
    public int sweep() {
        return jdbc.execute((ConnectionCallback<Integer>) connection -> {
            try (var lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                lock.setLong(1, LOCK_KEY);
                try (ResultSet rs = lock.executeQuery()) {
                    if (!rs.next() || !rs.getBoolean(1)) {
                        return -1;
                    }
                }
            }
            try {
                return moveDueDeals();
            } finally {
                try (var unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                    unlock.setLong(1, LOCK_KEY);
                    unlock.execute();
                }
            }
        });
    }

    private int moveDueDeals() {
        Duration quiet = settings.quietPeriod();
        List<UUID> due = jdbc.queryForList("""
                SELECT id FROM deal_view
                WHERE funnel = 'permanent' AND NOT closed AND stage IN ('handed_over', 'delivering') AND activity_at <= ?
                ORDER BY activity_at LIMIT 1000""", UUID.class, clock.instant().minus(quiet).atOffset(ZoneOffset.UTC));
        int moved = 0;
        for (UUID dealId : due) {
            try {
                commands.sendAndWait(Actors.command(new MarkDealNotDelivering(dealId, quiet), EventEnvelope.SYSTEM_ACTOR));
                moved++;
            } catch (RuntimeException e) {
                log.warn("Could not check deal {} for the quiet period; next sweep retries", dealId, e);
            }
        }
        if (!due.isEmpty()) {
            log.info("Quiet-period sweep: {} permanent deal(s) checked, quiet period {}", due.size(), quiet);
        }
        return moved;
    }
}
