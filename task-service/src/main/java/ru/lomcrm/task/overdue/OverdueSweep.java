package ru.lomcrm.task.overdue;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import ru.lomcrm.contracts.EventEnvelope;
import ru.lomcrm.platform.events.Actors;
import ru.lomcrm.task.task.TaskCommands.MarkTaskOverdue;

/**
 * Marks open tasks overdue once their due time has passed ({@code TaskOverdue}, which
 * mail-service turns into the per-user e-mail).
 *
 * <ul>
 *   <li>No timers in memory: every sweep asks {@code task_state} (kept in the tasks' own
 *       transactions) for open, not yet marked tasks past their deadline, so a restart, or time
 *       spent down, only delays the marking.</li>
 *   <li>One instance at a time: a sweep runs only while it holds a PostgreSQL advisory lock
 *       (session level, on a connection held for the sweep; released on unlock or when the
 *       connection dies). Another instance finding it taken skips its turn.</li>
 *   <li>Once per task and due time: the {@code Task} aggregate emits {@code TaskOverdue} only
 *       if it has not for the current due time — a second sweep, a retry or an overlap changes
 *       nothing.</li>
 *   <li>The time comes from the {@link Clock} bean, so tests move it instead of waiting.</li>
 * </ul>
 */
@Component
public class OverdueSweep {

    /** The advisory lock's key: "task-overdue" as a number, the same on every instance. */
    static final long LOCK_KEY = 0x7461736b_6f766572L;
    private static final int BATCH = 200;
    private static final Logger log = LoggerFactory.getLogger(OverdueSweep.class);

    private final JdbcTemplate jdbc;
    private final CommandGateway commands;
    private final Clock clock;
    private final boolean enabled;

    OverdueSweep(JdbcTemplate jdbc, CommandGateway commands, Clock clock,
                 @Value("${crm.tasks.overdue.enabled:true}") boolean enabled) {
        this.jdbc = jdbc;
        this.commands = commands;
        this.clock = clock;
        this.enabled = enabled;
    }

    @Scheduled(initialDelayString = "${crm.tasks.overdue.initial-delay-ms:5000}", fixedDelayString = "${crm.tasks.overdue.interval-ms:30000}")
    void scheduled() {
        if (!enabled) {
            return;
        }
        try {
            sweep();
        } catch (RuntimeException e) {
            log.warn("Overdue sweep failed; the next one will try again: {}", e.toString());
        }
    }

    /**
     * One sweep; returns how many tasks it marked overdue, or -1 if another instance holds the
     * lock.
     */
    public int sweep() {
        Integer marked = jdbc.execute((ConnectionCallback<Integer>) connection -> {
            if (!advisory(connection, "SELECT pg_try_advisory_lock(?)")) {
                return -1;
            }
            try {
                return markDue();
            } finally {
                advisory(connection, "SELECT pg_advisory_unlock(?)");
            }
        });
        if (marked != null && marked > 0) {
            log.info("Marked {} task(s) overdue", marked);
        }
        return marked == null ? 0 : marked;
    }

    private int markDue() {
        int marked = 0;
        Instant now = clock.instant();
        List<UUID> due;
        int rounds = 0;
        do {
            due = jdbc.queryForList("""
                    SELECT id FROM task_state WHERE open AND NOT overdue AND deadline <= ? ORDER BY deadline, id LIMIT ?""",
                    UUID.class, now.atOffset(ZoneOffset.UTC), BATCH);
            for (UUID taskId : due) {
                try {
                    commands.sendAndWait(Actors.command(new MarkTaskOverdue(taskId), EventEnvelope.SYSTEM_ACTOR));
                    marked++;
                } catch (RuntimeException e) {
                    // e.g. a concurrent change of the task: it stays unmarked and the next sweep tries again
                    log.warn("Could not mark task {} overdue: {}", taskId, e.toString());
                    return marked;
                }
            }
        } while (due.size() == BATCH && ++rounds < 50);
        return marked;
    }

    private static boolean advisory(java.sql.Connection connection, String sql) throws java.sql.SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, LOCK_KEY);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }
}
