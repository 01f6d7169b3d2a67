package ru.lomcrm.task.party;

import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import ru.lomcrm.contracts.Topics;
import ru.lomcrm.contracts.party.CompanyCreated;
import ru.lomcrm.contracts.party.CompanyUpdated;
import ru.lomcrm.contracts.party.ContactCreated;
import ru.lomcrm.contracts.party.ContactUpdated;
import ru.lomcrm.contracts.party.PartiesMerged;
import ru.lomcrm.contracts.party.PartyMergedInto;
import ru.lomcrm.contracts.party.PartyOwnerChanged;
import ru.lomcrm.contracts.task.TaskLink;
import ru.lomcrm.platform.events.Actors;
import ru.lomcrm.platform.events.EventInbox;
import ru.lomcrm.platform.events.EventJson;
import ru.lomcrm.task.task.TaskCommands.RelinkTask;

/**
 * Party-service's events, applied once each: names and owners of contacts and companies for task links (the owner: who may link a task to it),
 * and merges — a task about the merged party is re-linked to the survivor (in the same
 * transaction as the inbox row).
 */
@Component
class PartyEvents {

    static final String CONSUMER = "task.party-events";

    private final EventInbox inbox;
    private final JdbcTemplate jdbc;
    private final CommandGateway commands;

    PartyEvents(EventInbox inbox, JdbcTemplate jdbc, CommandGateway commands) {
        this.inbox = inbox;
        this.jdbc = jdbc;
        this.commands = commands;
    }

    @KafkaListener(topics = "${crm.kafka.topic-prefix:}" + Topics.PARTY)
    void on(ConsumerRecord<String, String> record) {
        inbox.accept(CONSUMER, record, envelope -> {
            if (EventJson.is(envelope, ContactCreated.class)) {
                var e = EventJson.payload(envelope, ContactCreated.class);
                name(e.contactId(), TaskLink.CONTACT, e.name());
                owner(e.contactId(), e.ownerId());
            } else if (EventJson.is(envelope, ContactUpdated.class)) {
                var e = EventJson.payload(envelope, ContactUpdated.class);
                name(e.contactId(), TaskLink.CONTACT, e.name());
            } else if (EventJson.is(envelope, CompanyCreated.class)) {
                var e = EventJson.payload(envelope, CompanyCreated.class);
                name(e.companyId(), TaskLink.COMPANY, e.name());
                owner(e.companyId(), e.ownerId());
            } else if (EventJson.is(envelope, PartyOwnerChanged.class)) {
                var e = EventJson.payload(envelope, PartyOwnerChanged.class);
                owner(e.partyId(), e.toOwnerId());
            } else if (EventJson.is(envelope, CompanyUpdated.class)) {
                var e = EventJson.payload(envelope, CompanyUpdated.class);
                name(e.companyId(), TaskLink.COMPANY, e.name());
            } else if (EventJson.is(envelope, PartyMergedInto.class)) {
                var e = EventJson.payload(envelope, PartyMergedInto.class);
                jdbc.update("UPDATE party_ref SET merged_into = ? WHERE id = ?", e.survivorId(), e.partyId());
            } else if (EventJson.is(envelope, PartiesMerged.class)) {
                var e = EventJson.payload(envelope, PartiesMerged.class);
                jdbc.update("UPDATE party_ref SET merged_into = ? WHERE id = ?", e.survivorId(), e.mergedId());
                TaskLink survivor = new TaskLink(e.partyType(), e.survivorId());
                for (UUID taskId : jdbc.queryForList("SELECT id FROM task_state WHERE link_id = ? AND link_type = ? AND NOT deleted",
                        UUID.class, e.mergedId(), e.partyType())) {
                    commands.sendAndWait(Actors.command(new RelinkTask(taskId, e.mergedId(), survivor), envelope.actor()));
                }
            }
        });
    }

    private void owner(UUID id, String ownerId) {
        jdbc.update("UPDATE party_ref SET owner_id = ? WHERE id = ?", ownerId, id);
    }

    private void name(UUID id, String kind, String name) {
        jdbc.update("""
                INSERT INTO party_ref (id, kind, name) VALUES (?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET name = excluded.name""", id, kind, name == null ? "" : name);
    }
}
