package ru.lomcrm.party.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import ru.lomcrm.contracts.EventEnvelope;
import ru.lomcrm.contracts.party.PartiesMerged;
import ru.lomcrm.contracts.party.PartyNoteAdded;
import ru.lomcrm.party.party.PartyCommands.AddPartyNote;
import ru.lomcrm.party.view.PartyQueries;
import ru.lomcrm.platform.events.Actors;
import ru.lomcrm.platform.security.CurrentUser;
import ru.lomcrm.platform.users.DirectoryUser;
import ru.lomcrm.platform.users.UserDirectory;
import ru.lomcrm.platform.web.Notes;

/**
 * Rule 6: everything that happened to a contact or company, with who and when, from the event store, newest first —
 * and the notes people write into that record.
 */
@RestController
class PartyHistoryController {

    private final EventStore events;
    private final PartyQueries parties;
    private final UserDirectory users;
    private final CommandGateway commands;

    PartyHistoryController(EventStore events, PartyQueries parties, UserDirectory users, CommandGateway commands) {
        this.events = events;
        this.parties = parties;
        this.users = users;
        this.commands = commands;
    }

    /**
     * {@code change}: the event's own fields (for an edit, the card as it became); {@code partyId}:
     * whose event it is — after a merge the survivor's history also holds its duplicates'.
     */
    public record Entry(Instant at, DirectoryUser.Ref actor, String type, Object change, UUID partyId) {
    }

    public record History(List<Entry> items) {
    }

    @GetMapping({"/api/contacts/{id}/history", "/api/companies/{id}/history"})
    History history(@PathVariable UUID id, HttpServletRequest request, CurrentUser caller) {
        parties.card(id, kindOf(request), caller);
        List<Entry> entries = new ArrayList<>();
        collect(id, entries, new HashSet<>());
        // oldest first, events of one moment in the order they were recorded (a stable sort), then newest first
        entries.sort(Comparator.comparing(Entry::at));
        Collections.reverse(entries);
        return new History(entries);
    }

    /** Adds a note to the card's record; answers with it as the history shows it. */
    @PostMapping({"/api/contacts/{id}/notes", "/api/companies/{id}/notes"})
    @ResponseStatus(HttpStatus.CREATED)
    Entry addNote(@PathVariable UUID id, @Valid @RequestBody Notes.Body body, HttpServletRequest request, CurrentUser caller) {
        parties.card(id, kindOf(request), caller);
        UUID noteId = body.noteId() == null ? UUID.randomUUID() : body.noteId();
        commands.sendAndWait(Actors.command(new AddPartyNote(id, caller, noteId, body.text()), caller.id()));
        var stream = events.readEvents(id.toString());
        Entry added = null;
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            if (message.getPayload() instanceof PartyNoteAdded note && note.noteId().equals(noteId)) {
                added = entry(message, id);
            }
        }
        return Objects.requireNonNull(added, "the note just added");
    }

    private static String kindOf(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/api/contacts") ? "contact" : "company";
    }

    private void collect(UUID partyId, List<Entry> entries, Set<UUID> seen) {
        if (!seen.add(partyId)) {
            return;
        }
        var stream = events.readEvents(partyId.toString());
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            entries.add(entry(message, partyId));
            if (message.getPayload() instanceof PartiesMerged merged && merged.survivorId().equals(partyId)) {
                collect(merged.mergedId(), entries, seen);
            }
        }
    }

    private Entry entry(DomainEventMessage<?> message, UUID partyId) {
        Object actor = message.getMetaData().get(Actors.META_DATA_KEY);
        DirectoryUser.Ref who = actor == null || EventEnvelope.SYSTEM_ACTOR.equals(actor)
                ? new DirectoryUser.Ref(EventEnvelope.SYSTEM_ACTOR, EventEnvelope.SYSTEM_ACTOR, "Система")
                : users.find(actor.toString()).map(DirectoryUser::ref).orElse(new DirectoryUser.Ref(actor.toString(), null, null));
        return new Entry(message.getTimestamp(), who, message.getPayloadType().getSimpleName(), message.getPayload(), partyId);
    }
}
