package ru.lomcrm.party.view;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import ru.lomcrm.contracts.party.ClientPromoted;
import ru.lomcrm.contracts.party.CompanyArchived;
import ru.lomcrm.contracts.party.CompanyCreated;
import ru.lomcrm.contracts.party.CompanyUpdated;
import ru.lomcrm.contracts.party.ContactArchived;
import ru.lomcrm.contracts.party.ContactCreated;
import ru.lomcrm.contracts.party.ContactLinkedToCompany;
import ru.lomcrm.contracts.party.ContactUnlinkedFromCompany;
import ru.lomcrm.contracts.party.ContactUpdated;
import ru.lomcrm.contracts.party.PartiesMerged;
import ru.lomcrm.contracts.party.PartyDeliveryCounted;
import ru.lomcrm.contracts.party.PartyMergedInto;
import ru.lomcrm.contracts.party.PartyOwnerChanged;
import ru.lomcrm.contracts.party.PartyNoteAdded;
import ru.lomcrm.contracts.party.PartyTagged;
import ru.lomcrm.contracts.party.PartyUntagged;
import ru.lomcrm.party.party.PartyCard;

/** {@code party_view}: lists and cards of contacts and companies. Every statement is safe to replay. */
@Component
@ProcessingGroup("party-view")
class PartyViewProjection {

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    PartyViewProjection(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(ContactCreated e, @SequenceNumber long version, @Timestamp Instant at) {
        var card = new PartyCard(e.name(), e.phones(), e.phoneTypes(), e.emails(), e.address(), e.notes(), e.position(), e.messengers(),
                null, null, null, null, null);
        insert(e.contactId(), "contact", card, e.ownerId(), e.companyIds(), version, at);
    }

    @EventHandler
    void on(CompanyCreated e, @SequenceNumber long version, @Timestamp Instant at) {
        var card = new PartyCard(e.name(), e.phones(), null, e.emails(), e.address(), e.notes(), null, null, e.legalName(), e.inn(),
                e.kpp(), e.ogrn(), e.site());
        insert(e.companyId(), "company", card, e.ownerId(), List.of(), version, at);
    }

    @EventHandler
    void on(ContactUpdated e, @SequenceNumber long version, @Timestamp Instant at) {
        update(e.contactId(), new PartyCard(e.name(), e.phones(), e.phoneTypes(), e.emails(), e.address(), e.notes(), e.position(),
                e.messengers(), null, null, null, null, null), version, at);
    }

    @EventHandler
    void on(CompanyUpdated e, @SequenceNumber long version, @Timestamp Instant at) {
        update(e.companyId(), new PartyCard(e.name(), e.phones(), null, e.emails(), e.address(), e.notes(), null, null, e.legalName(),
                e.inn(), e.kpp(), e.ogrn(), e.site()), version, at);
    }

    @EventHandler
    void on(ContactArchived e, @SequenceNumber long version, @Timestamp Instant at) {
        set(e.contactId(), "archived = true", version, at);
    }

    @EventHandler
    void on(CompanyArchived e, @SequenceNumber long version, @Timestamp Instant at) {
        set(e.companyId(), "archived = true", version, at);
    }

    @EventHandler
    void on(PartyOwnerChanged e, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.update("UPDATE party_view SET owner_id = ?, updated_at = ?, version = ? WHERE id = ?", e.toOwnerId(), at.atOffset(ZoneOffset.UTC),
                version, e.partyId());
    }

    @EventHandler
    void on(ContactLinkedToCompany e, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.update("""
                UPDATE party_view SET company_ids = CASE WHEN ? = ANY(company_ids) THEN company_ids ELSE array_append(company_ids, ?) END,
                                      updated_at = ?, version = ? WHERE id = ?""",
                e.companyId(), e.companyId(), at.atOffset(ZoneOffset.UTC), version, e.contactId());
    }

    @EventHandler
    void on(ContactUnlinkedFromCompany e, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.update("UPDATE party_view SET company_ids = array_remove(company_ids, ?), updated_at = ?, version = ? WHERE id = ?",
                e.companyId(), at.atOffset(ZoneOffset.UTC), version, e.contactId());
    }

    @EventHandler
    void on(PartyDeliveryCounted e, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.update("UPDATE party_view SET deliveries = ?, updated_at = ?, version = ? WHERE id = ?", e.deliveries(),
                at.atOffset(ZoneOffset.UTC), version, e.partyId());
    }

    @EventHandler
    void on(ClientPromoted e, @SequenceNumber long version, @Timestamp Instant at) {
        set(e.partyId(), "status = 'permanent'", version, at);
    }

    @EventHandler
    void on(PartyTagged e, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.update("""
                UPDATE party_view SET tags = CASE WHEN ? = ANY(tags) THEN tags ELSE array_append(tags, ?) END, updated_at = ?, version = ?
                WHERE id = ?""", e.tag(), e.tag(), at.atOffset(ZoneOffset.UTC), version, e.partyId());
    }

    /** A note changes nothing listed but the time of the last change and the version (the card's ETag). */
    @EventHandler
    void on(PartyNoteAdded e, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.update("UPDATE party_view SET updated_at = ?, version = ? WHERE id = ?", at.atOffset(ZoneOffset.UTC), version, e.partyId());
    }

    @EventHandler
    void on(PartyUntagged e, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.update("UPDATE party_view SET tags = array_remove(tags, ?), updated_at = ?, version = ? WHERE id = ?", e.tag(),
                at.atOffset(ZoneOffset.UTC), version, e.partyId());
    }

    @EventHandler
    void on(PartyMergedInto e, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.update("UPDATE party_view SET merged_into = ?, updated_at = ?, version = ? WHERE id = ?", e.survivorId(),
                at.atOffset(ZoneOffset.UTC), version, e.partyId());
    }

    @EventHandler
    void on(PartiesMerged e, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.update("UPDATE party_view SET updated_at = ?, version = ? WHERE id = ?", at.atOffset(ZoneOffset.UTC), version, e.survivorId());
    }

    private void insert(UUID id, String type, PartyCard card, String ownerId, List<UUID> companyIds, long version, Instant at) {
        jdbc.update("""
                INSERT INTO party_view (id, type, name, owner_id, phones, emails, inn, card, company_ids, search, created_at, updated_at, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""",
                id, type, card.name(), ownerId, card.phones().toArray(String[]::new), card.emails().toArray(String[]::new), card.inn(),
                json.writeValueAsString(card), companyIds.toArray(UUID[]::new), search(card), at.atOffset(ZoneOffset.UTC),
                at.atOffset(ZoneOffset.UTC), version);
    }

    private void update(UUID id, PartyCard card, long version, Instant at) {
        jdbc.update("""
                UPDATE party_view SET name = ?, phones = ?, emails = ?, inn = ?, card = ?::jsonb, search = ?, updated_at = ?, version = ?
                WHERE id = ?""", card.name(), card.phones().toArray(String[]::new), card.emails().toArray(String[]::new), card.inn(),
                json.writeValueAsString(card), search(card), at.atOffset(ZoneOffset.UTC), version, id);
    }

    private void set(UUID id, String assignment, long version, Instant at) {
        jdbc.update("UPDATE party_view SET " + assignment + ", updated_at = ?, version = ? WHERE id = ?", at.atOffset(ZoneOffset.UTC),
                version, id);
    }

    /** One lower-case text with everything a person may type in the search box: name, digits of phones, e-mails, INN. */
    static String search(PartyCard card) {
        StringBuilder text = new StringBuilder(card.name().toLowerCase(java.util.Locale.ROOT));
        card.phones().forEach(p -> text.append(' ').append(p.replaceAll("\\D", "")));
        card.emails().forEach(e -> text.append(' ').append(e));
        if (card.inn() != null) {
            text.append(' ').append(card.inn());
        }
        if (card.legalName() != null) {
            text.append(' ').append(card.legalName().toLowerCase(java.util.Locale.ROOT));
        }
        return text.toString();
    }
}
