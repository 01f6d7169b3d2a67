package ru.lomcrm.task.deal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import ru.lomcrm.contracts.EventEnvelope;
import ru.lomcrm.contracts.Topics;
import ru.lomcrm.contracts.deal.DealClosed;
import ru.lomcrm.contracts.deal.DealCreated;
import ru.lomcrm.contracts.deal.DealOwnerChanged;
import ru.lomcrm.contracts.deal.DealStageChanged;
import ru.lomcrm.contracts.deal.DealUpdated;
import ru.lomcrm.contracts.deal.FunnelDefined;
import ru.lomcrm.contracts.deal.FunnelRemoved;
import ru.lomcrm.contracts.deal.Stage;
import ru.lomcrm.platform.events.Actors;
import ru.lomcrm.platform.events.EventInbox;
import ru.lomcrm.platform.events.EventJson;
import ru.lomcrm.task.process.StageTemplates;
import ru.lomcrm.task.task.TaskAccess;
import ru.lomcrm.task.task.TaskCommands.CloseTaskWithDeal;
import ru.lomcrm.task.task.TaskCommands.CreateBusinessProcessTask;
import ru.lomcrm.task.task.TaskCommands.HandTaskOver;

/**
 * Deal-service's events, applied once each (the inbox row, the replica, and any task created or
 * handed over commit together):
 * <ul>
 *   <li>the deal replica {@code deal_ref} (title, funnel, stage, owner, closed) for rights,
 *       links and the deals-without-task list;</li>
 *   <li>rule 3: a deal entering a stage (created, or moved) with no open task gets the stage's
 *       business-process task for its owner. Its id is derived from the deal, the stage and the
 *       deal's version, and an event older than what the replica has seen is ignored, so even a
 *       record re-published under a new event id cannot create a second task;</li>
 *   <li>rule 3 the other way: the task is what moves the deal on, so a deal leaving a stage closes
 *       that stage's open business-process task («Этап пройден»), and a closed deal closes all its
 *       open tasks with the outcome (and the loss reason) as their result — done by the system, on
 *       the tasks' record;</li>
 *   <li>a deal given to another owner takes its open tasks along where their assignee can no
 *       longer see it;</li>
 *   <li>funnels and stages, for the template settings.</li>
 * </ul>
 */
@Component
class DealEvents {

    static final String CONSUMER = "task.deal-events";
    static final String STAGE_PASSED = "Этап пройден";
    static final String CLOSED_WON = "Сделка успешно реализована";
    static final String CLOSED_LOST = "Сделка закрыта и не реализована";
    private static final Logger log = LoggerFactory.getLogger(DealEvents.class);

    private final EventInbox inbox;
    private final JdbcTemplate jdbc;
    private final CommandGateway commands;
    private final StageTemplates templates;
    private final TaskAccess access;
    private final Clock clock;

    DealEvents(EventInbox inbox, JdbcTemplate jdbc, CommandGateway commands, StageTemplates templates, TaskAccess access, Clock clock) {
        this.inbox = inbox;
        this.jdbc = jdbc;
        this.commands = commands;
        this.templates = templates;
        this.access = access;
        this.clock = clock;
    }

    @KafkaListener(topics = "${crm.kafka.topic-prefix:}" + Topics.DEAL)
    void on(ConsumerRecord<String, String> record) {
        inbox.accept(CONSUMER, record, this::apply);
    }

    private void apply(EventEnvelope<JsonNode> envelope) {
        long version = envelope.aggregateVersion();
        Instant at = envelope.occurredAt();
        if (EventJson.is(envelope, DealCreated.class)) {
            created(EventJson.payload(envelope, DealCreated.class), version, at);
        } else if (EventJson.is(envelope, DealStageChanged.class)) {
            moved(EventJson.payload(envelope, DealStageChanged.class), version, at, envelope.actor());
        } else if (EventJson.is(envelope, DealOwnerChanged.class)) {
            ownerChanged(EventJson.payload(envelope, DealOwnerChanged.class), version, at, envelope.actor());
        } else if (EventJson.is(envelope, DealClosed.class)) {
            closed(EventJson.payload(envelope, DealClosed.class), version, at);
        } else if (EventJson.is(envelope, DealUpdated.class)) {
            updated(EventJson.payload(envelope, DealUpdated.class), version, at);
        } else if (EventJson.is(envelope, FunnelDefined.class)) {
            funnelDefined(EventJson.payload(envelope, FunnelDefined.class));
        } else if (EventJson.is(envelope, FunnelRemoved.class)) {
            jdbc.update("DELETE FROM funnel_ref WHERE code = ?", EventJson.payload(envelope, FunnelRemoved.class).code());
        }
    }

