package ru.lomcrm.task.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import ru.lomcrm.contracts.EventEnvelope;
import ru.lomcrm.contracts.task.TaskCompleted;
import ru.lomcrm.contracts.task.TaskCreated;
import ru.lomcrm.contracts.task.TaskDeleted;
import ru.lomcrm.contracts.task.TaskLink;
import ru.lomcrm.contracts.task.TaskOverdue;
import ru.lomcrm.contracts.task.TaskReassigned;
import ru.lomcrm.contracts.task.TaskReopened;
import ru.lomcrm.contracts.task.TaskRescheduled;
import ru.lomcrm.contracts.task.TaskUpdated;
import ru.lomcrm.platform.events.Actors;
import ru.lomcrm.platform.security.CurrentUser;
import ru.lomcrm.platform.users.DirectoryUser;
import ru.lomcrm.platform.users.UserDirectory;
import ru.lomcrm.platform.web.DomainException;
import ru.lomcrm.task.task.TaskAccess;

/**
 * Rule 6, proof: every change of a task with who and when, read straight from the event store,
 * newest first. A deleted task's history stays readable.
 */
@Component
public class TaskHistory {

    private final EventStore events;
    private final TaskAccess access;
    private final UserDirectory users;

    TaskHistory(EventStore events, TaskAccess access, UserDirectory users) {
        this.events = events;
        this.access = access;
        this.users = users;
    }

    public record Change(Object from, Object to) {
    }

    public record Entry(Instant at, DirectoryUser.Ref actor, String type, Map<String, Change> changes) {
    }

    public List<Entry> of(UUID id, CurrentUser caller) {
        List<Entry> entries = new ArrayList<>();
        TaskCreated created = null;
        String text = null;
        String type = null;
        String assignee = null;
        TaskLink link = null;
        var stream = events.readEvents(id.toString());
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            Object event = message.getPayload();
            Map<String, Change> changes = new LinkedHashMap<>();
            if (event instanceof TaskCreated e) {
                created = e;
                text = e.text();
                type = e.type();
                assignee = e.assigneeId();
                link = e.link();
                changes.put("text", new Change(null, e.text()));
                changes.put("type", new Change(null, e.type()));
                changes.put("due", new Change(null, due(e.dueAt(), e.dueDate())));
                changes.put("assignee", new Change(null, ref(e.assigneeId())));
                if (e.link() != null) {
                    changes.put("link", new Change(null, e.link()));
                }
                changes.put("source", new Change(null, e.source()));
            } else if (event instanceof TaskUpdated e) {
                if (!Objects.equals(text, e.text())) {
                    changes.put("text", new Change(text, e.text()));
                }
                if (!Objects.equals(type, e.type())) {
                    changes.put("type", new Change(type, e.type()));
                }
                if (!Objects.equals(e.previousLink(), e.link())) {
                    changes.put("link", new Change(e.previousLink(), e.link()));
                }
                text = e.text();
                type = e.type();
                link = e.link();
            } else if (event instanceof TaskRescheduled e) {
                changes.put("due", new Change(due(e.previousDueAt(), e.previousDueDate()), due(e.dueAt(), e.dueDate())));
            } else if (event instanceof TaskReassigned e) {
                assignee = e.toAssigneeId();
                changes.put("assignee", new Change(ref(e.fromAssigneeId()), ref(e.toAssigneeId())));
                if (e.reason() != null) {
                    changes.put("reason", new Change(null, e.reason()));
                }
            } else if (event instanceof TaskCompleted e) {
                changes.put("status", new Change("open", "done"));
                changes.put("result", new Change(null, e.result()));
            } else if (event instanceof TaskReopened) {
                changes.put("status", new Change("done", "open"));
            } else if (event instanceof TaskDeleted) {
                changes.put("deleted", new Change(false, true));
            } else if (event instanceof TaskOverdue) {
                changes.put("status", new Change("open", "overdue"));
            }
            Object actor = message.getMetaData().get(Actors.META_DATA_KEY);
            entries.add(new Entry(message.getTimestamp(), actor == null ? ref(EventEnvelope.SYSTEM_ACTOR) : ref(actor.toString()),
                    message.getPayloadType().getSimpleName(), changes));
        }
        if (created == null) {
            throw DomainException.notFound("not-found", "Задача не найдена.");
        }
        access.requireVisible(caller, assignee, link);
        Collections.reverse(entries);
        return entries;
    }

    private static Object due(Instant at, java.time.LocalDate date) {
        return at != null ? at : date;
    }

    private DirectoryUser.Ref ref(String userId) {
        if (EventEnvelope.SYSTEM_ACTOR.equals(userId)) {
            return new DirectoryUser.Ref(EventEnvelope.SYSTEM_ACTOR, EventEnvelope.SYSTEM_ACTOR, "Система");
        }
        return users.find(userId).map(DirectoryUser::ref).orElse(new DirectoryUser.Ref(userId, null, null));
    }
}
