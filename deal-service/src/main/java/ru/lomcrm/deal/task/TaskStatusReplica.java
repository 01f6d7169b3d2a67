package ru.lomcrm.deal.task;

import java.time.ZoneOffset;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import ru.lomcrm.contracts.Topics;
import ru.lomcrm.contracts.task.DealTaskStatusChanged;
import ru.lomcrm.platform.events.EventInbox;
import ru.lomcrm.platform.events.EventJson;

/**
 * Rule 3 on the board without calling task-service: whether each deal has an open task and when the nearest falls due, from
 * task-service's {@code DealTaskStatusChanged}. An event older than the one applied (lower
 * aggregate version) is ignored.
 */
@Component
class TaskStatusReplica {

    static final String CONSUMER = "deal.task-status";

    private final EventInbox inbox;
    private final JdbcTemplate jdbc;

    TaskStatusReplica(EventInbox inbox, JdbcTemplate jdbc) {
        this.inbox = inbox;
        this.jdbc = jdbc;
    }

    @KafkaListener(topics = "${crm.kafka.topic-prefix:}" + Topics.TASK)
    void on(ConsumerRecord<String, String> record) {
        inbox.accept(CONSUMER, record, envelope -> {
            if (EventJson.is(envelope, DealTaskStatusChanged.class)) {
                var status = EventJson.payload(envelope, DealTaskStatusChanged.class);
                jdbc.update("""
                        INSERT INTO deal_task_status (deal_id, has_open_task, open_tasks, nearest_deadline, version) VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (deal_id) DO UPDATE SET has_open_task = excluded.has_open_task, open_tasks = excluded.open_tasks,
                                                            nearest_deadline = excluded.nearest_deadline, version = excluded.version
                        WHERE deal_task_status.version < excluded.version""",
                        status.dealId(), status.hasOpenTask(), status.openTasks(),
                        status.nearestDeadline() == null ? null : status.nearestDeadline().atOffset(ZoneOffset.UTC), envelope.aggregateVersion());
            }
        });
    }
}