    private void created(DealCreated event, long version, Instant at) {
        DealRow row = lock(event.dealId());
        if (version <= row.version()) {
            return;
        }
        jdbc.update("""
                UPDATE deal_ref SET known = true, title = ?, funnel = ?, stage = ?, owner_id = ?, closed = false, deal_version = ?,
                                    created_at = ?, updated_at = ?,
                                    without_task_since = CASE WHEN open_tasks > 0 THEN NULL ELSE coalesce(without_task_since, ?) END
                WHERE id = ?""",
                event.title(), event.funnel(), event.stage(), event.ownerId(), version, time(event.createdAt()), time(at),
                time(event.createdAt()), event.dealId());
        enterStage(event.dealId(), event.funnel(), event.stage(), event.ownerId(), version, false);
        if (!row.known()) {
            report(event.dealId());
        }
    }

    private void moved(DealStageChanged event, long version, Instant at, String actor) {
        DealRow row = lock(event.dealId());
        if (version <= row.version()) {
            return;
        }
        jdbc.update("""
                UPDATE deal_ref SET known = true, funnel = ?, stage = ?, owner_id = ?, deal_version = ?, updated_at = ?,
                                    without_task_since = CASE WHEN open_tasks > 0 THEN NULL ELSE coalesce(without_task_since, ?) END
                WHERE id = ?""",
                event.funnel(), event.toStage(), event.ownerId(), version, time(at), time(at), event.dealId());
        closeTasksOfStagesLeft(event.dealId(), event.funnel(), event.toStage());
        // a move the system made by itself (rule 2: a quiet permanent client → Не везет) brings its stage task even when an older task is open
        enterStage(event.dealId(), event.funnel(), event.toStage(), event.ownerId(), version, EventEnvelope.SYSTEM_ACTOR.equals(actor));
        if (!row.known()) {
            report(event.dealId());
        }
    }

    private void ownerChanged(DealOwnerChanged event, long version, Instant at, String actor) {
        DealRow row = lock(event.dealId());
        if (version <= row.version()) {
            return;
        }
        jdbc.update("UPDATE deal_ref SET owner_id = ?, deal_version = ?, updated_at = ? WHERE id = ?", event.toOwnerId(), version, time(at),
                event.dealId());
        var open = jdbc.queryForList("SELECT id, assignee_id FROM task_state WHERE link_type = 'deal' AND link_id = ? AND open",
                event.dealId());
        for (var task : open) {
            String assignee = (String) task.get("assignee_id");
            if (!assignee.equals(event.toOwnerId()) && !access.userSeesDeal(assignee, event.toOwnerId())) {
                commands.sendAndWait(Actors.command(new HandTaskOver((UUID) task.get("id"), event.toOwnerId()), actor));
            }
        }
    }

    private void closed(DealClosed event, long version, Instant at) {
        DealRow row = lock(event.dealId());
        if (version <= row.version()) {
            return;
        }
        jdbc.update("UPDATE deal_ref SET closed = true, stage = ?, deal_version = ?, updated_at = ? WHERE id = ?", event.outcome(), version,
                time(at), event.dealId());
        String result = DealClosed.WON.equals(event.outcome()) ? CLOSED_WON
                : CLOSED_LOST + (event.reason() == null || event.reason().isBlank() ? "" : ": " + event.reason().strip());
        close(jdbc.queryForList("SELECT id FROM task_state WHERE link_type = 'deal' AND link_id = ? AND open", UUID.class, event.dealId()),
                result);
    }

