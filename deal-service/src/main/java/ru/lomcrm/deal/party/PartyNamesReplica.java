package ru.lomcrm.deal.party;

import java.util.List;
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
import ru.lomcrm.contracts.party.PartyOwnerChanged;
import ru.lomcrm.deal.deal.DealCommands.ReplaceDealParty;
import ru.lomcrm.platform.events.Actors;
import ru.lomcrm.platform.events.EventInbox;
import ru.lomcrm.platform.events.EventJson;

/**
 * Names and phones of contacts and companies, replicated from party-service's topic so that the
 * board, the list and the text search show and find them without calling party-service. When two
 * parties are merged there, the deals naming the duplicate are re-pointed to the survivor. Owners
 * are kept too: a deal may name only a party its author may see ({@link PartyAccess}).
 */
@Component
class PartyNamesReplica {

    static final String CONSUMER = "deal.party-names";

    private final EventInbox inbox;
    private final JdbcTemplate jdbc;
    private final CommandGateway commands;

    PartyNamesReplica(EventInbox inbox, JdbcTemplate jdbc, CommandGateway commands) {
        this.inbox = inbox;
        this.jdbc = jdbc;
        this.commands = commands;
    }

    @KafkaListener(topics = "${crm.kafka.topic-prefix:}" + Topics.PARTY)
    void on(ConsumerRecord<String, String> record) {
        inbox.accept(CONSUMER, record, envelope -> {
            if (EventJson.is(envelope, ContactCreated.class)) {
                var e = EventJson.payload(envelope, ContactCreated.class);
                upsert(e.contactId(), "contact", e.name(), e.phones());
                jdbc.update("UPDATE party_name SET owner_id = ? WHERE id = ?", e.ownerId(), e.contactId());
            } else if (EventJson.is(envelope, ContactUpdated.class)) {
                var e = EventJson.payload(envelope, ContactUpdated.class);
                upsert(e.contactId(), "contact", e.name(), e.phones());
            } else if (EventJson.is(envelope, CompanyCreated.class)) {
                var e = EventJson.payload(envelope, CompanyCreated.class);
                upsert(e.companyId(), "company", e.name(), e.phones());
                jdbc.update("UPDATE party_name SET owner_id = ? WHERE id = ?", e.ownerId(), e.companyId());
            } else if (EventJson.is(envelope, CompanyUpdated.class)) {
                var e = EventJson.payload(envelope, CompanyUpdated.class);
                upsert(e.companyId(), "company", e.name(), e.phones());
            } else if (EventJson.is(envelope, PartyOwnerChanged.class)) {
                var e = EventJson.payload(envelope, PartyOwnerChanged.class);
                jdbc.update("UPDATE party_name SET owner_id = ? WHERE id = ?", e.toOwnerId(), e.partyId());
            } else if (EventJson.is(envelope, PartiesMerged.class)) {
                var e = EventJson.payload(envelope, PartiesMerged.class);
                jdbc.update("UPDATE party_name SET merged_into = ? WHERE id = ?", e.survivorId(), e.mergedId());
                for (UUID dealId : jdbc.queryForList("SELECT id FROM deal_view WHERE contact_id = ? OR company_id = ?", UUID.class,
                        e.mergedId(), e.mergedId())) {
                    commands.sendAndWait(Actors.command(new ReplaceDealParty(dealId, e.mergedId(), e.survivorId()), envelope.actor()));
                }
            }
        });
    }

    /** Phones are kept as digits only, space-separated, for the list's phone search. */
    private void upsert(UUID id, String kind, String name, List<String> phones) {
        String digits = String.join(" ", phones.stream().map(p -> p.replaceAll("\\D", "")).toList());
        jdbc.update("""
                INSERT INTO party_name (id, kind, name, phones) VALUES (?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET name = excluded.name, phones = excluded.phones""", id, kind, name, digits);
    }
}
