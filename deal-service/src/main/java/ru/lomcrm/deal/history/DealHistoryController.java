package ru.lomcrm.deal.history;

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
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;

import ru.lomcrm.contracts.EventEnvelope;
import ru.lomcrm.contracts.deal.DealClosed;
import ru.lomcrm.contracts.deal.DealCreated;
import ru.lomcrm.contracts.deal.DealNoteAdded;
import ru.lomcrm.contracts.deal.DealDetails;
import ru.lomcrm.contracts.deal.DealOwnerChanged;
import ru.lomcrm.contracts.deal.DealStageChanged;
import ru.lomcrm.contracts.deal.DealTagged;
import ru.lomcrm.contracts.deal.DealUntagged;
import ru.lomcrm.contracts.deal.DealUpdated;
import ru.lomcrm.contracts.deal.DeliveryCompleted;
import ru.lomcrm.deal.deal.DealCommands.AddDealNote;
import ru.lomcrm.platform.events.Actors;
import ru.lomcrm.platform.security.CurrentUser;
import ru.lomcrm.platform.security.Ownership;
import ru.lomcrm.platform.users.DirectoryUser;
import ru.lomcrm.platform.users.UserDirectory;
import ru.lomcrm.platform.web.Notes;
import ru.lomcrm.platform.web.DomainException;

/**
 * Rule 6, proof: every change of a deal with who and when, read straight from the event store
 * (the record itself, not a copy), newest first — and the notes people write into that record.
 */
@RestController
class DealHistoryController {

    private final EventStore events;
    private final Ownership ownership;
    private final UserDirectory users;
    private final CommandGateway commands;

    DealHistoryController(EventStore events, Ownership ownership, UserDirectory users, CommandGateway commands) {
        this.events = events;
        this.ownership = ownership;
        this.users = users;
        this.commands = commands;
    }

    /** Adds a note to the deal's record; answers with it as the history shows it. */
    @PostMapping("/api/deals/{id}/notes")
    @ResponseStatus(HttpStatus.CREATED)
    Entry addNote(@PathVariable UUID id, @Valid @RequestBody Notes.Body body, CurrentUser caller) {
        UUID noteId = body.noteId() == null ? UUID.randomUUID() : body.noteId();
        commands.sendAndWait(Actors.command(new AddDealNote(id, caller, noteId, body.text()), caller.id()));
        var stream = events.readEvents(id.toString());
        Entry added = null;
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            if (message.getPayload() instanceof DealNoteAdded note && note.noteId().equals(noteId)) {
                added = entry(message, Map.of("text", new Change(null, note.text())));
            }
        }
        return Objects.requireNonNull(added, "the note just added");
    }

    public record Change(Object from, Object to) {
    }

    public record Entry(Instant at, DirectoryUser.Ref actor, String type, Map<String, Change> changes) {
    }

    public record History(List<Entry> items) {
    }

    @GetMapping("/api/deals/{id}/history")
    History history(@PathVariable UUID id, CurrentUser caller) {
        List<Entry> entries = new ArrayList<>();
        String ownerId = null;
        DealCreated created = null;
        DealUpdated lastUpdate = null;
        var stream = events.readEvents(id.toString());
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            Object event = message.getPayload();
            Map<String, Change> changes = new LinkedHashMap<>();
            if (event instanceof DealCreated e) {
                created = e;
                ownerId = e.ownerId();
                changes.put("title", new Change(null, e.title()));
                changes.put("funnel", new Change(null, e.funnel()));
                changes.put("stage", new Change(null, e.stage()));
                changes.put("owner", new Change(null, ref(e.ownerId())));
                changes.put("source", new Change(null, e.source()));
            } else if (event instanceof DealUpdated e) {
                (lastUpdate != null ? new Fields(lastUpdate) : new Fields(created)).diff(new Fields(e), changes);
                lastUpdate = e;
            } else if (event instanceof DealStageChanged e) {
                changes.put("stage", new Change(e.fromStage(), e.toStage()));
            } else if (event instanceof DealClosed e) {
                changes.put("stage", new Change(e.fromStage(), e.outcome()));
                if (e.reason() != null) {
                    changes.put("reason", new Change(null, e.reason()));
                }
            } else if (event instanceof DealOwnerChanged e) {
                ownerId = e.toOwnerId();
                changes.put("owner", new Change(ref(e.fromOwnerId()), ref(e.toOwnerId())));
            } else if (event instanceof DealTagged e) {
                changes.put("tags", new Change(null, e.tag()));
            } else if (event instanceof DealUntagged e) {
                changes.put("tags", new Change(e.tag(), null));
            } else if (event instanceof DealNoteAdded e) {
                changes.put("text", new Change(null, e.text()));
            } else if (event instanceof DeliveryCompleted e) {
                // in the order a weighbridge ticket reads, so the feed shows it so
                var delivery = new java.util.LinkedHashMap<String, Object>();
                delivery.put("ordinal", e.ordinal());
                delivery.put("ticketNo", e.ticketNo());
                delivery.put("grade", e.grade());
                delivery.put("weightKg", e.weightKg());
                delivery.put("pricePerTonne", e.pricePerTonne());
                delivery.put("amount", e.amount());
                changes.put("delivery", new Change(null, delivery));
            }
            entries.add(entry(message, changes));
        }
        if (created == null) {
            throw DomainException.notFound("not-found", "Сделка не найдена.");
        }
        ownership.requireVisible(caller, ownerId, "Сделка не найдена.");
        Collections.reverse(entries);
        return new History(entries);
    }

    private Entry entry(DomainEventMessage<?> message, Map<String, Change> changes) {
        Object actor = message.getMetaData().get(Actors.META_DATA_KEY);
        return new Entry(message.getTimestamp(), actor == null || EventEnvelope.SYSTEM_ACTOR.equals(actor)
                ? new DirectoryUser.Ref(EventEnvelope.SYSTEM_ACTOR, EventEnvelope.SYSTEM_ACTOR, "Система")
                : ref(actor.toString()), message.getPayloadType().getSimpleName(), changes);
    }

    private DirectoryUser.Ref ref(String userId) {
        return users.find(userId).map(DirectoryUser::ref).orElse(new DirectoryUser.Ref(userId, null, null));
    }

    /** The editable fields, flattened for comparison. */
    private record Fields(Map<String, Object> values) {

        Fields(DealCreated e) {
            this(flatten(e.title(), e.contactId(), e.companyId(), e.details()));
        }

        Fields(DealUpdated e) {
            this(flatten(e.title(), e.contactId(), e.companyId(), e.details()));
        }

        void diff(Fields after, Map<String, Change> changes) {
            after.values.forEach((field, value) -> {
                Object old = values.get(field);
                if (!Objects.equals(old, value)) {
                    changes.put(field, new Change(old, value));
                }
            });
        }

        private static Map<String, Object> flatten(String title, UUID contactId, UUID companyId, DealDetails d) {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("title", title);
            values.put("contactId", contactId);
            values.put("companyId", companyId);
            values.put("expectedMonthlyVolumeT", d.expectedMonthlyVolumeT());
            values.put("metalGrades", d.metalGrades());
            values.put("priceTerms", d.priceTerms());
            values.put("address", d.address());
            values.put("notes", d.notes());
            var q = d.questionnaire();
            values.put("questionnaire.scrapType", q.scrapType());
            values.put("questionnaire.volumes", q.volumes());
            values.put("questionnaire.location", q.location());
            values.put("questionnaire.delivery", q.delivery());
            values.put("questionnaire.paymentTerms", q.paymentTerms());
            values.put("questionnaire.frequency", q.frequency());
            return values;
        }
    }
}
