package ru.lomcrm.deal.party;

import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import ru.lomcrm.contracts.Topics;
import ru.lomcrm.contracts.party.CompanyCreated;
import ru.lomcrm.contracts.party.CompanyUpdated;
import ru.lomcrm.contracts.party.ContactCreated;
import ru.lomcrm.contracts.party.ContactUpdated;
import ru.lomcrm.platform.events.EventInbox;
import ru.lomcrm.platform.events.EventJson;

/**
 * Names and phones of contacts and companies, replicated from party-service's topic so that the
 * board, the list and the text search show and find them without calling party-service.
 */
@Component
class PartyNamesReplica {

    static final String CONSUMER = "deal.party-names";

    private final EventInbox inbox;
    private final JdbcTemplate jdbc;

    PartyNamesReplica(EventInbox inbox, JdbcTemplate jdbc) {
        this.inbox = inbox;
        this.jdbc = jdbc;
    }

    @KafkaListener(topics = "${crm.kafka.topic-prefix:}" + Topics.PARTY)
    void on(ConsumerRecord<String, String> record) {
        inbox.accept(CONSUMER, record, envelope -> {
            if (EventJson.is(envelope, ContactCreated.class)) {
                var e = EventJson.payload(envelope, ContactCreated.class);
                upsert(e.contactId(), "contact", e.name(), e.phones());
            } else if (EventJson.is(envelope, ContactUpdated.class)) {
                var e = EventJson.payload(envelope, ContactUpdated.class);
                upsert(e.contactId(), "contact", e.name(), e.phones());
            } else if (EventJson.is(envelope, CompanyCreated.class)) {
                var e = EventJson.payload(envelope, CompanyCreated.class);
                upsert(e.companyId(), "company", e.name(), e.phones());
            } else if (EventJson.is(envelope, CompanyUpdated.class)) {
                var e = EventJson.payload(envelope, CompanyUpdated.class);
                upsert(e.companyId(), "company", e.name(), e.phones());
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
