package ru.lomcrm.party.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import ru.lomcrm.contracts.EventEnvelope;
import ru.lomcrm.contracts.party.PartiesMerged;
import ru.lomcrm.party.view.PartyQueries;
import ru.lomcrm.platform.events.Actors;
import ru.lomcrm.platform.security.CurrentUser;
import ru.lomcrm.platform.users.DirectoryUser;
import ru.lomcrm.platform.users.UserDirectory;

/** Rule 6: everything that happened to a contact or company, with who and when, from the event store, newest first. */
@RestController
class PartyHistoryController {

    private final EventStore events;
    private final PartyQueries parties;
    private final UserDirectory users;

    PartyHistoryController(EventStore events, PartyQueries parties, UserDirectory users) {
        this.events = events;
        this.parties = parties;
        this.users = users;
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
    History history(@PathVariable UUID id, jakarta.servlet.http.HttpServletRequest request, CurrentUser caller) {
        parties.card(id, request.getRequestURI().startsWith("/api/contacts") ? "contact" : "company", caller);
        List<Entry> entries = new ArrayList<>();
        collect(id, entries, new HashSet<>());
        entries.sort(Comparator.comparing(Entry::at).reversed());
        return new History(entries);
    }

    private void collect(UUID partyId, List<Entry> entries, Set<UUID> seen) {
        if (!seen.add(partyId)) {
            return;
        }
        var stream = events.readEvents(partyId.toString());
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            Object actor = message.getMetaData().get(Actors.META_DATA_KEY);
            DirectoryUser.Ref who = actor == null || EventEnvelope.SYSTEM_ACTOR.equals(actor)
                    ? new DirectoryUser.Ref(EventEnvelope.SYSTEM_ACTOR, EventEnvelope.SYSTEM_ACTOR, "Система")
                    : users.find(actor.toString()).map(DirectoryUser::ref).orElse(new DirectoryUser.Ref(actor.toString(), null, null));
            entries.add(new Entry(message.getTimestamp(), who, message.getPayloadType().getSimpleName(), message.getPayload(), partyId));
            if (message.getPayload() instanceof PartiesMerged merged && merged.survivorId().equals(partyId)) {
                collect(merged.mergedId(), entries, seen);
            }
        }
    }
}