    /** Rule 3: a stage's business-process task is done once the deal has moved past that stage. */
    private void closeTasksOfStagesLeft(UUID dealId, String funnel, String stage) {
        close(jdbc.queryForList("""
                SELECT id FROM task_state WHERE link_type = 'deal' AND link_id = ? AND open AND process_stage IS NOT NULL
                AND (process_funnel IS DISTINCT FROM ? OR process_stage <> ?)""", UUID.class, dealId, funnel, stage), STAGE_PASSED);
    }

    private void close(List<UUID> tasks, String result) {
        for (UUID task : tasks) {
            commands.sendAndWait(Actors.command(new CloseTaskWithDeal(task, result), EventEnvelope.SYSTEM_ACTOR));
        }
    }

    private void updated(DealUpdated event, long version, Instant at) {
        DealRow row = lock(event.dealId());
        if (version <= row.version()) {
            return;
        }
        jdbc.update("UPDATE deal_ref SET title = ?, deal_version = ?, updated_at = ? WHERE id = ?", event.title(), version, time(at),
                event.dealId());
    }

    /**
     * Rule 3: entering a stage with no open task creates the stage's business-process task (if the
     * stage has a template); {@code evenWithOpenTasks} for the moves the system makes by itself.
     */
    private void enterStage(UUID dealId, String funnel, String stage, String ownerId, long version, boolean evenWithOpenTasks) {
        var state = jdbc.queryForMap("SELECT open_tasks, closed FROM deal_ref WHERE id = ?", dealId);
        boolean hasOpenTask = ((Number) state.get("open_tasks")).intValue() > 0;
        if (Boolean.TRUE.equals(state.get("closed")) || (hasOpenTask && !evenWithOpenTasks) || ownerId == null) {
            return;
        }
        templates.find(funnel, stage).ifPresent(template -> {
            UUID taskId = stageTaskId(dealId, stage, version);
            if (!jdbc.queryForList("SELECT id FROM task_state WHERE id = ?", UUID.class, taskId).isEmpty()) {
                return;
            }
            commands.sendAndWait(Actors.command(new CreateBusinessProcessTask(taskId, dealId, funnel, stage, ownerId, template.text(),
                    template.type(), clock.instant().plus(template.dueOffset())), EventEnvelope.SYSTEM_ACTOR));
            log.debug("Stage task {} for deal {} entering {}/{}", taskId, dealId, funnel, stage);
        });
    }

    /** The same deal entering the same stage at the same version always yields the same task id. */
    static UUID stageTaskId(UUID dealId, String stage, long dealVersion) {
        return UUID.nameUUIDFromBytes(("lomcrm:stage-task:" + dealId + ":" + stage + ":" + dealVersion).getBytes(StandardCharsets.UTF_8));
    }

    private void report(UUID dealId) {
        commands.sendAndWait(Actors.command(DealTaskStatus.currentState(jdbc, dealId), EventEnvelope.SYSTEM_ACTOR));
    }

    private void funnelDefined(FunnelDefined event) {
        jdbc.update("""
                INSERT INTO funnel_ref (code, name, position) VALUES (?, ?, ?)
                ON CONFLICT (code) DO UPDATE SET name = excluded.name, position = excluded.position""",
                event.code(), event.name(), event.position());
        jdbc.update("DELETE FROM funnel_stage_ref WHERE funnel = ?", event.code());
        List<Stage> stages = event.stages();
        for (int i = 0; i < stages.size(); i++) {
            Stage stage = stages.get(i);
            jdbc.update("INSERT INTO funnel_stage_ref (funnel, code, name, kind, position) VALUES (?, ?, ?, ?, ?)", event.code(),
                    stage.code(), stage.name(), stage.kind(), i);
        }
    }

    private record DealRow(boolean known, long version) {
    }

    private DealRow lock(UUID dealId) {
        DealRows.lock(jdbc, dealId);
        return jdbc.queryForObject("SELECT known, deal_version FROM deal_ref WHERE id = ?",
                (rs, n) -> new DealRow(rs.getBoolean("known"), rs.getLong("deal_version")), dealId);
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
